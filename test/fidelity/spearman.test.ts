import { describe, expect, it } from 'vitest';
import { pearson, ranks, spearman } from '../../lib/fidelity/spearman';

describe('ranks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(Array.from(ranks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(ranks([5, 5, 5]))).toEqual([2, 2, 2]);
    expect(Array.from(ranks([3, 1, 2, 1]))).toEqual([4, 1.5, 3, 1.5]);
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [1, 10, 100, 1000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 7, 3, 1])).toBeCloseTo(-1, 12);
  });

  it('with ties is the Pearson correlation of the mid-ranks', () => {
    // x ranks 1, 2.5, 2.5, 4; y ranks 1, 2, 3, 4: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 4.5 / √22.5.
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });

  it('is null when a side is constant (an all-zero window) or too short', () => {
    expect(spearman([1, 2, 3], [0, 0, 0])).toBeNull();
    expect(spearman([1], [2])).toBeNull();
    expect(pearson([1, 2], [1])).toBeNull();
  });
});
