import { describe, expect, it } from 'vitest';
import type { SeriesCandle, SeriesOi } from '../../lib/market/series';
import { medianPrice, runModel } from '../../lib/model/run-model';
import { candle, flat, HOUR, params, SIMPLE, seriesDoc, venueSeries } from './helpers';

/** Flat at 100; OI 10 → 11 at 1 h opens N = 100 split 60/40. */
function basic(markPrice = 100) {
  return venueSeries(
    'binance',
    [flat(0, 100), flat(HOUR, 100, 10, null, 6)],
    [
      [0, 10],
      [HOUR, 11],
    ],
    markPrice,
  );
}

describe('medianPrice', () => {
  it('is the middle mark price when odd, the mean of the middle two when even', () => {
    expect(medianPrice([103, 100, 101])).toBe(101);
    expect(medianPrice([100])).toBe(100);
    expect(medianPrice([104, 100, 101, 102])).toBe(101.5);
  });

  it('is the reference price of the model', () => {
    const v = (venue: 'binance' | 'okx' | 'bybit', mark: number) => ({ ...basic(mark), venue });
    const doc = seriesDoc([v('binance', 100), v('okx', 103), v('bybit', 101)]);
    expect(runModel(doc, params(SIMPLE)).price).toBe(101);
    expect(runModel(seriesDoc([v('binance', 100), v('okx', 103)]), params(SIMPLE)).price).toBe(101.5);
  });
});

describe('runModel', () => {
  const p = params({ ...SIMPLE, binPct: 1, rangePct: 30, movePct: 26 });

  it('maps one opening onto the shared bins, with at-risk and diagnostics', () => {
    const r = runModel(seriesDoc([basic()]), p);
    expect(r.asset).toBe('BTC');
    expect(r.price).toBe(100);
    expect(r.model).toEqual({ version: '1', params: { ...p, interval: '1h' } });
    expect(r.bins.low).toBe(70);
    expect(r.bins.width).toBe(1);
    expect(r.bins.long).toHaveLength(60);
    expect(r.bins.long[5]).toBe(60); // liq 75 in [75, 76)
    expect(r.bins.short[55]).toBe(40); // liq 125 in [125, 126)
    expect(r.bins.long.reduce((a, b) => a + b)).toBe(60);
    expect(r.bins.short.reduce((a, b) => a + b)).toBe(40);
    // A lone non-empty bin equals the mean, never twice it: no band.
    expect(r.bands).toEqual([]);
    expect(r.atRisk).toEqual({
      movePct: 26,
      up: { price: 126, notionalUsd: 40 },
      down: { price: 74, notionalUsd: 60 },
    });
    expect(r.cascade).toEqual([]);
    expect(r.diagnostics).toEqual({
      skippedIntervals: 0,
      droppedNotionalUsd: 0,
      openedNotionalUsd: 100,
      liquidatedNotionalUsd: 0,
      shrunkNotionalUsd: 0,
      openNotionalUsd: 100,
      decayedNotionalUsd: 0,
      candles: 2,
      spanFrom: 0,
      spanTo: 2 * HOUR,
    });
  });

  it('adds venue maps up on the bins of the median price', () => {
    const other = { ...basic(), venue: 'okx' as const };
    other.openInterest = [
      [0, 10],
      [HOUR, 12],
    ];
    const r = runModel(seriesDoc([basic(), other]), p);
    expect(r.bins.long[5]).toBe(60 + 120);
    expect(r.bins.short[55]).toBe(40 + 80);
    expect(r.diagnostics.openedNotionalUsd).toBe(300);
    expect(r.diagnostics.candles).toBe(4);
  });

  it('uses only the candles within the window before the last candle end', () => {
    const candles: SeriesCandle[] = [];
    const oi: SeriesOi[] = [];
    for (let i = 0; i < 72; i++) {
      candles.push(flat(i * HOUR, 100));
      oi.push([i * HOUR, 10 + i]);
    }
    const doc = seriesDoc([venueSeries('binance', candles, oi)]);
    const day = runModel(doc, params({ ...p, window: '1d' }));
    expect(day.diagnostics.candles).toBe(24);
    expect(day.diagnostics.spanFrom).toBe(48 * HOUR);
    expect(day.diagnostics.spanTo).toBe(72 * HOUR);
    // 24 candles, the first without predecessor: 23 openings of 1 · 100.
    expect(day.diagnostics.openedNotionalUsd).toBe(2300);
    expect(runModel(doc, params({ ...p, window: '3d' })).diagnostics.candles).toBe(72);
  });

  it('sorts candles by time before the ledger', () => {
    const v = basic();
    v.candles = [...v.candles].reverse();
    expect(runModel(seriesDoc([v]), p)).toEqual(runModel(seriesDoc([basic()]), p));
  });

  it('counts dropped notional and gaps', () => {
    const v = basic();
    v.candles.push(candle(2 * HOUR, 100, 100, 100));
    const r = runModel(seriesDoc([v]), params({ ...p, rangePct: 20 })); // [80, 120): both dropped
    expect(r.diagnostics.droppedNotionalUsd).toBe(100);
    expect(r.diagnostics.openNotionalUsd).toBe(0);
    expect(r.diagnostics.skippedIntervals).toBe(1);
  });
});

