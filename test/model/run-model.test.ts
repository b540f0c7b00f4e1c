import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesCandle, SeriesDoc, SeriesOi } from '../../lib/market/series';
import { runLedger } from '../../lib/model/ledger';
import { medianPrice, runModel } from '../../lib/model/run-model';
import {
  candle,
  flat,
  HOUR,
  oneOpeningAt100,
  openBuckets,
  params,
  paramsArb,
  SIMPLE,
  seriesDoc,
  venueSeries,
} from './helpers';

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

/** JSON with -0 told apart from 0: equal strings mean equal doubles, bit for bit. */
function bits(value: unknown): string {
  return JSON.stringify(value, (_, v) => (Object.is(v, -0) ? '-0' : v));
}

describe('edge cases: two venues computed by hand', () => {
  // Binance (mark 100): candle 1 has VWAP 1000/10 = 100 and 7.5 of 10 bought, OI 10 → 12 opens N = 200:
  // long 150 at 75, short 50 at 125 (one 4x tier, mmr 0). Candle 2: OI 12 → 9 shrinks both by 0.75
  // (long 112.5, short 37.5, shrunk 50).
  // OKX (mark 102): candle 1 has no quote volume, typical (104 + 100 + 102)/3 = 102, no taker flow
  // (half each), OI 5 → 6 opens N = 102: long 51 at 76.5, short 51 at 127.5. Candle 2 has no OI (one
  // skipped interval) and wicks to 76 ≤ 76.5: the long bucket is liquidated.
  // P = median(100, 102) = 101; w = 1 (1.01 is nearer 1 than 2); lo = floor(70.7) = 70, hi = ceil(131.3)
  // = 132: 62 bins. Longs: 112.5 in [75, 76) = bin 5. Shorts: 37.5 in [125, 126) = bin 55, 51 in [127, 128)
  // = bin 57.
  const binance = venueSeries(
    'binance',
    [flat(0, 100), candle(HOUR, 102, 98, 100, 10, 1000, 7.5), candle(2 * HOUR, 101, 99, 100)],
    [
      [0, 10],
      [HOUR, 12],
      [2 * HOUR, 9],
    ],
    100,
    'BTCUSDT',
  );
  const okx = venueSeries(
    'okx',
    [flat(0, 102), candle(HOUR, 104, 100, 102, 5), candle(2 * HOUR, 102, 76, 100)],
    [
      [0, 5],
      [HOUR, 6],
    ],
    102,
    'BTC-USDT-SWAP',
  );
  const p = params({ ...SIMPLE, binPct: 1, rangePct: 30, movePct: 25 });

  it('sums the venue maps on the bins of the median mark price', () => {
    const r = runModel(seriesDoc([binance, okx]), p);
    expect(r.price).toBe(101);
    expect([r.bins.low, r.bins.width, r.bins.long.length, r.bins.short.length]).toEqual([70, 1, 62, 62]);
    const long = new Array(62).fill(0);
    long[5] = 112.5;
    const short = new Array(62).fill(0);
    short[55] = 37.5;
    short[57] = 51;
    expect(r.bins.long).toEqual(long);
    expect(r.bins.short).toEqual(short);
    // Shorts in (101, 126.25]: bin 55 whole. Longs in [75.75, 101): a quarter of bin 5.
    expect(r.atRisk).toEqual({
      movePct: 25,
      up: { price: 126.25, notionalUsd: 37.5 },
      down: { price: 75.75, notionalUsd: 28.125 },
    });
    // A lone long bin equals its side's mean; shorts 37.5 and 51 against a bar of 2 · 44.25: no band.
    expect(r.bands).toEqual([]);
    expect(r.diagnostics).toEqual({
      skippedIntervals: 1,
      droppedNotionalUsd: 0,
      openedNotionalUsd: 302,
      liquidatedNotionalUsd: 51,
      shrunkNotionalUsd: 50,
      openNotionalUsd: 201,
      decayedNotionalUsd: 0,
      candles: 6,
      spanFrom: 0,
      spanTo: 3 * HOUR,
    });
  });

  it('gives the same result to the bit in either venue order', () => {
    expect(bits(runModel(seriesDoc([okx, binance]), p))).toBe(bits(runModel(seriesDoc([binance, okx]), p)));
  });
});

