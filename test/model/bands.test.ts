import { describe, expect, it } from 'vitest';
import { findBands } from '../../lib/model/bands';
import { bins } from './helpers';

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
