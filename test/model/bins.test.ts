import { describe, expect, it } from 'vitest';
import { binIndex, binWidth, gridOf, makeGrid, snapToStep } from '../../lib/model/bins';

describe('binWidth: {1, 2, 5}·10^k nearest to P·binPct/100 in ratio', () => {
  it('BTC at 95,000 and 0.1 % gives 100 (95 is 1.9× from 50 but only 1.05× from 100)', () => {
    expect(binWidth(95_000, 0.1)).toBe(100);
  });

  it('3,300 at 0.1 % gives 5: 3.3 is 1.65× from 2 and 1.52× from 5', () => {
    expect(binWidth(3_300, 0.1)).toBe(5);
  });

  it('0.5 at 0.1 % gives exactly 0.0005, a step itself', () => {
    expect(binWidth(0.5, 0.1)).toBe(0.0005);
  });

  it('keeps exact steps and spans decades', () => {
    expect(snapToStep(1)).toBe(1);
    expect(snapToStep(0.2)).toBe(0.2);
    expect(snapToStep(5e-7)).toBe(5e-7);
    expect(snapToStep(1000)).toBe(1000);
    expect(snapToStep(7)).toBe(5);
    expect(snapToStep(7.2)).toBe(10);
    expect(snapToStep(0.0013)).toBe(0.001);
    expect(snapToStep(0.0015)).toBe(0.002);
  });

  // √2, √10 and √50 are the midpoints in ratio. No double equals them, so a true tie cannot arise; the
  // double just above each midpoint goes up and the one just below goes down, to the last bit.
  it('splits at the geometric midpoints, the nearest double above going up', () => {
    expect(snapToStep(Math.SQRT2)).toBe(2);
    expect(snapToStep(1.4142135623730949)).toBe(1);
    expect(snapToStep(3.1622776601683795)).toBe(5);
    expect(snapToStep(3.162277660168379)).toBe(2);
    expect(snapToStep(7.0710678118654755)).toBe(10);
    expect(snapToStep(7.071067811865475)).toBe(5);
    expect(snapToStep(70.71067811865476)).toBe(100);
  });
});

describe('makeGrid: lo = floor(P(1 − r)/w)·w, hi = ceil(P(1 + r)/w)·w', () => {
  it('does not grow a bin from rounding noise: 100 ± 10 % at 1 is exactly 90 … 110', () => {
    const g = makeGrid(100, 1, 10);
    expect(g.low).toBe(90);
    expect(g.count).toBe(20);
    expect(g.edges[20]).toBe(110);
  });

  it('95,000 ± 25 % at 100: 71,200 … 118,800', () => {
    const g = makeGrid(95_000, 0.1, 25);
    expect(g.width).toBe(100);
    expect(g.low).toBe(71_200);
    expect(g.count).toBe(476);
    expect(g.edges[g.count]).toBe(118_800);
    expect(g.edges[1]).toBe(71_300);
  });

  it('snaps only rounding noise, never a real fraction of a bin', () => {
    // P·1.25/w = 1,000.0000000125: hi = ceil(…) · 100 = 100,100, so the grid covers P·1.25.
    const up = makeGrid(80_000.000001, 0.1, 25);
    expect(up.width).toBe(100);
    expect(up.edges[up.count]).toBe(100_100);
    // P·0.75/w = 599.9999999925: lo = floor(…) · 100 = 59,900, so the grid covers P·0.75.
    expect(makeGrid(79_999.999999, 0.1, 25).low).toBe(59_900);
  });

  it('says when a reference price leaves no grid in doubles', () => {
    expect(() => makeGrid(5e-324, 0.1, 25)).toThrow(/reference price 5e-324 is out of range/);
    expect(() => makeGrid(1.5e308, 0.1, 25)).toThrow(RangeError);
    expect(makeGrid(1e-290, 0.1, 25).width).toBe(1e-293);
  });

  it('keeps decimal edges exact for small widths', () => {
    const g = makeGrid(0.5, 0.1, 25);
    expect(g.width).toBe(0.0005);
    expect(g.low).toBe(0.375);
    expect(g.edges[1]).toBe(0.3755);
    expect(g.edges[3]).toBe(0.3765);
    expect(g.edges[g.count]).toBe(0.625);
  });
});

describe('binIndex', () => {
  const g = makeGrid(100, 1, 10); // w = 1, [90, 110)
  it('puts an edge in the bin above it and excludes hi', () => {
    expect(g.low).toBe(90);
    expect(binIndex(g, 90)).toBe(0);
    expect(binIndex(g, 90.999)).toBe(0);
    expect(binIndex(g, 91)).toBe(1);
    expect(binIndex(g, 109.999)).toBe(19);
    expect(binIndex(g, 110)).toBe(-1);
    expect(binIndex(g, 89.999)).toBe(-1);
  });

  it('decides by the stored decimal edges, not by the division', () => {
    const s = makeGrid(0.5, 0.1, 25);
    // 0.3765 / 0.0005 is 752.9999999999999 in doubles.
    expect(binIndex(s, 0.3765)).toBe(3);
    expect(binIndex(s, 0.37649999)).toBe(2);
  });

  it('gridOf rebuilds the grid from bins', () => {
    const s = makeGrid(0.5, 0.1, 25);
    const again = gridOf({ low: s.low, width: s.width, long: new Array(s.count).fill(0) });
    expect(Array.from(again.edges)).toEqual(Array.from(s.edges));
  });

  it('gridOf hands out the grid it made for a bins object again, and a new one once low, width or count change', () => {
    const s = makeGrid(95_000, 0.1, 25);
    const bins = { low: s.low, width: s.width, long: new Array<number>(s.count).fill(0) };
    const first = gridOf(bins);
    bins.long[3] = 1e6;
    expect(gridOf(bins)).toBe(first);
    const fresh = (b: typeof bins) => Array.from(gridOf({ ...b, long: [...b.long] }).edges);
    bins.long.push(0);
    expect(gridOf(bins)).not.toBe(first);
    expect(Array.from(gridOf(bins).edges)).toEqual(fresh(bins));
    bins.low += s.width;
    expect(Array.from(gridOf(bins).edges)).toEqual(fresh(bins));
    bins.width = 0.37;
    const odd = gridOf(bins);
    expect(odd.width).toBe(0.37);
    expect(Array.from(odd.edges)).toEqual(fresh(bins));
    expect(gridOf(bins)).toBe(odd);
  });
});
