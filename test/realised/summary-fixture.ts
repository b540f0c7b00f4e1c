import type { FeedStatus, LiqPrint, RealisedSummary, RealisedTotals } from '../../lib/liquidations/types';

/** 2026-12-06 12:00 local time: the gap texts below are on the test's own clock. */
export const NOW = new Date(2026, 11, 6, 12, 0, 0).getTime();
export const MIN = 60_000;

export const feed = (venue: FeedStatus['venue'], overrides: Partial<FeedStatus> = {}): FeedStatus => ({
  venue,
  state: 'live',
  coverage: venue === 'bybit' ? 'complete' : 'partial',
  gaps: [],
  rejected: 0,
  lastMessageAt: NOW - 1_000,
  ...overrides,
});

export const print = (overrides: Partial<LiqPrint> = {}): LiqPrint => ({
  venue: 'bybit',
  instrument: 'BTCUSDT',
  side: 'short',
  price: 95_100,
  size: 1,
  notionalUsd: 95_100,
  time: NOW - MIN,
  ...overrides,
});

const zero = { long: 0, short: 0 };
export const totals = (overrides: Partial<RealisedTotals> = {}): RealisedTotals => ({
  long: 0,
  short: 0,
  byVenue: { bybit: zero, okx: zero, binance: zero },
  complete: true,
  ...overrides,
});

export function summary(overrides: Partial<RealisedSummary> = {}): RealisedSummary {
  return {
    asset: 'BTC',
    now: NOW,
    feeds: [feed('bybit'), feed('okx'), feed('binance')],
    windows: { h1: totals(), h24: totals() },
    velocity5m: { long: 0, short: 0 },
    sparkline: { bucketMs: MIN, start: NOW - 60 * MIN, long: Array(60).fill(0), short: Array(60).fill(0) },
    marks: [],
    ...overrides,
  };
}
