import type { ChartSnapshot } from '../../lib/chart/snapshot';
import type { ViewReply } from '../../lib/messages/view-entry';
import type { ClusterView, VenueView } from '../../lib/model/cluster-view';
import { DEFAULT_PARAMS } from '../../lib/model/params';

export function venue(overrides: Partial<VenueView> & Pick<VenueView, 'venue'>): VenueView {
  return {
    instrument: 'BTCUSDT',
    status: 'ok',
    message: null,
    failure: null,
    markPrice: 95_000,
    fundingRate8h: 0.0001,
    fundingRate: 0.0001,
    fundingIntervalHours: 8,
    nextFundingTime: null,
    openInterestBase: null,
    openInterestUsd: 1e9,
    openInterestChange24hPct: null,
    candles: 100,
    lastCandleTime: null,
    ...overrides,
  };
}

/**
 * BTC at 95,000, bins of 100 from 90,000 to 100,000. Longs: 400M/600M/300M in 93,000–93,300, 200M each in
 * 91,500–91,700, 5M in each bin 94,000–95,000. Shorts: 500M/700M/200M in 96,800–97,100, 300M each in 98,000–98,200,
 * 5M in each bin 95,500–96,500. At ±3 %: shorts 1.45B up to 97,850, longs 1.35B down to 92,150.
 */
export function makeView(overrides: Partial<ClusterView> = {}): ClusterView {
  const long = new Array<number>(100).fill(0);
  const short = new Array<number>(100).fill(0);
  long[30] = 400e6;
  long[31] = 600e6;
  long[32] = 300e6;
  long[15] = 200e6;
  long[16] = 200e6;
  for (let k = 40; k < 50; k++) long[k] = 5e6;
  short[68] = 500e6;
  short[69] = 700e6;
  short[70] = 200e6;
  short[80] = 300e6;
  short[81] = 300e6;
  for (let k = 55; k < 65; k++) short[k] = 5e6;
  return {
    asset: 'BTC',
    price: 95_000,
    model: { version: '1', params: structuredClone(DEFAULT_PARAMS) },
    bins: { low: 90_000, width: 100, long, short },
    bands: [
      { side: 'short', low: 96_800, high: 97_100, peak: 96_950, notionalUsd: 1.4e9, share: 1.4 / 2.05 },
      { side: 'long', low: 93_000, high: 93_300, peak: 93_150, notionalUsd: 1.3e9, share: 1.3 / 1.75 },
      { side: 'short', low: 98_000, high: 98_200, peak: 98_050, notionalUsd: 0.6e9, share: 0.6 / 2.05 },
      { side: 'long', low: 91_500, high: 91_700, peak: 91_550, notionalUsd: 0.4e9, share: 0.4 / 1.75 },
    ],
    atRisk: {
      movePct: 3,
      up: { price: 97_850, notionalUsd: 1.45e9 },
      down: { price: 92_150, notionalUsd: 1.35e9 },
    },
    cascade: [],
    venues: [
      venue({ venue: 'binance', fundingRate8h: 0.0001, openInterestUsd: 6e9 }),
      venue({ venue: 'bybit', fundingRate8h: 0.0003, openInterestUsd: 2e9 }),
    ],
    diagnostics: {
      skippedIntervals: 0,
      droppedNotionalUsd: 0,
      openedNotionalUsd: 0,
      liquidatedNotionalUsd: 0,
      shrunkNotionalUsd: 0,
      openNotionalUsd: 0,
      decayedNotionalUsd: 0,
      candles: 0,
      spanFrom: null,
      spanTo: null,
    },
    fetchedAt: 1_000_000,
    ...overrides,
  };
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