describe('edge cases: decay is measured from each venue’s own last candle', () => {
  // Both venues open N = 100 at candle 1 (t = 1 h), long 50 at 75 and short 50 at 125. Binance's last
  // candle ends at 3 h (age 2 h = one half-life: × 0.5), OKX's at 5 h (age 4 h: × 0.25). Measured from the
  // latest end across venues, Binance's buckets would be quartered too.
  const venue = (v: 'binance' | 'okx', candles: number) =>
    venueSeries(
      v,
      Array.from({ length: candles }, (_, i) => flat(i * HOUR, 100)),
      Array.from({ length: candles }, (_, i): SeriesOi => [i * HOUR, i === 0 ? 10 : 11]),
    );

  it('halves one venue’s buckets and quarters the other’s', () => {
    const r = runModel(
      seriesDoc([venue('binance', 3), venue('okx', 5)]),
      params({ ...SIMPLE, halfLifeHours: 2, binPct: 1, rangePct: 30 }),
    );
    expect(r.bins.long[5]).toBe(25 + 12.5);
    expect(r.bins.short[55]).toBe(25 + 12.5);
    expect(r.diagnostics.openNotionalUsd).toBe(200);
    expect(r.diagnostics.decayedNotionalUsd).toBe(50 + 75);
    expect(r.diagnostics.spanTo).toBe(5 * HOUR);
  });
});

describe('edge cases: open interest falls to exactly 0, then grows again', () => {
  // OI 10, 12, 0, 4, 3, 3 on flat candles at 100, then a wick to 70.
  // c1: +2 opens 200 (100 a side). c2: 12 → 0, factor max(0, 1 − 12/12) = 0: everything shrinks away
  // (shrunk 200). c3: +4 opens 400 (200 a side) at full size. c4: 4 → 3, factor 0.75 (shrunk 100).
  // c5: low 70 ≤ 75 liquidates the long buckets: c3's 150 and c1's emptied one (0).
  const candles: SeriesCandle[] = [0, 1, 2, 3, 4].map((i) => flat(i * HOUR, 100));
  candles.push(candle(5 * HOUR, 100, 70, 100));
  const oi: SeriesOi[] = [10, 12, 0, 4, 3, 3].map((v, i) => [i * HOUR, v]);

  it('empties the book, then the new buckets open at full size and shrink on their own', () => {
    const ledger = runLedger(candles, oi, params(SIMPLE));
    expect(ledger.openedUsd).toBe(600);
    expect(ledger.shrunkUsd).toBe(300);
    expect(ledger.liquidatedUsd).toBe(150);
    expect(ledger.liquidatedLongByCandle[5]).toBe(150);
    expect(openBuckets(ledger)).toEqual([{ side: 'short', liq: 125, usd: 150, candle: 3 }]);
  });

  it('and the map holds what is left: opened 600 = open 150 + liquidated 150 + shrunk 300', () => {
    const p = params({ ...SIMPLE, binPct: 1, rangePct: 30 });
    const r = runModel(seriesDoc([venueSeries('binance', candles, oi)]), p);
    expect(r.bins.low).toBe(70);
    expect(r.bins.short[55]).toBe(150); // liq 125 in [125, 126)
    expect(r.bins.short.reduce((a, b) => a + b)).toBe(150);
    expect(r.bins.long.reduce((a, b) => a + b)).toBe(0);
    expect(r.diagnostics).toMatchObject({
      openedNotionalUsd: 600,
      openNotionalUsd: 150,
      liquidatedNotionalUsd: 150,
      shrunkNotionalUsd: 300,
      droppedNotionalUsd: 0,
    });
  });
});

