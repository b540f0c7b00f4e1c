import { describe, expect, it } from 'vitest';
import type { VenueSeries } from '../../lib/market/series';
import { type BookDepthUsd, cascade } from '../../lib/model/cascade';
import type { Bins } from '../../lib/model/cluster-view';
import { runModel } from '../../lib/model/run-model';
import { bins, flat, HOUR, oneOpeningAt100, params, SIMPLE, seriesDoc, venueSeries } from './helpers';

// P = 100, bins of 0.1 on [90, 110): bin k covers [90 + k/10, 90 + (k+1)/10).
const P = 100;
function book(shortPerBin: number, longPerBin: number): Bins {
  const long = Array.from({ length: 200 }, (_, k) => (k < 100 ? longPerBin : 0));
  const short = Array.from({ length: 200 }, (_, k) => (k >= 100 ? shortPerBin : 0));
  return { low: 90, width: 0.1, long, short };
}
/** `usd` at every 0.1 from P outwards, `levels` levels per side: D(x) = usd·10·x. */
function depth(usd: number, levels: number): BookDepthUsd {
  const asks: [number, number][] = [];
  const bids: [number, number][] = [];
  for (let j = 1; j <= levels; j++) {
    asks.push([(1000 + j) / 10, usd]);
    bids.push([(1000 - j) / 10, usd]);
  }
  return { asks, bids };
}

describe('cascade', () => {
  // Shorts 100 per unit of price, asks 200: x_{k+1} = x0 + x_k/2 from x0 = 1 → 1.5, 1.75, 1.875, 1.9375
  // (the last move, 0.0625, is under one bin).
  it('iterates to the fixed point and stops when q moves less than one bin', () => {
    const r = cascade(book(10, 0), P, depth(20, 100), 'up', 101);
    expect(r.stop).toBe('converged');
    expect(r.steps).toBe(4);
    expect(r.endPrice).toBeCloseTo(101.9375, 9);
    expect(r.liquidatedUsd).toBeCloseTo(193.75, 9);
  });

  it('runs the same way down against bids and longs', () => {
    const r = cascade(book(0, 10), P, depth(20, 100), 'down', 99);
    expect(r).toMatchObject({ stop: 'converged', steps: 4 });
    expect(r.endPrice).toBeCloseTo(98.0625, 9);
    expect(r.liquidatedUsd).toBeCloseTo(193.75, 9);
  });

  it('without liquidations ends where the push ended', () => {
    const r = cascade(book(0, 0), P, depth(20, 100), 'up', 101);
    expect(r).toEqual({ endPrice: 101, liquidatedUsd: 0, steps: 1, stop: 'converged' });
  });

  // Shorts 300 per unit against 200 of asks up to 103 (600 in all): 1 → 2.5, then demand 200 + 750 > 600.
  it('stops "beyond visible depth" when the demand exceeds the fetched book', () => {
    const r = cascade(book(30, 0), P, depth(20, 30), 'up', 101);
    expect(r.stop).toBe('beyond-depth');
    expect(r.steps).toBe(2);
    expect(r.endPrice).toBe(103);
    expect(r.liquidatedUsd).toBeCloseTo(900, 9);
  });

  it('a push past the fetched book is beyond depth at once', () => {
    const r = cascade(book(30, 0), P, depth(20, 30), 'up', 104);
    expect(r.stop).toBe('beyond-depth');
    expect(r.steps).toBe(0);
    expect(r.endPrice).toBe(104);
    expect(r.liquidatedUsd).toBeCloseTo(1200, 9);
  });

  it('interpolates D linearly across a gap between levels and ignores asks below P', () => {
    // Asks 100 at 101 and 300 at 103 (spread over 101–103); shorts 150 in [101, 101.1).
    const bins = book(0, 0);
    bins.short[110] = 150;
    const d: BookDepthUsd = {
      asks: [
        [103, 300],
        [99.5, 1e9],
        [101, 100],
      ],
      bids: [],
    };
    // D(101.05) = 107.5, S = 75 → D⁻¹(182.5) = 101.55 → S = 150, D⁻¹(257.5) = 102.05 → unchanged.
    const r = cascade(bins, P, d, 'up', 101.05);
    expect(r.stop).toBe('converged');
    expect(r.steps).toBe(3);
    expect(r.endPrice).toBeCloseTo(102.05, 9);
    expect(r.liquidatedUsd).toBeCloseTo(150, 9);
  });
});

// P = 100, 20 bins of 1 on [90, 110). Shorts: 50 in [101, 102), 30 in [104, 105). Longs: 20 in [99, 100),
// 60 in [98, 99).
const short = new Array(20).fill(0);
short[11] = 50;
short[14] = 30;
const long = new Array(20).fill(0);
long[9] = 20;
long[8] = 60;
const map = bins(90, 1, long, short);

