import type { ChartSnapshot } from '../../lib/chart/snapshot';
import type { ViewReply } from '../../lib/messages/view-entry';
import { type Band, type ClusterView, emptyDiagnostics, type VenueView } from '../../lib/model/cluster-view';
import type { Frame } from '../../lib/overlay/layers/types';
import { makeView as makeFullView, venueView } from '../fixtures/views';

/** A venue as the overlay tests want it: 1B of open interest, no funding time, no open-interest change. */
export function venue(overrides: Partial<VenueView> & Pick<VenueView, 'venue'>): VenueView {
  return venueView({
    nextFundingTime: null,
    openInterestBase: null,
    openInterestUsd: 1e9,
    openInterestChange24hPct: null,
    candles: 100,
    lastCandleTime: null,
    ...overrides,
  });
}

/**
 * The shared hand-made view (test/fixtures/views.ts: BTC at 95,000, bins of 100 from 90,000 to 100,000;
 * at ±3 %: shorts 1.45B up to 97,850, longs 1.35B down to 92,150), with what the overlay tests want of the rest:
 * no cascade, two venues (Binance 6B of open interest at 0.01 % funding, Bybit 2B at 0.03 %), no diagnostics.
 */
export function makeView(overrides: Partial<ClusterView> = {}): ClusterView {
  return makeFullView({
    cascade: [],
    venues: [
      venue({ venue: 'binance', fundingRate8h: 0.0001, openInterestUsd: 6e9 }),
      venue({ venue: 'bybit', fundingRate8h: 0.0003, openInterestUsd: 2e9 }),
    ],
    diagnostics: emptyDiagnostics(),
    fetchedAt: 1_000_000,
    ...overrides,
  });
}

export function makeReply(view: ClusterView | null, overrides: Partial<ViewReply> = {}): ViewReply {
  const asset = view?.asset ?? 'BTC';
  return {
    asset,
    entry: {
      asset,
      view,
      viewAt: view ? (view.fetchedAt ?? 1_000_000) : null,
      checkedAt: view ? (view.fetchedAt ?? 1_000_000) : null,
      error: null,
      failures: [],
    },
    stale: false,
    refreshing: false,
    periodMs: 60_000,
    ...overrides,
  };
}

/** A Binance chart iframe snapshot: 100,000 on the pane's row 0, 90,000 on row 400 (25 px per 1,000 USD). */
export function makeSnapshot(overrides: Partial<ChartSnapshot> = {}): ChartSnapshot {
  return {
    kind: 'tv-cl-iframe',
    symbol: 'BTCUSDT',
    interval: '15',
    pane: { left: 100, top: 80, width: 800, height: 401 },
    apiPaneHeight: 401,
    scale: { from: 90_000, to: 100_000, mode: 0, inverted: false },
    lastPrice: null,
    crosshair: null,
    viewport: { width: 1280, height: 800 },
    ...overrides,
  };
}

/**
 * A layer's frame on a pane 800 CSS px wide showing 90,000 (bottom row) to 100,000 (row 0) on a linear scale, at
 * dpr 2, with no time axis: `height` sets the pane's and the scale's height together.
 */
export function paneFrame(over: Partial<Omit<Frame, 'height'>> & { height?: number } = {}): Frame {
  const height = over.height ?? 401;
  return {
    surface: 'pane',
    width: 800,
    height,
    dpr: 2,
    scale: { from: 90_000, to: 100_000, mode: 0, height },
    time: null,
    price: 95_000,
    ...over,
  };
}

/** A band of the map from `low` to `high`, its peak in the middle. */
export const band = (
  side: Band['side'],
  low: number,
  high: number,
  notionalUsd: number,
  share = 0.5,
): Band => ({
  side,
  low,
  high,
  peak: (low + high) / 2,
  notionalUsd,
  share,
});