describe('runModel: cascade estimates', () => {
  // Tiers 4x 0.8, 2x 0.1, 3x 0.1 at 100 (mmr 0): longs 48 at 75, 6 at 50, 6 at 66.67 → the 75 bin is a
  // band (48 ≥ 2 · 60/3); shorts 32 at 125, 4 at 150, 4 at 133.33 → the 125 bin is.
  const p = params({
    ...SIMPLE,
    tiers: [
      [4, 0.8],
      [2, 0.1],
      [3, 0.1],
    ],
    binPct: 1,
    rangePct: 60,
  });
  const doc = seriesDoc([basic()]);
  const depth = {
    asks: Array.from({ length: 40 }, (_, j) => [101 + j, 1000] as [number, number]),
    bids: Array.from({ length: 40 }, (_, j) => [99 - j, 1000] as [number, number]),
  };

  it('bands are found on both sides', () => {
    expect(runModel(doc, p).bands).toEqual([
      {
        side: 'long',
        low: 75,
        high: 76,
        peak: 75.5,
        notionalUsd: 48,
        share: 0.8,
        venues: [{ venue: 'binance', notionalUsd: 48 }],
      },
      {
        side: 'short',
        low: 125,
        high: 126,
        peak: 125.5,
        notionalUsd: 32,
        share: 0.8,
        venues: [{ venue: 'binance', notionalUsd: 32 }],
      },
    ]);
  });

  it('pushes to the at-risk move price and into the nearest band up to its peak, each way', () => {
    const r = runModel(doc, p, depth);
    expect(r.cascade.map((c) => [c.direction, c.trigger, c.fromPrice])).toEqual([
      ['up', 'move', 103],
      ['up', 'nearest-band', 125.5],
      ['down', 'move', 97],
      ['down', 'nearest-band', 75.5],
    ]);
    // Depth of 1000 a dollar dwarfs the map: each push ends where it went.
    const [upMove, upBand] = r.cascade;
    expect(upMove).toMatchObject({ endPrice: 103, liquidatedUsd: 0, stop: 'converged' });
    // Half the band's 32 USD bin lies in (P, 125.5]: its 16 USD buy into 1000 USD a dollar of asks, so q1 =
    // 125.516 and S(q1) = 32 × 0.516; the step is under one bin, so the cascade stops there.
    expect(upBand).toMatchObject({ steps: 1, stop: 'converged' });
    expect(upBand?.endPrice).toBeCloseTo(125.516, 9);
    expect(upBand?.liquidatedUsd).toBeCloseTo(16.512, 9);
  });

  it('has no nearest-band estimate without a band', () => {
    const r = runModel(doc, params({ ...p, tiers: [[4, 1]] }), depth);
    expect(r.cascade.map((c) => c.trigger)).toEqual(['move', 'move']);
  });
});
