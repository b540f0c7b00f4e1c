import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesDoc } from '../../lib/market/series';
import { computeHeatmap } from '../../lib/model/heatmap';
import { type ModelParams, type ModelParamsOverrides, resolveParams } from '../../lib/model/params';
import { runModel } from '../../lib/model/run-model';
import { syntheticSeries, withLastCandleRevised } from '../../lib/model/synthetic';
import { paramsArb, seriesDocArb } from './helpers';

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

function params(overrides: ModelParamsOverrides): ModelParams {
  const resolved = resolveParams(overrides);
  if (!resolved.ok) throw new Error('parameters do not resolve');
  return resolved.params;
}

/** Every `step`-th column (and the last) against runModel's bins on the series cut after that column's candle. */
function expectColumnsAreCuts(doc: SeriesDoc, p: ModelParams, step = 1): number[] {
  const heatmap = computeHeatmap(doc, p);
  const checked: number[] = [];
  const n = heatmap.times.length;
  for (let j = 0; j < n; j += j === n - 1 ? 1 : Math.min(step, n - 1 - j)) {
    const bins = runModel(cutAfter(doc, heatmap.times[j] as number), p).bins;
    expect(heatmap.low, `low at column ${j}`).toBe(bins.low);
    expect(heatmap.width).toBe(bins.width);
    expect([...(heatmap.long[j] as Float64Array)], `long column ${j}`).toEqual(bins.long);
    expect([...(heatmap.short[j] as Float64Array)], `short column ${j}`).toEqual(bins.short);
    checked.push(j);
  }
  return checked;
}

/** One venue misses a run of candles (its ages are then no whole count of its own candles) and another its last. */
function withGaps(full: SeriesDoc): SeriesDoc {
  return {
    ...full,
    venues: full.venues.map((v, n) => ({
      ...v,
      candles:
        n === 1 ? v.candles.filter((_, i) => i < 60 || i > 70) : n === 2 ? v.candles.slice(0, -1) : v.candles,
    })),
  };
}

describe('computeHeatmap', () => {
  it('gives, at every column, the bins of runModel on the series cut there, also when a venue misses candles', () => {
    const full = syntheticSeries({ seed: 7, days: 2, interval: '15m' });
    const doc = withGaps(full);
    const p = params({ window: '2d', interval: '15m' });
    const heatmap = computeHeatmap(doc, p);
    expect(heatmap.times.length).toBe(full.venues[0]?.candles.length);
    expect(expectColumnsAreCuts(doc, p)).toHaveLength(heatmap.times.length);
  });

  it('under model v2 too: each venue blended with the prior at the cut’s open interest', () => {
    const doc = withGaps(syntheticSeries({ seed: 11, days: 2, interval: '15m', oiGapRate: 0.05 }));
    const p = params({ window: '2d', interval: '15m', version: 'v2' });
    const heatmap = computeHeatmap(doc, p);
    // The prior spreads each venue's open interest over its side: a v2 column is never the v1 column.
    const v1 = computeHeatmap(doc, { ...p, version: 'v1' });
    expect([...(heatmap.long[40] as Float64Array)]).not.toEqual([...(v1.long[40] as Float64Array)]);
    expectColumnsAreCuts(doc, p);
  });

  it('when the series holds more than the window: each cut reads its own window, older buckets and drops out', () => {
    // Three days of candles under a one-day window: the cut after candle j starts a day before it.
    const doc = withGaps(syntheticSeries({ seed: 5, days: 3, interval: '15m', flushesPerDay: 3 }));
    for (const version of ['v1', 'v2'] as const) {
      const p = params({ window: '1d', interval: '15m', version });
      const heatmap = computeHeatmap(doc, p);
      expect(heatmap.times).toHaveLength(96);
      expectColumnsAreCuts(doc, p, 5);
    }
  });

  it('across a drop to zero open interest (a new epoch) and drops past the scale’s rescaling, window sliding', () => {
    const base = syntheticSeries({ seed: 9, days: 2, interval: '15m' });
    const doc: SeriesDoc = {
      ...base,
      venues: base.venues.map((v, n) => ({
        ...v,
        openInterest: v.openInterest.map(([t, oi], i): [number, number] => {
          if (n === 0 && i === 120) return [t, 0];
          if (n === 1 && (i === 100 || i === 130)) return [t, oi * 1e-200];
          return [t, oi];
        }),
      })),
    };
    for (const version of ['v1', 'v2'] as const) {
      expectColumnsAreCuts(doc, params({ window: '1d', interval: '15m', version }), 3);
    }
  });

  it('for the other parameters too: decay off, a narrow grid, another tier set and split', () => {
    const doc = syntheticSeries({ seed: 3, days: 1, interval: '15m' });
    const cases: ModelParamsOverrides[] = [
      { window: '1d', halfLifeHours: 0 },
      { window: '1d', halfLifeHours: 1.5, binPct: 0.37, rangePct: 6, movePct: 2, minBinUsd: 1e6 },
      { window: '1d', version: 'v2', rangePct: 4, movePct: 1, split: 'even', mmr: 0.01, tiers: [[20, 1]] },
      { window: '12h', version: 'v2', binPct: 0.05 },
    ];
    for (const overrides of cases) expectColumnsAreCuts(doc, params(overrides), 7);
  });
});

