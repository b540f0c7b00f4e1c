import { describe, expect, it } from 'vitest';
import { liqLong, liqShort } from '../../lib/model/liquidation-price';

describe('liquidation prices (isolated, smallest bracket)', () => {
  it('long: e·(1 − 1/L)/(1 − mmr)', () => {
    expect(liqLong(100, 4, 0)).toBe(75);
    expect(liqLong(100, 10, 0.004)).toBeCloseTo((100 * 0.9) / 0.996, 12);
    expect(liqLong(95_000, 100, 0.004)).toBeCloseTo(94_427.71, 2);
  });

  it('short: e·(1 + 1/L)/(1 + mmr)', () => {
    expect(liqShort(100, 4, 0)).toBe(125);
    expect(liqShort(100, 10, 0.004)).toBeCloseTo((100 * 1.1) / 1.004, 12);
    expect(liqShort(95_000, 100, 0.004)).toBeCloseTo(95_567.73, 2);
  });
});
