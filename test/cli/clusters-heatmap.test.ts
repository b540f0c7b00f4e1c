import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SeriesDoc } from '../../lib/market/series';
import { runCli } from '../../scripts/lib/clusters-cli';
import { EXAMPLE, EXAMPLE_DEPTH, memIo } from './mem-io';

const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as SeriesDoc;

interface Out {
  bins: { low: number; width: number; long: number[]; short: number[] };
  heatmap?: { times: number[]; long: number[][]; short: number[][] };
}

async function run(argv: string[], files: Record<string, string> = {}) {
  const mem = memIo(files);
  const code = await runCli(argv, mem.io);
  return { code, stdout: mem.stdout(), stderr: mem.stderr() };
}

async function json(argv: string[], files: Record<string, string> = {}): Promise<Out> {
  const { code, stdout, stderr } = await run(argv, files);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Out;
}

/** The series with only the candles (and open interest) up to and including `time`; the marks (and depth) unchanged. */
function cutAfter(doc: SeriesDoc, time: number): string {
  return JSON.stringify({
    ...doc,
    venues: doc.venues.map((v) => ({
      ...v,
      candles: v.candles.filter((c) => c[0] <= time),
      openInterest: v.openInterest.filter((o) => o[0] <= time),
    })),
  });
}

describe('clusters --json --heatmap', () => {
  it('gives one column per candle of the window, each the bins of the series cut after that candle', {
    timeout: 60_000,
  }, async () => {
    const full = await json(['--series', EXAMPLE, '--json', '--heatmap']);
    const heatmap = full.heatmap;
    if (!heatmap) throw new Error('no heatmap in the output');
    expect(Object.keys(heatmap)).toEqual(['times', 'long', 'short']);
    const candles = [...new Set(example.venues.flatMap((v) => v.candles.map((c) => c[0])))].sort(
      (a, b) => a - b,
    );
    expect(heatmap.times).toEqual(candles);
    expect(heatmap.long).toHaveLength(candles.length);
    expect(heatmap.short).toHaveLength(candles.length);
    expect(heatmap.long.at(-1)).toEqual(full.bins.long);
    expect(heatmap.short.at(-1)).toEqual(full.bins.short);
    const n = candles.length;
    for (const j of [0, 1, 2, 37, Math.floor(n / 3), Math.floor(n / 2), n - 97, n - 2]) {
      const time = candles[j] as number;
      const cut = await json(['--series', 'cut.json', '--json'], { 'cut.json': cutAfter(example, time) });
      expect(cut.bins.low).toBe(full.bins.low);
      expect(cut.bins.width).toBe(full.bins.width);
      expect(heatmap.long[j], `long column ${j}`).toEqual(cut.bins.long);
      expect(heatmap.short[j], `short column ${j}`).toEqual(cut.bins.short);
    }
  });

  it('holds without decay too, and the columns change over time', { timeout: 60_000 }, async () => {
    const params = '{"halfLifeHours":0}';
    const full = await json(['--series', EXAMPLE, '--json', '--heatmap', '--params', params]);
    const heatmap = full.heatmap;
    if (!heatmap) throw new Error('no heatmap in the output');
    const j = Math.floor(heatmap.times.length * 0.6);
    const cut = await json(['--series', 'cut.json', '--json', '--params', params], {
      'cut.json': cutAfter(example, heatmap.times[j] as number),
    });
    expect(heatmap.long[j]).toEqual(cut.bins.long);
    expect(heatmap.short[j]).toEqual(cut.bins.short);
    expect(heatmap.long[j]).not.toEqual(full.bins.long);
  });

  it('holds under model v2, on a window shorter than the series, and with a depth in the series file', {
    timeout: 120_000,
  }, async () => {
    // The series carries its order book ("depth"), as the live tool's --export-series writes it.
    const withDepth = { ...example, depth: JSON.parse(readFileSync(EXAMPLE_DEPTH, 'utf8')) } as SeriesDoc;
    const cases = [
      '{"version":"v2"}',
      // One day of a week-long series: the cut after candle j reads the day before it.
      '{"version":"v2","window":"1d","halfLifeHours":12,"rangePct":10,"movePct":2}',
      '{"window":"2d","binPct":0.25,"tiers":[[10,0.5],[50,0.5]],"split":"even","minBinUsd":1000000}',
    ];
    for (const params of cases) {
      const full = await json(['--series', 'full.json', '--json', '--heatmap', '--params', params], {
        'full.json': JSON.stringify(withDepth),
      });
      const heatmap = full.heatmap;
      if (!heatmap) throw new Error('no heatmap in the output');
      expect(heatmap.long.at(-1), params).toEqual(full.bins.long);
      expect(heatmap.short.at(-1), params).toEqual(full.bins.short);
      const n = heatmap.times.length;
      for (const j of [0, 1, Math.floor(n / 3), n - 2]) {
        const cut = await json(['--series', 'cut.json', '--json', '--params', params], {
          'cut.json': cutAfter(withDepth, heatmap.times[j] as number),
        });
        expect(cut.bins.low).toBe(full.bins.low);
        expect(heatmap.long[j], `${params}: long column ${j}`).toEqual(cut.bins.long);
        expect(heatmap.short[j], `${params}: short column ${j}`).toEqual(cut.bins.short);
      }
    }
  });

  it('without --heatmap prints no heatmap field', async () => {
    const out = await json(['--series', EXAMPLE, '--json']);
    expect(out.heatmap).toBeUndefined();
  });

  it('refuses --heatmap without --json, and with a live run, in one line with exit 2', async () => {
    const alone = await run(['--series', EXAMPLE, '--heatmap']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe('clusters: --heatmap goes with --json\n');
    const live = await run(['--har', 'x.har', '--symbol', 'BTC', '--json', '--heatmap']);
    expect(live.code).toBe(2);
    expect(live.stderr).toBe('clusters: --heatmap goes with --series\n');
  });
});
