import type { VenueView } from '../model/cluster-view';

/**
 * Time to the venue's next funding (ms) on the venue's own clock: `nextFundingTime` is the venue's, so "now" is the
 * local clock moved by the skew measured at fetch (`clockSkewMs`). On a replay of a recording, the venue's clock is
 * the recording's, days behind the local one. Null when the venue gives no time; ≤ 0 when it is due.
 */
export function fundingCountdownMs(
  venue: Pick<VenueView, 'nextFundingTime' | 'clockSkewMs'>,
  now: number,
): number | null {
  if (venue.nextFundingTime === null) return null;
  return venue.nextFundingTime - (now + (venue.clockSkewMs ?? 0));
}
