import { describe, expect, it } from 'vitest';
import { estimateText, factorText } from '../../lib/track-record/factor-text';

describe('estimateText', () => {
  it('gives the value and interval to two significant digits of the half-width', () => {
    expect(estimateText({ value: 0.3123, low: 0.18, high: 0.52 })).toBe('0.31 (0.18–0.52)');
    expect(estimateText({ value: 1.2341, low: 1.2, high: 1.26 })).toBe('1.234 (1.200–1.260)');
  });

  it('with an interval of no width, keeps two significant digits of a small value instead of 0.00', () => {
    expect(estimateText({ value: 0.0038376, low: 0.0038376, high: 0.0038376 })).toBe(
      '0.0038 (0.0038–0.0038)',
    );
    expect(estimateText({ value: 1.5, low: 1.5, high: 1.5 })).toBe('1.50 (1.50–1.50)');
    expect(estimateText({ value: 0, low: 0, high: 0 })).toBe('0.00 (0.00–0.00)');
  });
});

describe('factorText', () => {
  it('says how many swept bands are missing below the minimum', () => {
    expect(factorText({ side: 'long', sweptBands: 3, estimatedUsd: 1, realisedUsd: 0, factor: null })).toBe(
      'not enough data yet (3 of 10 swept bands)',
    );
  });
});
