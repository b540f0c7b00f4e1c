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

// 20 bins of width 1 on [90, 110); bin k holds k + 1 on both sides (bin 10 = [100, 101) holds 11).
const values = Array.from({ length: 20 }, (_, k) => k + 1);
const grid = bins(90, 1, values, values);

describe('edge cases: at-risk with P and P·(1 ± x) on bin edges', () => {
  it('shorts in (100, 105]: bins 10–14 whole, nothing of bin 15 that starts at 105', () => {
    expect(atRiskNotional(grid, 100, 'short', 5)).toBe(11 + 12 + 13 + 14 + 15);
  });

  it('longs in [95, 100): bins 5–9 whole, nothing of bin 10 that starts at P', () => {
    expect(atRiskNotional(grid, 100, 'long', 5)).toBe(6 + 7 + 8 + 9 + 10);
  });

  it('a move ending mid-bin counts that bin pro rata', () => {
    // (100, 100.5]: half of bin 10; [99.5, 100): half of bin 9.
    expect(atRiskNotional(grid, 100, 'short', 0.5)).toBeCloseTo(5.5, 12);
    expect(atRiskNotional(grid, 100, 'long', 0.5)).toBeCloseTo(5, 12);
  });

  it('P mid-bin: only the part of its bin beyond P counts', () => {
    // P = 100.5, move 0.4975… % up to 101: the upper half of bin 10 (5.5); down to 100: its lower half.
    expect(atRiskNotional(grid, 100.5, 'short', (101 / 100.5 - 1) * 100)).toBeCloseTo(5.5, 9);
    expect(atRiskNotional(grid, 100.5, 'long', (1 - 100 / 100.5) * 100)).toBeCloseTo(5.5, 9);
  });
});

describe('edge cases: the inverse when the amount is exactly whole bins', () => {
  it('one bin’s notional ends the move at that bin’s far edge, not in the next bin', () => {
    expect(moveToLiquidate(grid, 100, 'short', 11)).toBeCloseTo(1, 12); // q = 101
    expect(moveToLiquidate(grid, 100, 'long', 10)).toBeCloseTo(1, 12); // q = 99
    expect(moveToLiquidate(grid, 100, 'short', 11 + 12)).toBeCloseTo(2, 12);
  });

  it('across an empty bin: exactly the first bin’s amount stops before the gap', () => {
    // Shorts 11 in [100, 101), nothing in [101, 102), 13 in [102, 103).
    const gapped = bins(90, 1, values, [...values.slice(0, 11), 0, ...values.slice(12)]);
    expect(moveToLiquidate(gapped, 100, 'short', 11)).toBeCloseTo(1, 12);
    // One dollar more needs 1/13 of bin 12: q = 102 + 1/13.
    expect(moveToLiquidate(gapped, 100, 'short', 12)).toBeCloseTo(2 + 1 / 13, 12);
    expect(moveToLiquidate(gapped, 100, 'short', 24)).toBeCloseTo(3, 12);
  });

  it('from P mid-bin, the part of its bin beyond P comes first', () => {
    // P = 100.5: 5.5 of bin 10 lies above P; that amount ends at 101.
    expect(moveToLiquidate(grid, 100.5, 'short', 5.5)).toBeCloseTo((101 / 100.5 - 1) * 100, 12);
  });

  it('agrees with at-risk at the returned move', () => {
    for (const usd of [11, 23, 36, 65]) {
      const move = moveToLiquidate(grid, 100, 'short', usd) as number;
      expect(atRiskNotional(grid, 100, 'short', move)).toBeCloseTo(usd, 9);
    }
  });
});
