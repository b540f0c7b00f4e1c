import { describe, expect, it } from 'vitest';
import { bandDistancePct, peakDistancePct } from '../../lib/figures/band-distance';
import { nearestBands } from '../../lib/figures/nearest-bands';
import type { Band } from '../../lib/model/cluster-view';
import { makeView } from '../fixtures/views';

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

  it('puts a band that straddles the price where its side liquidates, at distance 0', () => {
    const holding: Band[] = [
      { side: 'short', low: 94_900, high: 95_100, peak: 95_050, notionalUsd: 1e8, share: 0.1 },
      { side: 'long', low: 94_950, high: 95_050, peak: 95_000, notionalUsd: 1e8, share: 0.1 },
    ];
    const near = nearestBands(holding, 95_000, 3);
    expect(near.above).toEqual([{ band: holding[0], distancePct: 0 }]);
    expect(near.below).toEqual([{ band: holding[1], distancePct: 0 }]);
  });

  it('places a straddling long band below even when its middle is above the price', () => {
    const band: Band = { side: 'long', low: 98, high: 110, peak: 105, notionalUsd: 1, share: 1 };
    const near = nearestBands([band], 100, 3);
    expect(near.above).toEqual([]);
    expect(near.below).toEqual([{ band, distancePct: 0 }]);
  });

  it('puts a band that only touches the price on the side it lies', () => {
    const touchingAbove: Band = { side: 'long', low: 100, high: 101, peak: 100.5, notionalUsd: 1, share: 1 };
    const touchingBelow: Band = { side: 'short', low: 99, high: 100, peak: 99.5, notionalUsd: 1, share: 1 };
    const near = nearestBands([touchingAbove, touchingBelow], 100, 3);
    expect(near.above.map((p) => p.band)).toEqual([touchingAbove]);
    expect(near.below.map((p) => p.band)).toEqual([touchingBelow]);
  });
});

describe('band distance', () => {
  const band: Band = { side: 'short', low: 102_100, high: 103_100, peak: 102_650, notionalUsd: 1, share: 1 };

  it('is to the near edge, 0 inside', () => {
    expect(bandDistancePct(band, 99_279)).toBeCloseTo(((102_100 - 99_279) / 99_279) * 100, 12);
    expect(bandDistancePct(band, 104_000)).toBeCloseTo(((103_100 - 104_000) / 104_000) * 100, 12);
    expect(bandDistancePct(band, 102_500)).toBe(0);
  });

  it('to the peak only on request', () => {
    expect(peakDistancePct(band, 99_279)).toBeCloseTo(((102_650 - 99_279) / 99_279) * 100, 12);
  });
});
