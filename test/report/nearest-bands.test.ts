import { describe, expect, it } from 'vitest';
import { nearestBands } from '../../lib/report/nearest-bands';
import { handView } from './view-fixture';

describe('nearestBands', () => {
  it('splits by the middle of each band and orders each side from the price out', () => {
    const { above, below } = nearestBands(handView(), 5);
    expect(above.map((p) => p.band.low)).toEqual([94_900, 96_000, 98_000]);
    expect(below.map((p) => p.band.low)).toEqual([93_000, 90_000]);
    expect(above[0]?.distancePct).toBe(0);
    expect(above[1]?.distancePct).toBeCloseTo((1000 / 95_000) * 100, 12);
    expect(below[0]?.distancePct).toBeCloseTo((-1600 / 95_000) * 100, 12);
  });

  it('puts a band whose middle sits below the price below it, at distance 0', () => {
    const { above, below } = nearestBands({
      price: 100,
      bands: [{ side: 'long', low: 98, high: 101, peak: 99, notionalUsd: 1, share: 1 }],
    });
    expect(above).toEqual([]);
    expect(below[0]?.distancePct).toBe(0);
  });

  it('keeps at most `limit` per side', () => {
    const { above, below } = nearestBands(handView(), 1);
    expect(above).toHaveLength(1);
    expect(below).toHaveLength(1);
  });
});
