import type { Coverage, FeedGap, FeedStatus, LiqVenue } from '../liquidations/types';
import { VENUE_LABEL } from '../market/venue';
import { formatClock } from './clock';

/** The venues a realised figure can come from, and Hyperliquid, which publishes no feed of everyone's liquidations. */
export type RealisedVenue = LiqVenue | 'hyperliquid';
export const REALISED_VENUES: readonly RealisedVenue[] = ['bybit', 'okx', 'binance', 'hyperliquid'];

export type CoverageWord = Coverage | 'not available';

/** What each venue's feed covers, in the words the popup and the docs use. */
export const COVERAGE: Record<RealisedVenue, { coverage: CoverageWord; note: string }> = {
  bybit: { coverage: 'complete', note: 'every print' },
  okx: { coverage: 'partial', note: "not all of OKX's liquidations" },
  binance: { coverage: 'partial', note: 'at most one print per symbol per second' },
  hyperliquid: { coverage: 'not available', note: 'no public feed' },
};

export const venueLabel = (venue: RealisedVenue) => VENUE_LABEL[venue];

/** Gaps overlapping [from, to]; an open gap runs to `now`. */
export function gapsIn(feed: FeedStatus, from: number, to: number, now: number): FeedGap[] {
  return feed.gaps.filter((g) => g.from <= to && (g.to ?? now) >= from);
}

export const openGap = (feed: FeedStatus): FeedGap | null => feed.gaps.find((g) => g.to === null) ?? null;

/** "live", "gap since 14:05", "connecting", "off". */
export function feedStateText(feed: FeedStatus): string {
  const open = openGap(feed);
  if (open) return `gap since ${formatClock(open.from)}`;
  if (feed.state === 'reconnecting') return 'reconnecting';
  return feed.state;
}
