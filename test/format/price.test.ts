import { describe, expect, it } from 'vitest';
import { decimalsOfStep, formatPrice } from '../../lib/format/price';

describe('formatPrice by magnitude', () => {
  it('follows the examples', () => {
    expect(formatPrice(96_250)).toBe('96,250');
    expect(formatPrice(3_312.5)).toBe('3,312.5');
    expect(formatPrice(0.00001234)).toBe('0.00001234');
  });

  it('keeps five significant digits from 1 and four below', () => {
    expect(formatPrice(95_076.1)).toBe('95,076');
    expect(formatPrice(150.257)).toBe('150.26');
    expect(formatPrice(1.23456)).toBe('1.2346');
    expect(formatPrice(0.5)).toBe('0.5000');
    expect(formatPrice(0.000012345)).toBe('0.00001235');
    expect(formatPrice(1_234_567.8)).toBe('1,234,568');
  });

  it('drops a decimal when rounding adds a digit', () => {
    expect(formatPrice(9.99996)).toBe('10.000');
    expect(formatPrice(0.99999)).toBe('1.0000');
  });

  it('handles zero, negatives and non-numbers', () => {
    expect(formatPrice(0)).toBe('0');
    expect(formatPrice(-3_312.5)).toBe('\u22123,312.5');
    expect(formatPrice(Number.NaN)).toBe('—');
  });
});

describe('formatPrice with a step', () => {
  it('uses the decimals of the step', () => {
    expect(formatPrice(95_100, { step: 100 })).toBe('95,100');
    expect(formatPrice(3_305, { step: 5 })).toBe('3,305');
    expect(formatPrice(0.5005, { step: 0.0005 })).toBe('0.5005');
    expect(formatPrice(2.5, { step: 0.5 })).toBe('2.5');
  });

  it('counts the decimals of a step', () => {
    expect(decimalsOfStep(100)).toBe(0);
    expect(decimalsOfStep(0.1)).toBe(1);
    expect(decimalsOfStep(0.0005)).toBe(4);
    expect(decimalsOfStep(5e-7)).toBe(7);
    expect(decimalsOfStep(2.5e-7)).toBe(8);
    expect(decimalsOfStep(0)).toBe(0);
  });
});
