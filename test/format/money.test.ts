import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../lib/format/money';

describe('formatUsd', () => {
  it('writes zero without decimals', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(-0)).toBe('$0');
    expect(formatUsd(0.4)).toBe('$0');
    expect(formatUsd(-0.4)).toBe('$0');
  });

  it('uses the examples of the spec', () => {
    expect(formatUsd(3e9)).toBe('$3.0B');
    expect(formatUsd(950e6)).toBe('$950M');
    expect(formatUsd(12_345)).toBe('$12.3K');
    expect(formatUsd(950)).toBe('$950');
  });

  it('keeps one decimal below 100 of a unit and none from 100', () => {
    expect(formatUsd(99_940)).toBe('$99.9K');
    expect(formatUsd(99_960)).toBe('$100K');
    expect(formatUsd(123_456_789)).toBe('$123M');
    expect(formatUsd(1_250_000)).toBe('$1.3M');
    expect(formatUsd(1_240_000)).toBe('$1.2M');
  });

  it('moves to the next unit when rounding reaches 1,000', () => {
    expect(formatUsd(999_950)).toBe('$1.0M');
    expect(formatUsd(999_499)).toBe('$999K');
    expect(formatUsd(999_500)).toBe('$1.0M');
    expect(formatUsd(999.6)).toBe('$1.0K');
    expect(formatUsd(999.4)).toBe('$999');
    expect(formatUsd(999_500_000)).toBe('$1.0B');
  });

  it('puts a real minus sign before the dollar', () => {
    expect(formatUsd(-1_234_567)).toBe('\u2212$1.2M');
    expect(formatUsd(-12)).toBe('\u2212$12');
  });

  it('stops at trillions with grouping', () => {
    expect(formatUsd(2.5e12)).toBe('$2.5T');
    expect(formatUsd(1_234_000e12)).toBe('$1,234,000T');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatUsd(Number.NaN)).toBe('—');
    expect(formatUsd(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