describe('edge cases: unsorted and repeated candles', () => {
  // The sorted history: OI 10 → 11 at 1 h opens 100 at 100 (long 60 with 6 of 10 bought), 11 → 12 at
  // 2 h opens 100 more at 100 (half each, no flow).
  const c0 = flat(0, 100);
  const c1 = flat(HOUR, 100, 10, null, 6);
  const c1Early = flat(HOUR, 100, 10, null, 1); // an earlier copy of candle 1, superseded
  const c2 = flat(2 * HOUR, 100);
  const oi: SeriesOi[] = [
    [0, 10],
    [HOUR, 11],
    [2 * HOUR, 12],
  ];
  const p = params({ ...SIMPLE, binPct: 1 });
  const run = (candles: SeriesCandle[], rows: SeriesOi[] = oi) =>
    runModel(seriesDoc([venueSeries('binance', candles, rows)]), p);

  it('sorts candles by open time and keeps the last row of a repeated time', () => {
    const want = run([c0, c1, c2]);
    expect(want.bins.long.reduce((a, b) => a + b)).toBe(110);
    expect(bits(run([c2, c1Early, c0, c1]))).toBe(bits(want));
    // The other copy last: 1 of 10 bought → long 10 + 50.
    expect(run([c1, c2, c0, c1Early]).bins.long.reduce((a, b) => a + b)).toBe(60);
    expect(run([c1, c2, c0, c1Early]).diagnostics.candles).toBe(3);
  });

  it('joins unsorted open-interest rows, the last row of a repeated time winning', () => {
    const rows: SeriesOi[] = [
      [2 * HOUR, 12],
      [HOUR, 50],
      [0, 10],
      [HOUR, 11],
    ];
    expect(bits(run([c0, c1, c2], rows))).toBe(bits(run([c0, c1, c2])));
  });

  it('any order of a venue’s candles and open-interest rows gives the same result to the bit', () => {
    const shuffled = <T>(xs: readonly T[]) =>
      fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
    const docArb = fc
      .array(
        fc.record({
          close: fc.double({ min: 80, max: 120, noNaN: true }),
          wick: fc.double({ min: 0, max: 0.3, noNaN: true }),
          oi: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { freq: 6 }),
          taker: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        }),
        { minLength: 2, maxLength: 40 },
      )
      .map((steps) => {
        const candles: SeriesCandle[] = steps.map((s, i) => [
          i * HOUR,
          s.close,
          s.close * (1 + s.wick),
          s.close * (1 - s.wick),
          s.close,
          2,
          2 * s.close,
          s.taker === null ? null : 2 * s.taker,
        ]);
        const rows = steps.flatMap((s, i): SeriesOi[] => (s.oi === null ? [] : [[i * HOUR, s.oi]]));
        return { candles, rows };
      });
    fc.assert(
      fc.property(
        docArb.chain(({ candles, rows }) =>
          fc.tuple(fc.constant({ candles, rows }), shuffled(candles), shuffled(rows)),
        ),
        paramsArb,
        ([{ candles, rows }, candlesShuffled, rowsShuffled], q) => {
          const doc = (c: SeriesCandle[], r: SeriesOi[]): SeriesDoc =>
            seriesDoc([venueSeries('binance', c, r, 100)]);
          expect(bits(runModel(doc(candlesShuffled, rowsShuffled), q))).toBe(
            bits(runModel(doc(candles, rows), q)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('edge cases: the parameters carried in the result', () => {
  it('are the ones given, with the interval the candles really have', () => {
    const doc = oneOpeningAt100();
    const given = params({ ...SIMPLE, interval: '15m' });
    const r = runModel(doc, given);
    expect(r.model.params).toEqual({ ...given, interval: '1h' });
    expect(r.diagnostics.spanTo).toBe(2 * HOUR);
    const same = params({ ...SIMPLE, interval: '1h' });
    expect(runModel(doc, same).model.params).toBe(same);
  });
});

describe('edge cases: the steps of one candle, in order', () => {
  // c1 opens long 60 at 75 and short 40 at 125 (OI 10 → 11, 6 of 10 bought). c2 wicks to 75 AND sheds half
  // the open interest (11 → 5.5).
  const candles = [flat(0, 100), flat(HOUR, 100, 10, null, 6), candle(2 * HOUR, 100, 75, 90)];
  const oi: SeriesOi[] = [
    [0, 10],
    [HOUR, 11],
    [2 * HOUR, 5.5],
  ];

  it('liquidates first, at the value before this candle’s drop, then shrinks what is left', () => {
    const ledger = runLedger(candles, oi, params(SIMPLE));
    expect(ledger.liquidatedUsd).toBe(60); // not 30
    expect(ledger.shrunkUsd).toBe(20); // the short alone: 40 → 20
    expect(openBuckets(ledger)).toEqual([{ side: 'short', liq: 125, usd: 20, candle: 1 }]);
  });

  it('counts a candle as skipped when it or its predecessor has no open interest, never candle 0 alone', () => {
    // No OI on c0: c1 only liquidates (skipped 1). c2 has OI on both ends: 11 → 5.5 is a drop with nothing
    // open. Candle 0's own gap is not an interval.
    const ledger = runLedger(candles, oi.slice(1), params(SIMPLE));
    expect(ledger.skippedIntervals).toBe(1);
    expect(ledger.openedUsd).toBe(0);
    expect(runLedger(candles, oi, params(SIMPLE)).skippedIntervals).toBe(0);
  });
});
