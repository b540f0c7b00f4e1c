import { describe, expect, it } from 'vitest';
import { fundingDetail, venueTotals } from '../../lib/figures/venue-totals';
import { venue } from '../overlay/fixtures';

describe('venueTotals', () => {
  it('weights funding by open interest and sums the open interest', () => {
    // (0.0001 × 6B + 0.0003 × 2B) / 8B = 0.00015
    const t = venueTotals([
      venue({ venue: 'binance', fundingRate8h: 0.0001, openInterestUsd: 6e9 }),
      venue({ venue: 'bybit', fundingRate8h: 0.0003, openInterestUsd: 2e9 }),
    ]);
    expect(t.funding?.venues).toBe(2);
    expect(t.funding?.leftOut).toBe(0);
    expect(t.funding?.rate8h).toBeCloseTo(0.00015, 12);
    expect(t.openInterestUsd).toBe(8e9);
  });

  it('leaves a venue without open interest out of the funding figure and says so', () => {
    const t = venueTotals([
      venue({ venue: 'binance', fundingRate8h: 0.0001, openInterestUsd: 6e9 }),
      venue({ venue: 'hyperliquid', fundingRate8h: -0.0003, openInterestUsd: null, status: 'no-ledger' }),
    ]);
    expect(t.funding).toEqual({ rate8h: 0.0001, venues: 1, leftOut: 1 });
    expect(fundingDetail(t.funding as NonNullable<typeof t.funding>)).toBe(
      '8-hour funding: mean of 1 venue, weighted by open interest (1 venue without open interest left out)',
    );
  });

  it('leaves out failed and disabled venues and missing rates', () => {
    const t = venueTotals([
      venue({ venue: 'binance', fundingRate8h: 0.0002, openInterestUsd: 1e9 }),
      venue({ venue: 'bybit', fundingRate8h: 0.01, status: 'failed' }),
      venue({ venue: 'okx', fundingRate8h: 0.01, status: 'disabled' }),
      venue({ venue: 'hyperliquid', fundingRate8h: null }),
    ]);
    expect(t.funding).toEqual({ rate8h: 0.0002, venues: 1, leftOut: 0 });
    expect(t.openInterestUsd).toBe(2e9);
  });

  it('gives the 24 h change of the sum only when every venue in it reports one', () => {
    // Binance 6B after +20 % (5B before), Bybit 2B after −20 % (2.5B before): 8B / 7.5B − 1 = +6.67 %.
    const both = venueTotals([
      venue({ venue: 'binance', openInterestUsd: 6e9, openInterestChange24hPct: 20 }),
      venue({ venue: 'bybit', openInterestUsd: 2e9, openInterestChange24hPct: -20 }),
    ]);
    expect(both.openInterestChange24hPct).toBeCloseTo((8 / 7.5 - 1) * 100, 10);
    const one = venueTotals([
      venue({ venue: 'binance', openInterestUsd: 6e9, openInterestChange24hPct: 20 }),
      venue({ venue: 'bybit', openInterestUsd: 2e9, openInterestChange24hPct: null }),
    ]);
    expect(one.openInterestChange24hPct).toBeNull();
  });

  it('is empty with no usable venue', () => {
    expect(venueTotals([venue({ venue: 'okx', status: 'failed' })])).toEqual({
      funding: null,
      openInterestUsd: null,
      openInterestChange24hPct: null,
    });
  });
});
