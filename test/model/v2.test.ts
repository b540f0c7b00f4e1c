import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atRiskNotional } from '../../lib/model/at-risk';
import { makeGrid } from '../../lib/model/bins';
import { joinOpenInterest } from '../../lib/model/ledger';
import { blendSide, MAP_WEIGHT, PRIOR_POWER, priorShares } from '../../lib/model/prior-blend';
import { runModel } from '../../lib/model/run-model';
import { flat, HOUR, near, params, SIMPLE, seriesDoc, seriesDocArb, sum, venueSeries } from './helpers';

describe('model v2: the prior', () => {
  it('spreads a side as (d / R)^power between P and P·(1 ± R), by hand', () => {
    // P = 100, bins of 1 from 90 to 110, R = 10 %, power 2: the short bins above 100 take
    // 0.1² − 0 = 0.01, 0.2² − 0.1² = 0.03, 0.05, … 1 − 0.9² = 0.19; none below 100.
    const grid = makeGrid(100, 1, 10);
    expect(grid.low).toBe(90);
    const short = priorShares(grid, 100, 10, 'short', 2);
    expect(Array.from(short.slice(0, 10))).toEqual(Array(10).fill(0));
    expect(Array.from(short.slice(10)).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([
      0.01, 0.03, 0.05, 0.07, 0.09, 0.11, 0.13, 0.15, 0.17, 0.19,
    ]);
    const long = priorShares(grid, 100, 10, 'long', 2);
    expect(Array.from(long).reverse().slice(0, 10)).toEqual(Array(10).fill(0));
    expect(long[9]).toBeCloseTo(0.01, 12);
    expect(long[0]).toBeCloseTo(0.19, 12);
    expect(sum(short)).toBeCloseTo(1, 12);
    expect(sum(long)).toBeCloseTo(1, 12);
  });

  it('uses the fitted power 2.5 and map weight 0.05 by default', () => {
    expect([PRIOR_POWER, MAP_WEIGHT]).toEqual([2.5, 0.05]);
    const grid = makeGrid(100, 1, 10);
    expect(priorShares(grid, 100, 10, 'short')[10]).toBeCloseTo(0.1 ** 2.5, 12);
  });

  it('gives a bin P sits inside only its part beyond P', () => {
    const grid = makeGrid(100.5, 1, 10); // bins of 1 from 90 to 111; P inside [100, 101)
    const short = priorShares(grid, 100.5, 10, 'short', 1);
    const k = 10; // [100, 101)
    expect(grid.edges[k]).toBe(100);
    expect(short[k]).toBeCloseTo(0.5 / 100.5 / 0.1, 12);
  });
});

describe('model v2: the blend', () => {
  it('is (1 − w) · OI · prior + w · OI · (the v1 map scaled to sum 1), by hand', () => {
    const out = blendSide(
      Float64Array.from([0, 2, 2, 0]),
      Float64Array.from([0.25, 0.25, 0.25, 0.25]),
      100,
      0.1,
    );
    expect(Array.from(out)).toEqual([22.5, 27.5, 27.5, 22.5]);
  });

  it('is the prior alone on a side the ledger left empty', () => {
    const out = blendSide(new Float64Array(3), Float64Array.from([0.5, 0.3, 0.2]), 10, 0.1);
    expect(Array.from(out)).toEqual([5, 3, 2]);
  });
});

describe('model v2 in runModel', { timeout: 60_000 }, () => {
  // OI 10 base at P = 100: $1,000 a side. One 4x tier: a long bucket at 75 and a short one at 125 (out of
  // the ±10 % grid, so the v1 map is empty and v2 is the prior alone).
  const doc = seriesDoc([
    venueSeries(
      'binance',
      [flat(0, 100), flat(HOUR, 100)],
      [
        [0, 5],
        [HOUR, 10],
      ],
    ),
  ]);

  it('says it is v2 and holds each side at the open interest in USD', () => {
    const r = runModel(doc, params({ ...SIMPLE, version: 'v2', rangePct: 10, binPct: 1, movePct: 2 }));
    expect(r.model.version).toBe('2');
    expect(r.model.params.version).toBe('v2');
    expect(sum(r.bins.short)).toBeCloseTo(1000, 9);
    expect(sum(r.bins.long)).toBeCloseTo(1000, 9);
    // At-risk within 2 %: 1000 · (0.02 / 0.1)^2.5.
    expect(r.atRisk.up.notionalUsd).toBeCloseTo(1000 * 0.2 ** 2.5, 9);
    expect(r.atRisk.down.notionalUsd).toBeCloseTo(1000 * 0.2 ** 2.5, 9);
  });

  it('leaves v1 as it was: version 1 and the ledger map', () => {
    const r = runModel(doc, params({ ...SIMPLE, rangePct: 10, binPct: 1 }));
    expect(r.model.version).toBe('1');
    expect(sum(r.bins.short) + sum(r.bins.long)).toBe(0);
  });

  it('puts the weight of the v1 map where the ledger put it', () => {
    const wide = params({ ...SIMPLE, version: 'v2', rangePct: 30, binPct: 1 });
    const v1 = runModel(doc, { ...wide, version: 'v1' });
    const v2 = runModel(doc, wide);
    const k = v1.bins.short.findIndex((v) => v > 0); // the bucket at 125
    const prior = priorShares(makeGrid(100, 1, 30), 100, 30, 'short');
    expect(v2.bins.short[k]).toBeCloseTo(
      (1 - MAP_WEIGHT) * 1000 * (prior[k] as number) + MAP_WEIGHT * 1000,
      9,
    );
  });

  it('properties: each side sums to Σ venues’ last OI × P, at-risk grows with the move, venue order is free', () => {
    fc.assert(
      fc.property(seriesDocArb(30), fc.double({ min: 0.5, max: 10, noNaN: true }), (d, move) => {
        const p = params({ version: 'v2', window: '30d', rangePct: 25, movePct: move });
        const r = runModel(d, p);
        let oiUsd = 0;
        for (const v of d.venues) {
          const times = Float64Array.from([...new Set(v.candles.map((c) => c[0]))].sort((a, b) => a - b));
          const oi = Array.from(joinOpenInterest(times, v.openInterest)).filter((x) => !Number.isNaN(x));
          oiUsd += (oi[oi.length - 1] ?? 0) * r.price;
        }
        expect(near(sum(r.bins.short), oiUsd, 1e-9)).toBe(true);
        expect(near(sum(r.bins.long), oiUsd, 1e-9)).toBe(true);
        const reversed = runModel({ ...d, venues: [...d.venues].reverse() }, p);
        expect(reversed.bins).toEqual(r.bins);
        expect(atRiskNotional(r.bins, r.price, 'short', move)).toBeLessThanOrEqual(
          atRiskNotional(r.bins, r.price, 'short', Math.min(25, move * 2)) * (1 + 1e-12),
        );
        for (const band of r.bands)
          expect(near(sum((band.venues ?? []).map((v) => v.notionalUsd)), band.notionalUsd, 1e-9)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