describe('edge cases: cascade with no depth on one side', () => {
  const depth: BookDepthUsd = {
    asks: [],
    bids: [
      [99, 50],
      [98, 50],
    ],
  };

  it('up, with no asks, is beyond the visible depth at once: the push, and what it liquidates', () => {
    // S(103) = shorts in (100, 103] = 50.
    expect(cascade(map, 100, depth, 'up', 103)).toEqual({
      endPrice: 103,
      liquidatedUsd: 50,
      steps: 0,
      stop: 'beyond-depth',
    });
  });

  it('down still runs against the bids', () => {
    // Push to 99 consumes D(99) = 50 and liquidates the 20 in [99, 100): D⁻¹(70) = 98.6 (70 − 50 = 20 of the
    // 50 spread over [98, 99)). S(98.6) = 20 + 0.4 · 60 = 44; the step 99 → 98.6 is under one bin: stop.
    const r = cascade(map, 100, depth, 'down', 99);
    expect(r).toMatchObject({ steps: 1, stop: 'converged' });
    expect(r.endPrice).toBeCloseTo(98.6, 12);
    expect(r.liquidatedUsd).toBeCloseTo(44, 12);
  });

  it('a push to P itself against an empty book goes nowhere', () => {
    expect(cascade(map, 100, { asks: [], bids: [] }, 'up', 100)).toEqual({
      endPrice: 100,
      liquidatedUsd: 0,
      steps: 1,
      stop: 'converged',
    });
  });
});

describe('edge cases: runModel cascades with one side of the book empty', () => {
  const doc = oneOpeningAt100();
  it('marks the up cascades beyond depth and still estimates down', () => {
    const p = params({ ...SIMPLE, binPct: 1, rangePct: 30 });
    const r = runModel(doc, p, {
      asks: [],
      bids: [
        [99, 1e6],
        [95, 1e6],
      ],
    });
    expect(r.cascade.map((c) => [c.direction, c.trigger, c.stop, c.steps])).toEqual([
      ['up', 'move', 'beyond-depth', 0],
      ['down', 'move', 'converged', 1],
    ]);
    expect(r.cascade[0]).toMatchObject({ fromPrice: 103, endPrice: 103, liquidatedUsd: 0 });
    expect(r.cascade[1]).toMatchObject({ fromPrice: 97, endPrice: 97, liquidatedUsd: 0 });
  });
});

describe('edge cases: the nearest-band push', () => {
  // Entry 80 (flat candles), tiers 4x 0.8, 2x 0.1, 3x 0.1, mmr 0, OI 10 → 11: shorts 32 at 100, 4 at 120,
  // 4 at 106.67. Mark 100.4 → P = 100.4, w = 1, bins [75, 126). The 100 bin is dense (32 ≥ 2 · 40/3): a
  // short band [100, 101), peak 100.5, that P sits inside. It is the nearest band up: push to its peak.
  const doc = seriesDoc([
    venueSeries(
      'binance',
      [flat(0, 80), flat(HOUR, 80)],
      [
        [0, 10],
        [HOUR, 11],
      ],
      100.4,
    ),
  ]);
  const p = params({
    ...SIMPLE,
    tiers: [
      [4, 0.8],
      [2, 0.1],
      [3, 0.1],
    ],
    binPct: 1,
    rangePct: 25,
  });
  const depth: BookDepthUsd = { asks: [[101, 1000]], bids: [[100, 1000]] };

  it('counts a band around P whose peak lies beyond it', () => {
    const r = runModel(doc, p, depth);
    expect(r.bands).toEqual([
      {
        side: 'short',
        low: 100,
        high: 101,
        peak: 100.5,
        notionalUsd: 32,
        share: 0.8,
        venues: [{ venue: 'binance', notionalUsd: 32 }],
      },
    ]);
    const band = r.cascade.find((c) => c.trigger === 'nearest-band');
    expect(band).toMatchObject({ direction: 'up', fromPrice: 100.5, stop: 'converged', steps: 1 });
    // D(100.5) = 1000 · 0.1/0.6; S(100.5) = 32 · 0.1 = 3.2 more → q1 = 100.4 + 0.6 · (1000/6 + 3.2)/1000.
    expect(band?.endPrice).toBeCloseTo(100.4 + (0.6 * (1000 / 6 + 3.2)) / 1000, 9);
    // No long band: no nearest-band push down.
    expect(r.cascade.filter((c) => c.direction === 'down').map((c) => c.trigger)).toEqual(['move']);
  });

  it('never pushes up to a band whose peak is below P', () => {
    const r = runModel(
      { ...doc, venues: [{ ...(doc.venues[0] as VenueSeries), markPrice: 100.6 }] },
      p,
      depth,
    );
    expect(r.bands.map((b) => b.peak)).toEqual([100.5]);
    expect(r.cascade.map((c) => c.trigger)).toEqual(['move', 'move']);
  });
});
