import { describe, expect, it } from 'vitest';
import { atRiskNotional, moveToLiquidate } from '../../lib/model/at-risk';
import { bins } from './helpers';

// Width 10 from 100; P = 125 sits mid-bin 2 ([120, 130)).
// Longs: bin 1 [110, 120) 40, bin 2 20. Shorts: bin 2 100, bin 3 [130, 140) 50.
const B = bins(100, 10, [0, 40, 20, 0, 0], [0, 0, 100, 50, 0]);
const P = 125;

describe('atRiskNotional', () => {
  it('counts the part of a bin inside the move, pro rata', () => {
    // (125, 137.5]: half of bin 2 (50) + three quarters of bin 3 (37.5)
    expect(atRiskNotional(B, P, 'short', 10)).toBeCloseTo(87.5, 9);
    // [112.5, 125): half of bin 2 (10) + three quarters of bin 1 (30)
    expect(atRiskNotional(B, P, 'long', 10)).toBeCloseTo(40, 9);
  });

  it('ignores the other side of P', () => {
    expect(atRiskNotional(bins(100, 10, [0, 0, 0, 9, 0], [0, 9, 0, 0, 0]), P, 'short', 50)).toBe(0);
    expect(atRiskNotional(bins(100, 10, [0, 0, 0, 9, 0], [0, 9, 0, 0, 0]), P, 'long', 50)).toBe(0);
  });

  it('stops at the grid', () => {
    expect(atRiskNotional(B, P, 'short', 90)).toBe(100);
  });
});

describe('moveToLiquidate (the inverse)', () => {
  it('finds the smallest move that liquidates the amount, uniform within bins', () => {
    expect(moveToLiquidate(B, P, 'short', 50)).toBeCloseTo(4, 9); // to 130
    expect(moveToLiquidate(B, P, 'short', 60)).toBeCloseTo(5.6, 9); // 10 of bin 3's 50 → 132
    expect(moveToLiquidate(B, P, 'short', 87.5)).toBeCloseTo(10, 9);
    expect(moveToLiquidate(B, P, 'long', 10)).toBeCloseTo(4, 9); // to 120
    expect(moveToLiquidate(B, P, 'long', 40)).toBeCloseTo(10, 9); // to 112.5
  });

  it('is 0 for nothing, null when the grid holds less', () => {
    expect(moveToLiquidate(B, P, 'short', 0)).toBe(0);
    expect(moveToLiquidate(B, P, 'short', 100)).toBeCloseTo(12, 9); // all of it, at 140
    expect(moveToLiquidate(B, P, 'short', 100.01)).toBeNull();
    expect(moveToLiquidate(B, P, 'long', 50.01)).toBeNull();
  });

  it('skips empty bins to the next one holding notional', () => {
    const gap = bins(100, 10, [0, 0, 0, 0, 0], [0, 0, 0, 0, 40]); // shorts only in [140, 150)
    expect(moveToLiquidate(gap, P, 'short', 10)).toBeCloseTo(14, 9); // 142.5
  });
});
