import type { ClusterView } from '../../lib/model/cluster-view';
import { DEFAULT_PARAMS } from '../../lib/model/params';

/**
 * A small valid ClusterView: price 100, bins of width 1 from 90 to 110; shorts 10 M at 102–103, longs 20 M at 97–98.
 * `price` lets a test tell views apart.
 */
export function sampleView(asset = 'BTC', price = 100, fetchedAt = 0): ClusterView {
  const long = Array.from({ length: 20 }, (_, k) => (k === 7 ? 20e6 : 0));
  const short = Array.from({ length: 20 }, (_, k) => (k === 12 ? 10e6 : 0));
  return {
    asset,
    price,
    model: { version: '1', params: structuredClone(DEFAULT_PARAMS) },
    bins: { low: 90, width: 1, long, short },
    bands: [
      { side: 'long', low: 97, high: 98, peak: 97.5, notionalUsd: 20e6, share: 1 },
      { side: 'short', low: 102, high: 103, peak: 102.5, notionalUsd: 10e6, share: 1 },
    ],
    atRisk: { movePct: 3, up: { price: 103, notionalUsd: 10e6 }, down: { price: 97, notionalUsd: 0 } },
    cascade: [],
    venues: [
      {
        venue: 'binance',
        instrument: `${asset}USDT`,
        status: 'ok',
        message: null,
        failure: null,
        markPrice: price,
        fundingRate8h: 0.0001,
        fundingRate: 0.0001,
        fundingIntervalHours: 8,
        nextFundingTime: null,
        openInterestBase: 1000,
        openInterestUsd: 1000 * price,
        openInterestChange24hPct: 1.5,
        candles: 672,
        lastCandleTime: 0,
      },
    ],
    diagnostics: {
      skippedIntervals: 0,
      droppedNotionalUsd: 0,
      openedNotionalUsd: 30e6,
      liquidatedNotionalUsd: 0,
      shrunkNotionalUsd: 0,
      openNotionalUsd: 30e6,
      decayedNotionalUsd: 0,
      candles: 672,
      spanFrom: 0,
      spanTo: 1,
    },
    secondOpinion: null,
    fetchedAt,
  };
}
