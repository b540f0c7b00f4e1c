import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesCandle, SeriesDoc, SeriesOi } from '../../lib/market/series';
import { atRiskNotional, moveToLiquidate } from '../../lib/model/at-risk';
import type { Bins } from '../../lib/model/cluster-view';
import { runLedger } from '../../lib/model/ledger';
import { liqLong, liqShort } from '../../lib/model/liquidation-price';
import type { ModelParams } from '../../lib/model/params';
import { runModel } from '../../lib/model/run-model';
import {
  HOUR,
  near,
  openBuckets,
  params,
  paramsArb,
  seriesDoc,
  seriesDocArb,
  sum,
  venueSeries,
} from './helpers';

/** model.md's ledger written the obvious way: every bucket scanned on every candle. */
function referenceLedger(candles: SeriesCandle[], oiRows: SeriesOi[], p: ModelParams) {
  const oi = new Map<number, number>();
  for (const [t, v] of oiRows) oi.set(t, v);
  let buckets: { side: 'long' | 'short'; liq: number; usd: number; candle: number }[] = [];
  let opened = 0;
  let liquidated = 0;
  let shrunk = 0;
  for (let i = 1; i < candles.length; i++) {
    const [t, , h, l, c, v, q, b] = candles[i] as SeriesCandle;
    const keep = buckets.filter((x) => (x.side === 'long' ? !(l <= x.liq) : !(h >= x.liq)));
    for (const x of buckets) if (!keep.includes(x)) liquidated += x.usd;
    buckets = keep;
    const now = oi.get(t);
    const before = oi.get((candles[i - 1] as SeriesCandle)[0]);
    if (now === undefined || before === undefined) continue;
    const d = now - before;
    if (d > 0) {
      const e = q !== null && q > 0 && v > 0 ? q / v : (h + l + c) / 3;
      const share = p.split === 'taker' && b !== null && v > 0 ? Math.min(1, Math.max(0, b / v)) : 0.5;
      for (const [lev, w] of p.tiers) {
        const lu = d * e * share * w;
        const su = d * e * (1 - share) * w;
        opened += lu + su;
        if (lu > 0) buckets.push({ side: 'long', liq: liqLong(e, lev, p.mmr), usd: lu, candle: i });
        if (su > 0) buckets.push({ side: 'short', liq: liqShort(e, lev, p.mmr), usd: su, candle: i });
      }
    } else if (d < 0) {
      const f = Math.max(0, 1 - Math.abs(d) / before);
      for (const x of buckets) {
        shrunk += x.usd * (1 - f);
        x.usd *= f;
      }
    }
  }
  return { buckets, opened, liquidated, shrunk };
}

