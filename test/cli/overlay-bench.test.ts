import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BENCH_CASES } from '../../scripts/lib/bench/cases';
import { ImportedBenchSchema } from '../../scripts/lib/bench/imported';
import { overlayRunCases, writeOverlayJson } from '../../scripts/lib/bench/overlay-cases';
import {
  BRIDGE,
  bundleMetrics,
  frameCosts,
  type MeasureEntry,
  PAINT,
  SNAPSHOT,
  summarize,
} from '../../scripts/lib/bench/overlay-frames';
import { marksPanMetrics } from '../../scripts/lib/bench/realised-cases';
import { runBench } from '../../scripts/lib/bench/run-bench';
import type { BenchCase, Metric } from '../../scripts/lib/bench/types';
import { memIo } from './mem-io';

/** A lookup of one metric by its label in a case's metrics. */
const metricOf = (metrics: readonly Metric[] | undefined) => (label: string) =>
  metrics?.find((x) => x.label === label);

const m = (name: string, startTime: number, duration: number): MeasureEntry => ({
  name,
  startTime,
  duration,
});

describe('overlay frame costs', () => {
  it('charges each paint with the snapshots and bridge reads since the previous paint', () => {
    const entries = [
      // Out of order on purpose: grouping goes by start time.
      m(PAINT, 10, 0.5),
      m(BRIDGE, 0, 0.3),
      m(SNAPSHOT, 1, 0.1),
      m(SNAPSHOT, 2, 0.2),
      m(BRIDGE, 16, 0.4),
      m(SNAPSHOT, 17, 0.1),
      m(PAINT, 36, 0.6),
      // Work after the last paint has no frame yet.
      m(BRIDGE, 40, 0.3),
      m(SNAPSHOT, 41, 0.2),
      m('other', 42, 9),
    ];
    const costs = frameCosts(entries);
    expect(costs.paint).toEqual([0.5, 0.6]);
    expect(costs.overlay.map((x) => Number(x.toFixed(6)))).toEqual([0.8, 0.7]);
    expect(costs.total.map((x) => Number(x.toFixed(6)))).toEqual([1.1, 1.1]);
    expect(costs.snapshot).toEqual([0.1, 0.2, 0.1, 0.2]);
    expect(costs.bridge).toEqual([0.3, 0.4, 0.3]);
  });

  it('summarises median, p95 and max', () => {
    const samples = Array.from({ length: 21 }, (_, i) => 20 - i);
    expect(summarize(samples)).toEqual({ count: 21, median: 10, p95: 19, max: 20 });
    expect(summarize([]).count).toBe(0);
    expect(summarize([]).median).toBeNaN();
  });
});

describe('bundle sizes', () => {
  it('reports each script raw (held to 60 kB) and gzipped, and the largest style sheet once', async () => {
    const build = mkdtempSync(join(tmpdir(), 'liqlens-bundle-'));
    const dir = join(build, 'content-scripts');
    mkdirSync(dir);
    const big = Buffer.from('x'.repeat(61_000));
    writeFileSync(join(dir, 'okx.js'), big);
    writeFileSync(join(dir, 'chart-bridge.js'), 'abc'.repeat(1000));
    writeFileSync(join(dir, 'okx.css'), 'a{}');
    writeFileSync(join(dir, 'bybit.css'), 'b{color:red}');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const gz = (b: Buffer | string) => Number((gzipSync(b, { level: 9 }).length / 1000).toFixed(1));
    expect(await bundleMetrics(build)).toEqual([
      { label: 'chart-bridge.js raw', value: 3, unit: 'kB', limitMax: 60 },
      { label: 'chart-bridge.js gzip', value: gz('abc'.repeat(1000)), unit: 'kB' },
      { label: 'okx.js raw', value: 61, unit: 'kB', limitMax: 60 },
      { label: 'okx.js gzip', value: gz(big), unit: 'kB' },
      { label: 'bybit.css (largest style sheet) raw', value: 0, unit: 'kB' },
      { label: 'bybit.css (largest style sheet) gzip', value: gz('b{color:red}'), unit: 'kB' },
    ]);
    expect(await bundleMetrics(join(build, 'missing'))).toBeNull();
  });
});

