import { describe, expect, it } from 'vitest';
import { formatFundingRate, formatPercent, formatShare, formatSignedPercent } from '../../lib/format/percent';

const MINUS = '\u2212';

describe('formatSignedPercent', () => {
  it('signs both directions with a space before %', () => {
    expect(formatSignedPercent(3)).toBe('+3.0 %');
    expect(formatSignedPercent(-1.94)).toBe(`${MINUS}1.9 %`);
    expect(formatSignedPercent(-1.95)).toBe(`${MINUS}2.0 %`);
  });

  it('leaves a zero, or what rounds to it, unsigned', () => {
    expect(formatSignedPercent(0)).toBe('0.0 %');
    expect(formatSignedPercent(-0.04)).toBe('0.0 %');
    expect(formatSignedPercent(0.04)).toBe('0.0 %');
  });

  it('honours the decimals and groups large values', () => {
    expect(formatSignedPercent(12.345, 2)).toBe('+12.35 %');
    expect(formatSignedPercent(1234.5, 0)).toBe('+1,235 %');
  });

  it('never uses a hyphen', () => {
    expect(formatSignedPercent(-8.3)).not.toContain('-');
  });
});

describe('formatPercent and formatShare', () => {
  it('formats levels', () => {
    expect(formatPercent(25, 0)).toBe('25 %');
    expect(formatPercent(0.1)).toBe('0.1 %');
    expect(formatPercent(-2.5)).toBe(`${MINUS}2.5 %`);
  });

  it('formats shares of a whole', () => {
    expect(formatShare(0.42)).toBe('42 %');
    expect(formatShare(0.042)).toBe('4.2 %');
    expect(formatShare(0.0996)).toBe('10 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(0)).toBe('0.0 %');
  });
});

describe('formatFundingRate', () => {
  it('shows a fraction as a signed percent with four decimals', () => {
    expect(formatFundingRate(0.0001)).toBe('+0.0100 %');
    expect(formatFundingRate(-0.00005)).toBe(`${MINUS}0.0050 %`);
    expect(formatFundingRate(0)).toBe('0.0000 %');
    expect(formatFundingRate(0.000125)).toBe('+0.0125 %');
  });
});