describe('computeHeatmap with the previous heatmap', () => {
  const sameColumns = (a: ReturnType<typeof computeHeatmap>, b: ReturnType<typeof computeHeatmap>) => {
    expect(a.times).toEqual(b.times);
    expect(a.low).toBe(b.low);
    for (let j = 0; j < a.times.length; j++) {
      expect([...(a.long[j] as Float64Array)], `long column ${j}`).toEqual([...(b.long[j] as Float64Array)]);
      expect([...(a.short[j] as Float64Array)], `short column ${j}`).toEqual([
        ...(b.short[j] as Float64Array),
      ]);
    }
  };
  it('copies the columns whose cuts did not change, and gives the same heatmap as a fresh run', () => {
    const doc = syntheticSeries({ seed: 21, days: 2, interval: '15m' });
    const p = params({ window: '2d', interval: '15m' });
    const before = computeHeatmap(doc, p);
    expect(before.reused).toBe(0);
    const revised = withLastCandleRevised(doc);
    const after = computeHeatmap(revised, p, before);
    expect(after.reused).toBe(after.times.length - 1);
    sameColumns(after, computeHeatmap(revised, p));
    // Unchanged: every column.
    expect(computeHeatmap(doc, p, before).reused).toBe(before.times.length);
  });

  it('reuses nothing when a cut changed everywhere: the series slid (each cut lost its oldest candle), v2 with new marks, other parameters', () => {
    const doc = syntheticSeries({ seed: 22, days: 2, interval: '15m' });
    const p = params({ window: '2d', interval: '15m' });
    const before = computeHeatmap(doc, p);
    const slid: SeriesDoc = {
      ...doc,
      venues: doc.venues.map((v) => ({ ...v, candles: v.candles.slice(1) })),
    };
    const afterSlide = computeHeatmap(slid, p, before);
    expect(afterSlide.reused).toBe(0);
    sameColumns(afterSlide, computeHeatmap(slid, p));

    const v2 = params({ window: '2d', interval: '15m', version: 'v2' });
    const v2Before = computeHeatmap(doc, v2);
    const marked: SeriesDoc = {
      ...doc,
      venues: doc.venues.map((v) => ({ ...v, markPrice: v.markPrice + 1 })),
    };
    const v2After = computeHeatmap(marked, v2, v2Before);
    expect(v2After.reused).toBe(0);
    sameColumns(v2After, computeHeatmap(marked, v2));
    // v1 reads the marks only through the grid, which a dollar does not move here.
    expect(computeHeatmap(marked, p, before).reused).toBe(before.times.length);

    expect(
      computeHeatmap(doc, params({ window: '2d', interval: '15m', halfLifeHours: 24 }), before).reused,
    ).toBe(0);
  });

  it('on a series longer than the window, keeps the columns whose windows the slide left alone', () => {
    const doc = syntheticSeries({ seed: 23, days: 3, interval: '15m' });
    const p = params({ window: '1d', interval: '15m', version: 'v2' });
    const before = computeHeatmap(doc, p);
    // One candle more at the end, one fewer at the start (two days remain behind the window), marks unchanged.
    const next = syntheticSeries({
      seed: 23,
      days: 3,
      interval: '15m',
      endTime: Date.UTC(2026, 10, 1, 0, 15),
    });
    const slid: SeriesDoc = {
      ...doc,
      venues: doc.venues.map((v, n) => {
        const extra = next.venues[n] as typeof v;
        return {
          ...v,
          candles: [...v.candles.slice(1), extra.candles.at(-1) as (typeof v.candles)[number]],
          openInterest: [
            ...v.openInterest.slice(1),
            extra.openInterest.at(-1) as (typeof v.openInterest)[number],
          ],
        };
      }),
    };
    const after = computeHeatmap(slid, p, before);
    expect(after.reused).toBe(after.times.length - 1);
    sameColumns(after, computeHeatmap(slid, p));
  });
});

describe('computeHeatmap on random series and parameters', () => {
  it('every column is the bins of runModel on the series cut there (v1 and v2, windows shorter than the series)', () => {
    fc.assert(
      fc.property(
        seriesDocArb(30),
        paramsArb,
        fc.constantFrom('v1' as const, 'v2' as const),
        fc.constantFrom('6h', '12h', '1d', '30d'),
        (doc, base, version, window) => {
          const p = { ...base, version, window };
          const heatmap = computeHeatmap(doc, p);
          expect(heatmap.times.length).toBeGreaterThan(0);
          heatmap.times.forEach((t, j) => {
            const bins = runModel(cutAfter(doc, t), p).bins;
            expect([...(heatmap.long[j] as Float64Array)]).toEqual(bins.long);
            expect([...(heatmap.short[j] as Float64Array)]).toEqual(bins.short);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