describe('properties', () => {
  it('the ledger agrees with the obvious scan-everything implementation', () => {
    fc.assert(
      fc.property(seriesDocArb(60), paramsArb, (doc, p) => {
        for (const v of doc.venues) {
          const fast = runLedger(v.candles, v.openInterest, p);
          const ref = referenceLedger(v.candles, v.openInterest, p);
          expect(near(fast.openedUsd, ref.opened)).toBe(true);
          expect(near(fast.liquidatedUsd, ref.liquidated, 1e-8)).toBe(true);
          expect(near(fast.shrunkUsd, ref.shrunk, 1e-8)).toBe(true);
          const got = openBuckets(fast).filter((x) => x.usd > 1e-9 * Math.max(1, ref.opened));
          const want = ref.buckets
            .filter((x) => x.usd > 1e-9 * Math.max(1, ref.opened))
            .sort(
              (a, b) => a.side.localeCompare(b.side) || a.liq - b.liq || a.candle - b.candle || a.usd - b.usd,
            );
          expect(got.map((x) => [x.side, x.liq, x.candle])).toEqual(
            want.map((x) => [x.side, x.liq, x.candle]),
          );
          got.forEach((x, j) => {
            expect(near(x.usd, (want[j] as { usd: number }).usd, 1e-8)).toBe(true);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the ledger agrees with the reference on longer histories too', () => {
    fc.assert(
      fc.property(seriesDocArb(400), paramsArb, (doc, p) => {
        const v = doc.venues[0];
        if (!v) return;
        const fast = runLedger(v.candles, v.openInterest, p);
        const ref = referenceLedger(v.candles, v.openInterest, p);
        expect(near(fast.liquidatedUsd, ref.liquidated, 1e-8)).toBe(true);
        expect(near(fast.shrunkUsd, ref.shrunk, 1e-8)).toBe(true);
        const open = openBuckets(fast).reduce((s, b) => s + b.usd, 0);
        expect(
          near(
            open,
            ref.buckets.reduce((s, b) => s + b.usd, 0),
            1e-8,
          ),
        ).toBe(true);
        expect(openBuckets(fast).length).toBe(ref.buckets.filter((b) => b.usd > 0).length);
      }),
      { numRuns: 30 },
    );
  });

  it('notional is conserved: opened = open + liquidated + shrunk + dropped; the map holds open − decayed', () => {
    fc.assert(
      fc.property(seriesDocArb(60), paramsArb, (doc, p) => {
        const { diagnostics: d, bins } = runModel(doc, p);
        const closed =
          d.openNotionalUsd + d.liquidatedNotionalUsd + d.shrunkNotionalUsd + d.droppedNotionalUsd;
        expect(Math.abs(d.openedNotionalUsd - closed)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, d.openedNotionalUsd),
        );
        const mapped = sum(bins.long) + sum(bins.short);
        expect(Math.abs(mapped - (d.openNotionalUsd - d.decayedNotionalUsd))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, d.openedNotionalUsd),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('conservation survives hundreds of compounding OI drops (the running scale renormalises exactly)', () => {
    const candles: SeriesCandle[] = [];
    const oi: SeriesOi[] = [];
    for (let i = 0; i < 400; i++) {
      candles.push([i * HOUR, 100, 100, 100, 100, 1, null, null]);
      // Grow, then shed 99 % every other candle: the scale falls by 1e-2 each time.
      oi.push([i * HOUR, i % 2 === 1 ? 100 : 1]);
    }
    const p = params({ window: '30d', halfLifeHours: 0 });
    const ledger = runLedger(candles, oi, p);
    const open = openBuckets(ledger).reduce((s, b) => s + b.usd, 0);
    expect(near(ledger.openedUsd, open + ledger.liquidatedUsd + ledger.shrunkUsd)).toBe(true);
    // The buckets of candle j (odd) are worth 99 · 100 · 0.01^k after the k drops since, across the
    // exact rescalings of the running product (every ~77 drops), until they underflow.
    const byCandle = new Map<number, number>();
    for (const b of openBuckets(ledger)) byCandle.set(b.candle, (byCandle.get(b.candle) ?? 0) + b.usd);
    let checked = 0;
    for (let j = 399; j > 0; j -= 2) {
      const want = 9900 * 0.01 ** ((399 - j) / 2);
      if (want < 1e-290) break;
      expect(Math.abs((byCandle.get(j) ?? 0) / want - 1)).toBeLessThan(1e-9);
      checked++;
    }
    expect(checked).toBeGreaterThan(140);
  });

  const binsArb: fc.Arbitrary<{ bins: Bins; price: number }> = fc
    .record({
      values: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true })), {
        minLength: 1,
        maxLength: 80,
      }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ values, at }) => {
      const bins: Bins = { low: 1000, width: 10, long: values, short: [...values].reverse() };
      return { bins, price: 1000 + at * values.length * 10 };
    });

  it('at-risk notional never falls as the move grows', () => {
    fc.assert(
      fc.property(
        binsArb,
        fc.double({ min: 0, max: 99, noNaN: true }),
        fc.double({ min: 0, max: 99, noNaN: true }),
        fc.constantFrom('long' as const, 'short' as const),
        ({ bins, price }, a, b, side) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          expect(atRiskNotional(bins, price, side, small)).toBeLessThanOrEqual(
            atRiskNotional(bins, price, side, large),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the inverse returns a move whose at-risk notional is the amount asked', () => {
    fc.assert(
      fc.property(
        binsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('long' as const, 'short' as const),
        ({ bins, price }, frac, side) => {
          const all = atRiskNotional(bins, price, side, 99.99);
          const usd = all * frac;
          const move = moveToLiquidate(bins, price, side, usd);
          expect(move).not.toBeNull();
          // Rounding in P·(1 ± x) is relative to the bins, not to the (possibly tiny) amount.
          const got = atRiskNotional(bins, price, side, move as number);
          expect(Math.abs(got - usd)).toBeLessThanOrEqual(1e-9 * Math.max(1, all));
          expect(moveToLiquidate(bins, price, side, all * 1.001 + 1)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  /*
   * Mirror image. liqLong and liqShort are mirrors around the entry only when mmr = 0 (then e·(1 ∓ 1/L));
   * with mmr > 0 the long side sits (1 + mmr)/(1 − mmr) farther out, and with entries away from P the
   * distances e/L differ, so exact mirroring needs: mmr = 0, every entry at P, split = even. A history of
   * candles opening and closing at P with wicks of equal length h above and below (typical price P) and
   * any OI path does that: a long dies when P − h ≤ P − P/L exactly when a short does, OI drops shrink
   * both alike, decay is the same. With P a multiple of the bin and P·range too, the grid is symmetric
   * about P and bin k mirrors bin n − 1 − k (no liquidation price lands on an edge: P/L is never a multiple
   * of the bin for the leverages drawn). Float rounding keeps this to a relative tolerance.
   */
  it('an even split of a symmetric history gives mirror-image sides (mmr = 0)', () => {
    const P = 100_000;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            h: fc.integer({ min: 0, max: 40_000 }),
            oi: fc.option(fc.integer({ min: 0, max: 50 }), { freq: 8 }),
          }),
          { minLength: 2, maxLength: 50 },
        ),
        fc.uniqueArray(fc.constantFrom(2, 3, 7, 11, 13, 17, 19, 23, 29, 31, 37), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
        (steps, leverages, halfLifeHours) => {
          const candles: SeriesCandle[] = steps.map((s, i) => [
            i * HOUR,
            P,
            P + s.h,
            P - s.h,
            P,
            1,
            null,
            null,
          ]);
          const oi: SeriesOi[] = steps.flatMap((s, i) =>
            s.oi === null ? [] : [[i * HOUR, s.oi] as SeriesOi],
          );
          const doc = seriesDoc([venueSeries('binance', candles, oi, P)]);
          const p = params({
            tiers: leverages.map((l) => [l, 1 / leverages.length] as [number, number]),
            mmr: 0,
            split: 'even',
            halfLifeHours,
            binPct: 0.1,
            rangePct: 40,
            window: '30d',
          });
          const r = runModel(doc, p);
          const n = r.bins.long.length;
          expect(r.bins.low).toBe(60_000);
          expect(n).toBe(800);
          const unlike: number[] = [];
          for (let k = 0; k < n; k++) {
            if (!near(r.bins.long[k] as number, r.bins.short[n - 1 - k] as number, 1e-12)) unlike.push(k);
          }
          expect(unlike).toEqual([]);
          for (const move of [0.5, 3, 10, 25, 40]) {
            expect(
              near(atRiskNotional(r.bins, P, 'long', move), atRiskNotional(r.bins, P, 'short', move), 1e-12),
            ).toBe(true);
          }
          const longs = r.bands.filter((b) => b.side === 'long').map((b) => [2 * P - b.high, 2 * P - b.low]);
          const shorts = r.bands.filter((b) => b.side === 'short').map((b) => [b.low, b.high]);
          expect(longs.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(
            shorts.sort((a, b) => (a[0] as number) - (b[0] as number)),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with mmr > 0 the sides are not mirrors, but still hold equal notional', () => {
    const P = 100_000;
    const candles: SeriesCandle[] = [0, 1, 2].map((i) => [i * HOUR, P, P, P, P, 1, null, null]);
    const doc = seriesDoc([
      venueSeries(
        'binance',
        candles,
        [
          [0, 1],
          [HOUR, 2],
          [2 * HOUR, 3],
        ],
        P,
      ),
    ]);
    const r = runModel(doc, params({ split: 'even', halfLifeHours: 0, window: '30d' }));
    expect(sum(r.bins.long)).toBe(sum(r.bins.short));
    // The 100x tier: shorts liquidate 0.598 % up ([100,500, 100,600)), longs 0.602 % down ([99,300, 99,400)).
    expect(atRiskNotional(r.bins, P, 'short', 0.6)).toBe(10_000);
    expect(atRiskNotional(r.bins, P, 'long', 0.6)).toBe(0);
  });

  it('venue order does not change the result, to the bit', () => {
    fc.assert(
      fc.property(
        seriesDocArb(30).chain((doc) =>
          fc.tuple(
            fc.constant(doc),
            fc.shuffledSubarray(doc.venues, { minLength: doc.venues.length, maxLength: doc.venues.length }),
          ),
        ),
        paramsArb,
        ([doc, shuffled], p) => {
          const other: SeriesDoc = { ...doc, venues: shuffled };
          const depth = {
            asks: [[doc.venues[0]?.markPrice ?? 100, 1e3] as [number, number]],
            bids: [[(doc.venues[0]?.markPrice ?? 100) * 0.9, 1e3] as [number, number]],
          };
          expect(JSON.stringify(runModel(other, p, depth))).toBe(JSON.stringify(runModel(doc, p, depth)));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('band venue split', () => {
  it('adds up to the band, names only the venues of the input, and is the whole band for one venue', () => {
    fc.assert(
      fc.property(seriesDocArb(60), paramsArb, (doc, p) => {
        const r = runModel(doc, p);
        const names = new Set(doc.venues.map((v) => v.venue));
        for (const band of r.bands) {
          const split = band.venues ?? [];
          expect(near(sum(split.map((v) => v.notionalUsd)), band.notionalUsd, 1e-9)).toBe(true);
          expect(split.every((v) => names.has(v.venue) && v.notionalUsd > 0)).toBe(true);
          expect(new Set(split.map((v) => v.venue)).size).toBe(split.length);
          if (names.size === 1)
            expect(split).toEqual([{ venue: doc.venues[0]?.venue, notionalUsd: band.notionalUsd }]);
        }
      }),
    );
  });
});
