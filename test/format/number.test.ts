import { describe, expect, it } from 'vitest';
import { formatFixed, roundHalfUp } from '../../lib/format/number';

describe('roundHalfUp', () => {
  it('rounds on the decimal text, half away from zero', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(999.95, 1)).toBe(1000);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(1.234e-7, 8)).toBe(1.2e-7);
  });
});

describe('formatFixed', () => {
  it('groups in en-US style whatever the locale', () => {
    expect(formatFixed(1_234_567.891, 2)).toBe('1,234,567.89');
    expect(formatFixed(999, 0)).toBe('999');
    expect(formatFixed(1000, 0)).toBe('1,000');
  });

  it('signs negatives with U+2212 and drops the sign of a rounded zero', () => {
    expect(formatFixed(-1234.5, 1)).toBe('\u22121,234.5');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
  });
});
