import { describe, expect, it } from 'vitest';
import { priceOutliers } from '../../lib/sources/price-check';

describe('priceOutliers', () => {
  it('flags a venue quoting 1,000× (an unconverted 1000-prefixed instrument) against three that agree', () => {
    expect(priceOutliers({ binance: 0.0123, bybit: 0.01231, okx: 0.0000123, hyperliquid: 0.01229 })).toEqual([
      'okx',
    ]);
  });

  it('flags a different token under the same ticker (a 40 % gap), not the usual basis between venues', () => {
    expect(priceOutliers({ binance: 1.0, bybit: 1.004, okx: 0.998, hyperliquid: 0.6 })).toEqual([
      'hyperliquid',
    ]);
    expect(priceOutliers({ binance: 100_000, bybit: 100_040, okx: 99_950, hyperliquid: 100_120 })).toEqual(
      [],
    );
  });

  it('a 5 % gap is tolerated, 6 % is not (three venues: the median is the middle one)', () => {
    expect(priceOutliers({ binance: 100, bybit: 100, okx: 105 })).toEqual([]);
    expect(priceOutliers({ binance: 100, bybit: 100, okx: 106 })).toEqual(['okx']);
  });

  it('two venues that disagree: neither can be told to be right, both are returned', () => {
    expect(priceOutliers({ binance: 0.0123, okx: 0.0000123 })).toEqual(['binance', 'okx']);
    expect(priceOutliers({ binance: 0.0123, okx: 0.01232 })).toEqual([]);
  });

  it('one venue, or none with a price, is never an outlier', () => {
    expect(priceOutliers({ binance: 5 })).toEqual([]);
    expect(priceOutliers({})).toEqual([]);
  });
});
