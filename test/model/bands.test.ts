import { describe, expect, it } from 'vitest';
import { findBands } from '../../lib/model/bands';
import { runModel } from '../../lib/model/run-model';
import { bins, oneOpeningAt100, params, SIMPLE } from './helpers';

// 20 bins of width 1 from 100. Non-empty: sixteen 1s and four 10s → mean 56/20 = 2.8, dense ≥ 5.6.
// Dense bins 8, 9, 11 and 14: runs [8–9] and [11] are one bin apart and merge with bin 10; [14] is two
// bins from 11 and stays apart.
const LONG = [1, 1, 1, 1, 1, 1, 1, 1, 10, 10, 1, 10, 1, 1, 10, 1, 1, 1, 1, 1];

describe('bands', () => {
  it('merges runs across a one-bin gap, not across two', () => {
    const bands = findBands(bins(100, 1, LONG), 0);
    expect(bands).toEqual([
      { side: 'long', low: 108, high: 112, peak: 108.5, notionalUsd: 31, share: 31 / 56 },
      { side: 'long', low: 114, high: 115, peak: 114.5, notionalUsd: 10, share: 10 / 56 },
    ]);
  });

  it('peak is the centre of the largest bin, the lowest on ties', () => {
    const tied = [...LONG];
    tied[11] = 12; // now the largest bin of the first band
    expect(findBands(bins(100, 1, tied), 0)[0]?.peak).toBe(111.5);
    // 8, 9 and 11 tie at 10 in LONG: bin 8 wins.
    expect(findBands(bins(100, 1, LONG), 0)[0]?.peak).toBe(108.5);
  });

  it('merges a chain of runs each one bin apart into one band', () => {
    const chain = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 10, 1, 10, 1, 10, 1, 1, 1, 1, 1];
    // sum 47, 20 non-empty: dense ≥ 4.7
    expect(findBands(bins(0, 1, chain), 0)).toEqual([
      { side: 'long', low: 10, high: 15, peak: 10.5, notionalUsd: 32, share: 32 / 47 },
    ]);
  });

  it('averages over non-empty bins only', () => {
    // Non-empty 4, 4, 12: mean 20/3, dense ≥ 13.33 → none; with empty bins counted it would be 12 ≥ 4.
    expect(findBands(bins(0, 1, [0, 0, 0, 4, 0, 4, 0, 12, 0, 0]), 0)).toEqual([]);
    // Non-empty 1, 1, 1, 9: mean 3, dense ≥ 6 → bin 7 alone.
    expect(findBands(bins(0, 1, [0, 0, 1, 1, 0, 1, 0, 9, 0, 0]), 0)).toEqual([
      { side: 'long', low: 7, high: 8, peak: 7.5, notionalUsd: 9, share: 0.75 },
    ]);
  });

  it('minBinUsd raises the bar', () => {
    expect(findBands(bins(100, 1, LONG), 10)).toHaveLength(2);
    expect(findBands(bins(100, 1, LONG), 10.5)).toEqual([]);
  });

  it('an empty side has no bands', () => {
    expect(findBands(bins(0, 1, [0, 0, 0]), 0)).toEqual([]);
  });

  it('orders both sides by notional, largest first; ties by lower edge', () => {
    const long = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 30];
    const short = [20, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 20, 1];
    const bands = findBands(bins(0, 1, long, short), 0);
    expect(bands.map((b) => [b.side, b.low, b.notionalUsd])).toEqual([
      ['long', 19, 30],
      ['short', 0, 20],
      ['short', 18, 20],
    ]);
  });
});

