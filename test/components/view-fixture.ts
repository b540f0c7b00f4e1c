import { failedView } from '../../lib/engine/venue-status';
import type { ClusterView } from '../../lib/model/cluster-view';
import { DEFAULT_PARAMS } from '../../lib/model/params';

/**
 * A hand-made view: BTC at 95,000, bins of 100 from 90,000 to 100,000. Longs: 1.3B at 93,000–93,300,
 * 0.4B at 91,500–91,700, 5M in each bin 94,000–95,000. Shorts: 1.4B at 96,800–97,100, 0.6B at
 * 98,000–98,200, 5M in each bin 95,500–96,500. Totals: longs 1.75B, shorts 2.05B.
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
    model: { version: '1', params: { ...DEFAULT_PARAMS } },
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
    cascade: [
      {
        direction: 'up',
        trigger: 'nearest-band',
        fromPrice: 96_800,
        endPrice: 97_400,
        liquidatedUsd: 1.4e9,
        steps: 3,
        stop: 'converged',
      },
      {
        direction: 'down',
        trigger: 'nearest-band',
        fromPrice: 93_300,
        endPrice: 92_600,
        liquidatedUsd: 1.3e9,
        steps: 2,
        stop: 'beyond-depth',
      },
      {
        direction: 'up',
        trigger: 'move',
        fromPrice: 97_850,
        endPrice: 98_300,
        liquidatedUsd: 2.05e9,
        steps: 2,
        stop: 'converged',
      },
    ],
    venues: [
      venue('binance', 'BTCUSDT', {
        fundingRate8h: 0.0001,
        openInterestUsd: 8.1e9,
        openInterestChange24hPct: 2.1,
      }),
      venue('bybit', 'BTCUSDT', {
        fundingRate8h: -0.00005,
        openInterestUsd: 5.2e9,
        openInterestChange24hPct: -1.4,
      }),
      venue('okx', 'BTC-USDT-SWAP', {
        fundingRate8h: 0,
        openInterestUsd: 2.9e9,
        openInterestChange24hPct: 0.3,
      }),
      failedView('hyperliquid', 'BTC', 'Hyperliquid: rate limited, retrying in 30 s', 'rate-limited'),
    ],
    diagnostics: {
      skippedIntervals: 0,
      droppedNotionalUsd: 0,
      openedNotionalUsd: 5e9,
      liquidatedNotionalUsd: 1e9,
      shrunkNotionalUsd: 0.2e9,
      openNotionalUsd: 3.8e9,
      decayedNotionalUsd: 0,
      candles: 672,
      spanFrom: FETCHED_AT - 7 * 86_400_000,
      spanTo: FETCHED_AT,
    },
    secondOpinion: null,
    fetchedAt: FETCHED_AT,
    ...overrides,
  };
}

/** 2026-11-01T00:00:00Z */
export const FETCHED_AT = Date.UTC(2026, 10, 1);

function venue(
  name: ClusterView['venues'][number]['venue'],
  instrument: string,
  figures: Partial<ClusterView['venues'][number]>,
): ClusterView['venues'][number] {
  return {
    venue: name,
    instrument,
    status: 'ok',
    message: null,
    failure: null,
    markPrice: 95_000,
    fundingRate8h: 0.0001,
    fundingRate: 0.0001,
    fundingIntervalHours: 8,
    nextFundingTime: FETCHED_AT + 3 * 3_600_000 + 12 * 60_000,
    openInterestBase: 50_000,
    openInterestUsd: 4.75e9,
    openInterestChange24hPct: 0,
    candles: 672,
    lastCandleTime: FETCHED_AT - 900_000,
    ...figures,
  };
}
