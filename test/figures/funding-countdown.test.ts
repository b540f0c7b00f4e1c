import { describe, expect, it } from 'vitest';
import { fundingCountdownMs } from '../../lib/figures/funding-countdown';

const HOUR = 3_600_000;

describe('fundingCountdownMs', () => {
  it("counts down on the venue's clock: a replay days behind the local clock is not due", () => {
    const venueNowAtFetch = Date.UTC(2026, 10, 20, 12, 5);
    const localAtFetch = Date.UTC(2026, 11, 6, 3, 0);
    const next = Date.UTC(2026, 10, 20, 16, 0);
    const venue = { nextFundingTime: next, clockSkewMs: venueNowAtFetch - localAtFetch };
    expect(fundingCountdownMs(venue, localAtFetch)).toBe(next - venueNowAtFetch);
    expect(fundingCountdownMs(venue, localAtFetch + HOUR)).toBe(next - venueNowAtFetch - HOUR);
  });

  it('uses the local clock when the skew is unknown, and says nothing without a time', () => {
    expect(fundingCountdownMs({ nextFundingTime: 10 * HOUR }, 9 * HOUR)).toBe(HOUR);
    expect(fundingCountdownMs({ nextFundingTime: null, clockSkewMs: 5 }, 0)).toBeNull();
  });
});