describe('edge cases: band merging', () => {
  // 24 bins of width 1 from 0, all non-empty: eight 10s and sixteen 1s, mean 96/24 = 4, dense ≥ 8.
  // Runs A = [0, 1] (at the grid's lower edge), B = [3], C = [5, 7], D = [10], E = [23] (at the upper
  // edge). A_B and B_C are one bin apart: one band [0, 8) with bins 2 and 4 included (62). C and D are two
  // bins apart (8, 9): D stands alone; so does E, 13 bins from D.
  const values = [10, 10, 1, 10, 1, 10, 10, 10, 1, 1, 10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 10];

  it('merges a chain A _ B _ C of multi-bin runs into one band, and stops at a two-bin gap', () => {
    expect(findBands(bins(0, 1, values), 0)).toEqual([
      { side: 'long', low: 0, high: 8, peak: 0.5, notionalUsd: 62, share: 62 / 96 },
      { side: 'long', low: 10, high: 11, peak: 10.5, notionalUsd: 10, share: 10 / 96 },
      { side: 'long', low: 23, high: 24, peak: 23.5, notionalUsd: 10, share: 10 / 96 },
    ]);
  });

  it('finds bands in the first and the last bin of the grid, a one-bin gap merging up to the top edge', () => {
    // Shorts on 9 bins of 0.5 from 100: 10, 1, 1, 1, 1, 1, 10, 1, 10 — mean 36/9 = 4, dense ≥ 8.
    // Bin 0 alone ([100, 100.5)); bins 6 and 8 merge across bin 7 up to hi = 104.5; peak: the lower of
    // the two 10s (bin 6, centre 103.25).
    const short = [10, 1, 1, 1, 1, 1, 10, 1, 10];
    expect(
      findBands(
        bins(
          100,
          0.5,
          short.map(() => 0),
          short,
        ),
        0,
      ),
    ).toEqual([
      { side: 'short', low: 103, high: 104.5, peak: 103.25, notionalUsd: 21, share: 21 / 36 },
      { side: 'short', low: 100, high: 100.5, peak: 100.25, notionalUsd: 10, share: 10 / 36 },
    ]);
  });

  it('a run that ends one bin short of the top does not take that last bin in', () => {
    // 1, 1, 1, 1, 10, 1: mean 15/6 = 2.5, dense ≥ 5 → bin 4 alone; bin 5 is a gap with no run after it.
    expect(findBands(bins(0, 1, [1, 1, 1, 1, 10, 1]), 0)).toEqual([
      { side: 'long', low: 4, high: 5, peak: 4.5, notionalUsd: 10, share: 10 / 15 },
    ]);
  });

  it('the empty gap bin between two runs is included too (it adds nothing)', () => {
    // Non-empty 1, 1, 10, 10, 1: mean 23/5 = 4.6, dense ≥ 9.2; bins 3 and 5 merge across empty bin 4.
    expect(findBands(bins(0, 1, [1, 1, 0, 10, 0, 10, 1]), 0)).toEqual([
      { side: 'long', low: 3, high: 6, peak: 3.5, notionalUsd: 20, share: 20 / 23 },
    ]);
  });
});

describe('edge cases: a liquidation price exactly on a bin edge', () => {
  // P = 100, binPct 1 → w = 1; rangePct 25 → lo = 75, hi = 125 (50 bins). One 4x tier at entry 100:
  // the long liquidates at exactly 75 = lo, the first bin's lower edge, and counts in bin 0; the short at
  // exactly 125 = hi, outside [lo, hi): dropped. With rangePct 30 (lo 70) 125 is the lower edge of bin 55
  // and counts there, not in bin 54.
  const doc = oneOpeningAt100();

  it('counts an edge in the bin above it: lo is in, hi is out', () => {
    const r = runModel(doc, params({ ...SIMPLE, binPct: 1, rangePct: 25 }));
    expect([r.bins.low, r.bins.long.length]).toEqual([75, 50]);
    expect(r.bins.long[0]).toBe(50);
    expect(r.bins.short.every((v) => v === 0)).toBe(true);
    expect(r.diagnostics.droppedNotionalUsd).toBe(50);
    expect(r.diagnostics.openNotionalUsd).toBe(50);
  });

  it('an inner edge belongs to the bin that starts there', () => {
    const r = runModel(doc, params({ ...SIMPLE, binPct: 1, rangePct: 30 }));
    expect(r.bins.low).toBe(70);
    expect([r.bins.short[54], r.bins.short[55]]).toEqual([0, 50]);
    expect([r.bins.long[4], r.bins.long[5]]).toEqual([0, 50]);
  });
});
