import { describe, expect, it } from 'vitest';
import { nearestBands } from '../../components/popup/nearest-bands';
import type { Band } from '../../lib/model/cluster-view';
import { makeView } from './view-fixture';

describe('nearestBands', () => {
  const { bands } = makeView();

  it('splits bands around the price, nearest first, with the distance to the near edge', () => {
    const near = nearestBands(bands, 95_000, 3);
    expect(near.above.map((b) => b.band.low)).toEqual([96_800, 98_000]);
    expect(near.below.map((b) => b.band.high)).toEqual([93_300, 91_700]);
    expect(near.above[0]?.distancePct).toBeCloseTo((1800 / 95_000) * 100, 12);
    expect(near.below[0]?.distancePct).toBeCloseTo((-1700 / 95_000) * 100, 12);
    expect(near.below[1]?.distancePct).toBeCloseTo((-3300 / 95_000) * 100, 12);
  });

  it('keeps at most `count` per side and hides bands under the display threshold', () => {
    expect(nearestBands(bands, 95_000, 1).above.map((b) => b.band.low)).toEqual([96_800]);
    const big = nearestBands(bands, 95_000, 3, 0.5e9);
    expect(big.above).toHaveLength(2);
    expect(big.below.map((b) => b.band.low)).toEqual([93_000]);
  });

  it('puts a band that holds the price on its side at distance 0', () => {
    const holding: Band[] = [
      { side: 'short', low: 94_900, high: 95_100, peak: 95_050, notionalUsd: 1e8, share: 0.1 },
      { side: 'long', low: 94_950, high: 95_050, peak: 95_000, notionalUsd: 1e8, share: 0.1 },
    ];
    const near = nearestBands(holding, 95_000, 3);
    expect(near.above).toEqual([{ band: holding[0], distancePct: 0 }]);
    expect(near.below).toEqual([{ band: holding[1], distancePct: 0 }]);
  });
});
