import { describe, expect, it } from 'vitest';
import { type BookDepthUsd, cascade } from '../../lib/model/cascade';
import type { Bins } from '../../lib/model/cluster-view';

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
