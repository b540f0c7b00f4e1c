import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_CASES } from '../../scripts/lib/bench/cases';
import { readImported } from '../../scripts/lib/bench/imported';
import { runBench } from '../../scripts/lib/bench/run-bench';
import { quantile, timingStats } from '../../scripts/lib/bench/stats';
import { benchTable, formatMs } from '../../scripts/lib/bench/table';
import { type BenchCase, type BenchReport, timedCase } from '../../scripts/lib/bench/types';
import { memIo } from './mem-io';

describe('bench statistics', () => {
  it('interpolates quantiles between ranks', () => {
    const xs = [1, 2, 3, 4, 10];
    expect(quantile(xs, 0.5)).toBe(3);
    expect(quantile(xs, 0.25)).toBe(2);
    expect(quantile(xs, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises unsorted samples', () => {
    expect(timingStats([4, 1, 3, 2])).toEqual({
      runs: 4,
      minMs: 1,
      medianMs: 2.5,
      p25Ms: 1.75,
      p75Ms: 3.25,
      p90Ms: 3.7,
      maxMs: 4,
    });
  });

  it('writes milliseconds with about three significant digits', () => {
    expect(formatMs(0.4123)).toBe('0.412 ms');
    expect(formatMs(3.084)).toBe('3.08 ms');
    expect(formatMs(31.25)).toBe('31.3 ms');
    expect(formatMs(128.4)).toBe('128 ms');
  });
});

describe('the bench table', () => {
  const report: BenchReport = {
    node: 'v20.0.0',
    platform: 'linux-x64',
    cpus: 2,
    loadAverage: 1.25,
    peakRssMb: 140.4,
    results: [
      {
        kind: 'timed',
        name: 'model-30d-5m',
        description: 'runModel',
        info: { candles: 34_560 },
        runs: 30,
        minMs: 30,
        medianMs: 40,
        p25Ms: 35,
        p75Ms: 45,
        p90Ms: 48,
        maxMs: 60,
        cpuMedianMs: 39,
        heapDeltaMb: 15.04,
        targetMedianMs: 50,
      },
      {
        kind: 'metrics',
        name: 'overlay-frame',
        description: '',
        metrics: [{ label: 'per frame', value: 1.5, unit: 'ms', targetMax: 1 }],
        source: 'out/bench/overlay.json',
        measuredAt: '2026-11-01T00:00:00Z',
      },
    ],
  };

  it('shows the machine, the timings with their spread and target, and imported figures with their source', () => {
    const lines = benchTable(report);
    expect(lines[0]).toBe('node v20.0.0 · linux-x64 · 2 CPUs · load 1.3 · peak RSS 140 MB');
    const timed = lines.find((l) => l.includes('model-30d-5m'));
    expect(timed?.split(/ {2,}/)).toEqual([
      '',
      'model-30d-5m',
      '34,560 candles',
      '30',
      '40.0 ms',
      '39.0 ms',
      '30.0 ms',
      '35.0 ms – 45.0 ms',
      '48.0 ms',
      '60.0 ms',
      '15.0 MB',
      'met: < 50 ms',
    ]);
    expect(lines.find((l) => l.includes('overlay-frame'))?.split(/ {2,}/)).toEqual([
      '',
      'overlay-frame',
      'per frame',
      '1.5 ms',
      'MISSED: ≤ 1 ms',
    ]);
    expect(lines.at(-1)).toBe(
      '  overlay-frame: imported from out/bench/overlay.json, measured 2026-11-01T00:00:00Z',
    );
  });
});

describe('runBench', () => {
  let calls = 0;
  const cases: BenchCase[] = [
    timedCase<{ n: number }>({
      name: 'tiny',
      description: 'sums',
      setup: () => ({ n: 1000 }),
      run: ({ n }) => {
        calls++;
        let s = 0;
        for (let i = 0; i < n; i++) s += i;
        return s;
      },
      info: ({ n }) => ({ items: n }),
      warmup: 2,
    }),
    {
      kind: 'metrics',
      name: 'requests',
      description: 'cold refresh',
      measure: () => [{ label: 'binance', value: 9, unit: 'requests' }],
    },
  ];

  it('runs the cases after a warm-up and prints JSON alone on stdout with --json', async () => {
    calls = 0;
    const mem = memIo();
    const code = await runBench(['--json', '--runs', '3', '--import-dir', '/nonexistent'], mem.io, cases);
    expect(code).toBe(0);
    expect(calls).toBe(5);
    const report = JSON.parse(mem.stdout());
    expect(report.results.map((r: { name: string }) => r.name)).toEqual(['tiny', 'requests']);
    expect(report.results[0]).toMatchObject({
      kind: 'timed',
      runs: 3,
      info: { items: 1000 },
      targetMedianMs: null,
    });
    expect(report.results[0].minMs).toBeLessThanOrEqual(report.results[0].medianMs);
    expect(report.results[0].medianMs).toBeLessThanOrEqual(report.results[0].maxMs);
    expect(report.results[1].metrics).toEqual([{ label: 'binance', value: 9, unit: 'requests' }]);
    expect(mem.stderr()).toBe('bench: tiny …\nbench: requests …\n');
  });

  it('picks cases with --only and rejects unknown ones, bad --runs and unknown flags with exit 2', async () => {
    const only = memIo();
    expect(await runBench(['--only', 'requests', '--json'], only.io, cases)).toBe(0);
    expect(JSON.parse(only.stdout()).results).toHaveLength(1);
    for (const [argv, message] of [
      [['--only', 'nope'], 'bench: --only: unknown case nope (cases: tiny, requests)\n'],
      [['--runs', '0'], 'bench: --runs: expected a whole number from 1 to 10000\n'],
      [['--fast'], 'bench: unknown option --fast (see --help)\n'],
    ] as const) {
      const mem = memIo();
      expect(await runBench(argv, mem.io, cases)).toBe(2);
      expect(mem.stderr()).toBe(message);
      expect(mem.stdout()).toBe('');
    }
  });

  it('says FAIL and exits 1 when a figure exceeds its hard limit, and met within it', async () => {
    const sized = (kb: number): BenchCase[] => [
      {
        kind: 'metrics',
        name: 'bundle-size',
        description: 'content scripts',
        measure: () => [{ label: 'binance.js raw', value: kb, unit: 'kB', limitMax: 60 }],
      },
    ];
    const over = memIo();
    expect(await runBench(['--import-dir', '/nonexistent'], over.io, sized(60.1))).toBe(1);
    expect(over.stdout()).toMatch(/binance\.js raw +60\.1 kB +FAIL: ≤ 60 kB/);
    expect(over.stderr()).toContain('bench: FAIL: bundle-size: binance.js raw 60.1 kB > 60 kB\n');
    const within = memIo();
    expect(await runBench(['--import-dir', '/nonexistent'], within.io, sized(60))).toBe(0);
    expect(within.stdout()).toMatch(/binance\.js raw +60 kB +met: ≤ 60 kB/);
  });

  it('registers the two model cases the issue asks for, 30 d with its 50 ms target', () => {
    const names = BENCH_CASES.map((c) => c.name);
    expect(names).toContain('model-7d-15m');
    expect(names).toContain('model-30d-5m');
    const thirty = BENCH_CASES.find((c) => c.name === 'model-30d-5m');
    expect(thirty?.kind === 'timed' && thirty.targetMedianMs).toBe(50);
  });
});

describe('imported figures', () => {
  it('reads every JSON file of the directory and warns about broken ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liqlens-bench-'));
    writeFileSync(
      join(dir, 'overlay.json'),
      JSON.stringify({
        measuredAt: '2026-11-01T00:00:00Z',
        cases: [
          { name: 'overlay-frame', metrics: [{ label: 'per frame', value: 0.2, unit: 'ms', targetMax: 1 }] },
        ],
      }),
    );
    writeFileSync(join(dir, 'broken.json'), '{"cases": []}');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const warnings: string[] = [];
    const results = await readImported(dir, (line) => warnings.push(line));
    expect(results).toEqual([
      {
        kind: 'metrics',
        name: 'overlay-frame',
        description: '',
        metrics: [{ label: 'per frame', value: 0.2, unit: 'ms', targetMax: 1 }],
        source: join(dir, 'overlay.json'),
        measuredAt: '2026-11-01T00:00:00Z',
      },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^bench: skipped .*broken\.json: measuredAt: /);
  });
});