describe('overlay bench cases', () => {
  const rangeThread = {
    ok: true as const,
    overlay: [0.5, 1.25, 0.75],
    total: [1, 1.5, 0.75],
    interrupts: [0, 0.75, 0],
    sums: {
      overlay: { thread: 2.5, measuring: 0, wall: 3, calls: 6, untimed: 0, clamped: 0 },
      bridge: { thread: 0.75, measuring: 0, wall: 2, calls: 3, untimed: 0, clamped: 0 },
    },
  };
  const run = {
    rangePan: [
      m(BRIDGE, 0, 0.25),
      m(SNAPSHOT, 1, 0.25),
      m(PAINT, 2, 0.5),
      m(SNAPSHOT, 3, 0.5),
      m(PAINT, 4, 0.75),
    ],
    dragPan: [m(SNAPSHOT, 1, 0.125), m(PAINT, 2, 0.25)],
    rangeThread,
    dragThread: {
      ok: false as const,
      reason: 'the trace has no thread times (tdur) for the extension’s calls',
    },
    // The pans just after load: slower frames, the same sums (not reported for them).
    afterLoadThread: {
      ...rangeThread,
      overlay: [0.75, 1.75, 1],
      total: [1.25, 2, 1.5],
      interrupts: [0.25, 0.5, 0],
    },
    liveThread: {
      ok: true as const,
      overlay: [0.5, 2.25, 0.75, 0.5],
      total: [1, 2.5, 1, 0.75],
      interrupts: [0, 0, 0, 0],
      sums: {
        overlay: { thread: 4, measuring: 0, wall: 4.5, calls: 9, untimed: 0, clamped: 0 },
        bridge: { thread: 1, measuring: 0, wall: 1.5, calls: 4, untimed: 0, clamped: 0 },
      },
    },
    liveTicks: 30,
    stillLive: {
      thread: {
        ok: true as const,
        overlay: [1.5],
        total: [2],
        interrupts: [0],
        sums: {
          overlay: { thread: 12.5, measuring: 0.5, wall: 14, calls: 40, untimed: 0, clamped: 0 },
          bridge: { thread: 60.25, measuring: 0.25, wall: 70, calls: 180, untimed: 0, clamped: 0 },
        },
      },
      frames: 180,
      ms: 3000,
    },
    rangeFrames: 3,
    idlePaints: 0,
    idleMs: 2000,
    switches: [30, 10, 20],
    layers: { heatmap: true, profile: false, bands: 6 },
  };

  it('turns a browser run into the imported-figures format, targets on the per-frame cost and the switch', async () => {
    const cases = overlayRunCases(run);
    expect(cases.map((c) => c.name)).toEqual([
      'overlay-frame',
      'overlay-frame-live',
      'overlay-still-live',
      'overlay-drag',
      'overlay-switch',
    ]);
    const frame = cases[0]?.metrics ?? [];
    // Frames: 0.25 + 0.5 = 0.75 ms, then 0.5 + 0.75 = 1.25 ms (over the target); with the bridge 1 and 1.25 ms.
    expect(frame.find((x) => x.label === 'overlay per frame: median')).toEqual({
      label: 'overlay per frame: median',
      value: 1,
      unit: 'ms',
      targetMax: 1,
    });
    expect(frame.find((x) => x.label === 'overlay frames over 1 ms')).toEqual({
      label: 'overlay frames over 1 ms',
      value: 1,
      unit: 'frames',
    });
    expect(cases[3]?.metrics.find((x) => x.label === 'overlay frames over 1 ms')?.value).toBe(0);
    expect(frame.find((x) => x.label === 'bridge + overlay per frame: max')?.value).toBe(1.25);
    expect(frame.find((x) => x.label === 'bridge read per frame: median')?.value).toBe(0.25);
    expect(cases[4]?.metrics).toEqual([
      { label: 'switches', value: 3, unit: 'switches' },
      { label: 'median', value: 20, unit: 'ms', targetMax: 1000 },
      { label: 'max', value: 30, unit: 'ms', targetMax: 1000 },
    ]);
    // What was drawn while panning: the heatmap, the profile and the bands, a missing layer said in words.
    expect(frame.find((x) => x.label === 'layers drawn: heatmap + profile (of 2)')?.value).toBe(1);
    expect(frame.find((x) => x.label === 'bands drawn')?.value).toBe(6);
    expect(cases[0]?.description).toContain(
      'Drawn when the pans began: heatmap, 6 bands (the profile did not appear).',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'liqlens-overlay-json-')), 'bench', 'overlay.json');
    await writeOverlayJson(cases, file);
    const parsed = ImportedBenchSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    expect(parsed.success).toBe(true);
  });

  it('reports thread time beside the wall time, or says why it is missing instead of printing zeros', () => {
    const [frame, live, still, drag] = overlayRunCases(run);
    const value = metricOf(frame?.metrics);
    expect(value('overlay per frame: median')?.value).toBe(1);
    expect(value('overlay thread time per frame: median')).toEqual({
      label: 'overlay thread time per frame: median',
      value: 0.75,
      unit: 'ms',
      targetMax: 1,
    });
    expect(value('overlay thread time per frame: max')?.value).toBe(1.25);
    expect(value('frames painted under the trace')?.value).toBe(3);
    expect(value('overlay frames over 1 ms of thread time')?.value).toBe(1);
    expect(value('bridge + overlay thread time per frame: median')?.value).toBe(1);
    expect(value('bridge + overlay frames over 1 ms of thread time')?.value).toBe(1);
    // V8's interrupts inside our calls, apart: the frame of 1.5 ms spent 0.75 of it on them, so without them the
    // frames are 1, 0.75 and 0.75 ms; a figure with no target.
    expect(value('frames in which V8 handled interrupts inside our calls')?.value).toBe(1);
    expect(value('bridge + overlay thread time per frame, V8’s interrupts left out: max')).toEqual({
      label: 'bridge + overlay thread time per frame, V8’s interrupts left out: max',
      value: 1,
      unit: 'ms',
    });
    expect(value('bridge + overlay thread time per frame, V8’s interrupts left out: median')?.value).toBe(
      0.75,
    );
    // (2.5 + 0.75) / (3 + 2) of the calls' wall time.
    expect(value('thread time / wall time of our calls')).toEqual({
      label: 'thread time / wall time of our calls',
      value: 65,
      unit: '%',
    });
    expect(frame?.description).not.toContain('not reported');
    // The pans traced just after the page loaded, before the warm-up: their own figures, none held to the target.
    const early = frame?.metrics.filter((x) => x.label.startsWith('just after load: ')) ?? [];
    expect(early.map((x) => [x.label.slice('just after load: '.length), x.value, x.unit])).toEqual([
      ['overlay thread time per frame: median', 1, 'ms'],
      ['overlay thread time per frame: p95', 1.675, 'ms'],
      ['overlay thread time per frame: max', 1.75, 'ms'],
      ['bridge + overlay thread time per frame: median', 1.5, 'ms'],
      ['bridge + overlay thread time per frame: p95', 1.95, 'ms'],
      ['bridge + overlay thread time per frame: max', 2, 'ms'],
      ['frames in which V8 handled interrupts inside our calls', 2, 'frames'],
    ]);
    expect(early.some((x) => 'targetMax' in x)).toBe(false);
    expect(frame?.description).toContain('Measured after the range pan ran 6 times more (untraced, 18 s)');
    const noEarly = overlayRunCases({ ...run, afterLoadThread: run.dragThread })[0];
    expect(noEarly?.metrics.some((x) => x.label.startsWith('just after load'))).toBe(false);
    expect(noEarly?.description).toContain('Thread time just after load not reported');
    expect(drag?.metrics.some((x) => x.label.includes('thread'))).toBe(false);
    expect(drag?.metrics.find((x) => x.label === 'overlay per frame: median')?.value).toBe(0.375);
    expect(drag?.description).toContain(
      'Thread time not reported: the trace has no thread times (tdur) for the extension’s calls.',
    );
    // The pan with a live price: its ticks, and its thread time against the same target.
    const liveValue = metricOf(live?.metrics);
    expect(liveValue('price changes during the pan')).toEqual({
      label: 'price changes during the pan',
      value: 30,
      unit: 'ticks',
    });
    expect(liveValue('bridge + overlay thread time per frame: max')).toEqual({
      label: 'bridge + overlay thread time per frame: max',
      value: 2.5,
      unit: 'ms',
      targetMax: 1,
    });
    expect(liveValue('overlay frames over 1 ms of thread time')?.value).toBe(1);
    // The still chart in a busy market: sums over the run, per second and per frame, the measure() calls taken out.
    expect(still?.metrics).toEqual([
      { label: 'animation frames, each with a new price', value: 180, unit: 'frames' },
      { label: 'overlay calls per second', value: 13.3, unit: 'calls' },
      { label: 'bridge calls per second', value: 60, unit: 'calls' },
      { label: 'overlay thread time per second', value: 4, unit: 'ms' },
      { label: 'bridge + overlay thread time per second', value: 24, unit: 'ms' },
      {
        label: 'bridge + overlay thread time per animation frame (mean)',
        value: 0.4,
        unit: 'ms',
        targetMax: 1,
      },
    ]);
    const untraced = overlayRunCases({ ...run, stillLive: { ...run.stillLive, thread: run.dragThread } })[2];
    expect(untraced?.metrics.map((x) => x.label)).toEqual(['animation frames, each with a new price']);
    expect(untraced?.description).toContain('Thread time not reported');
  });

  it('pooled traced pans: the p95 over all their frames, and the lowest and highest p95 of one pan', () => {
    // Three pans of 21 frames: 0.5 ms but for two slow ones (the p95 of 21 is the 20th), 1.5, 1.1 and 0.9 ms.
    const pan = (slow: number) => ({
      overlay: [...Array(19).fill(0.5), slow, slow],
      total: [...Array(19).fill(0.75), slow + 0.25, slow + 0.25],
    });
    const runs = [pan(1.5), pan(1.1), pan(0.9)];
    const pooled = overlayRunCases({
      ...run,
      rangeThread: {
        ...run.rangeThread,
        overlay: runs.flatMap((r) => r.overlay),
        total: runs.flatMap((r) => r.total),
        runs,
      },
    })[0]?.metrics;
    const value = metricOf(pooled);
    expect(value('traced pans pooled')).toEqual({ label: 'traced pans pooled', value: 3, unit: 'pans' });
    expect(value('overlay thread time per frame: p95 of one pan, lowest')).toEqual({
      label: 'overlay thread time per frame: p95 of one pan, lowest',
      value: 0.9,
      unit: 'ms',
    });
    expect(value('overlay thread time per frame: p95 of one pan, highest')?.value).toBe(1.5);
    expect(value('bridge + overlay thread time per frame: p95 of one pan, lowest')?.value).toBe(1.15);
    expect(value('bridge + overlay thread time per frame: p95 of one pan, highest')?.value).toBe(1.75);
    // Over all 63 frames the p95 lies 9/10 of the way from the 59th (0.9 ms) to the 60th (1.1 ms), held to the target.
    expect(value('overlay thread time per frame: p95')).toEqual({
      label: 'overlay thread time per frame: p95',
      value: 1.08,
      unit: 'ms',
      targetMax: 1,
    });
    // One traced run: no spread to report.
    expect(overlayRunCases(run)[0]?.metrics.some((x) => x.label.includes('one pan'))).toBe(false);
  });

  it('gives the marks pan wall time without a target and thread time with it, or none when the trace has none', () => {
    const marksRun = {
      rangePan: run.rangePan,
      rangeFrames: 3,
      rangeThread: run.rangeThread,
      afterLoadThread: run.afterLoadThread,
      printsSent: 600,
      marksBefore: 500,
      marksAfter: 500,
    };
    const metrics = marksPanMetrics(marksRun);
    const value = metricOf(metrics);
    expect(value('marks on the pane before the pan')?.value).toBe(500);
    expect(value('overlay per frame (wall): median')).toEqual({
      label: 'overlay per frame (wall): median',
      value: 1,
      unit: 'ms',
    });
    expect(value('paint (wall): max')?.value).toBe(0.75);
    expect(value('overlay thread time per frame: p95')?.targetMax).toBe(1);
    // Issue 10's figure is the overlay's frame: the bridge's and the overlay's together are beside it, no target.
    expect(value('bridge + overlay thread time per frame: median')).toEqual({
      label: 'bridge + overlay thread time per frame: median',
      value: 1,
      unit: 'ms',
    });
    expect(value('just after load: overlay thread time per frame: p95')?.targetMax).toBeUndefined();
    const untraced = marksPanMetrics({
      ...marksRun,
      rangeThread: run.dragThread,
      afterLoadThread: run.dragThread,
    });
    expect(untraced.some((x) => x.label.includes('thread'))).toBe(false);
    expect(untraced.some((x) => x.targetMax !== undefined)).toBe(false);
  });

  it('registers the overlay cases in npm run bench', () => {
    const names = BENCH_CASES.map((c) => c.name);
    for (const name of [
      'overlay-frame',
      'overlay-frame-live',
      'overlay-still-live',
      'overlay-drag',
      'overlay-switch',
      'bundle-size',
      'overlay-frame-marks',
    ])
      expect(names).toContain(name);
  });

  it('a case measured now replaces its figures imported from an earlier run; a skipped one does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liqlens-bench-dedupe-'));
    writeFileSync(
      join(dir, 'overlay.json'),
      JSON.stringify({
        measuredAt: '2026-11-01T00:00:00Z',
        cases: [
          { name: 'overlay-frame', metrics: [{ label: 'old', value: 9, unit: 'ms' }] },
          { name: 'overlay-switch', metrics: [{ label: 'old', value: 99, unit: 'ms' }] },
        ],
      }),
    );
    const cases: BenchCase[] = [
      {
        kind: 'metrics',
        name: 'overlay-frame',
        description: '',
        measure: () => [{ label: 'new', value: 1, unit: 'ms' }],
      },
      { kind: 'metrics', name: 'overlay-switch', description: '', measure: () => [] },
    ];
    const mem = memIo();
    expect(await runBench(['--json', '--import-dir', dir], mem.io, cases)).toBe(0);
    const results = JSON.parse(mem.stdout()).results as { name: string; metrics: { label: string }[] }[];
    expect(results.map((r) => [r.name, r.metrics.map((x) => x.label)])).toEqual([
      ['overlay-frame', ['new']],
      ['overlay-switch', []],
      ['overlay-switch', ['old']],
    ]);
  });
});
