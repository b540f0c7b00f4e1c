import { describe, expect, it } from 'vitest';
import type { SeriesDoc } from '../../lib/market/series';
import { computeHeatmap } from '../../lib/model/heatmap';
import { resolveParams } from '../../lib/model/params';
import { runModel } from '../../lib/model/run-model';
import { syntheticSeries } from '../../lib/model/synthetic';

function cutAfter(doc: SeriesDoc, time: number): SeriesDoc {
  return {
    ...doc,
    venues: doc.venues.map((v) => ({
      ...v,
      candles: v.candles.filter((c) => c[0] <= time),
      openInterest: v.openInterest.filter((o) => o[0] <= time),
    })),
  };
}

describe('computeHeatmap', () => {
  it('gives, at every column, the bins of runModel on the series cut there, also when a venue misses candles', () => {
    const full = syntheticSeries({ seed: 7, days: 2, interval: '15m' });
    // One venue misses a run of candles (its ages are then no whole count of its own candles) and another its last.
    const doc: SeriesDoc = {
      ...full,
      venues: full.venues.map((v, n) => ({
        ...v,
        candles:
          n === 1
            ? v.candles.filter((_, i) => i < 60 || i > 70)
            : n === 2
              ? v.candles.slice(0, -1)
              : v.candles,
      })),
    };
    const resolved = resolveParams({ window: '2d', interval: '15m' });
    if (!resolved.ok) throw new Error('parameters do not resolve');
    const heatmap = computeHeatmap(doc, resolved.params);
    expect(heatmap.times.length).toBe(full.venues[0]?.candles.length);
    for (let j = 0; j < heatmap.times.length; j += 1) {
      const bins = runModel(cutAfter(doc, heatmap.times[j] as number), resolved.params).bins;
      expect([...(heatmap.long[j] as Float64Array)], `long column ${j}`).toEqual(bins.long);
      expect([...(heatmap.short[j] as Float64Array)], `short column ${j}`).toEqual(bins.short);
    }
  });
});
