import { describe, expect, it } from 'vitest';
import { aggregateFunding } from '../../lib/overlay/funding';
import { venue } from './fixtures';

describe('aggregateFunding', () => {
  it('weights each venue by its open interest', () => {
    // (0.0001 × 6B + 0.0003 × 2B) / 8B = 0.00015
    const f = aggregateFunding([
      venue({ venue: 'binance', fundingRate8h: 0.0001, openInterestUsd: 6e9 }),
      venue({ venue: 'bybit', fundingRate8h: 0.0003, openInterestUsd: 2e9 }),
    ]);
    expect(f?.method).toBe('oi-weighted');
    expect(f?.venues).toBe(2);
    expect(f?.rate8h).toBeCloseTo(0.00015, 12);
  });

  it('falls back to the plain mean when a venue has no open interest', () => {
    const f = aggregateFunding([
      venue({ venue: 'binance', fundingRate8h: 0.0001, openInterestUsd: 6e9 }),
      venue({ venue: 'hyperliquid', fundingRate8h: -0.0003, openInterestUsd: null, status: 'no-ledger' }),
    ]);
    expect(f?.method).toBe('mean');
    expect(f?.rate8h).toBeCloseTo(-0.0001, 12);
  });

  it('leaves out failed and disabled venues and missing rates', () => {
    const f = aggregateFunding([
      venue({ venue: 'binance', fundingRate8h: 0.0002, openInterestUsd: 1e9 }),
      venue({ venue: 'bybit', fundingRate8h: 0.01, status: 'failed' }),
      venue({ venue: 'okx', fundingRate8h: 0.01, status: 'disabled' }),
      venue({ venue: 'hyperliquid', fundingRate8h: null }),
    ]);
    expect(f).toEqual({ rate8h: 0.0002, method: 'oi-weighted', venues: 1 });
  });

  it('is null with no usable venue', () => {
    expect(aggregateFunding([venue({ venue: 'okx', status: 'failed' })])).toBeNull();
  });
});
