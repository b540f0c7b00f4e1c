import { failedView } from '../../lib/engine/venue-status';
import type { ClusterView } from '../../lib/model/cluster-view';
import { DEFAULT_PARAMS } from '../../lib/model/params';

/** A hand-built view around BTC at 95,000 with bands on both sides, one straddling the price. */
export function handView(): ClusterView {
  return {
    asset: 'BTC',
    price: 95_000,
    model: { version: '1', params: DEFAULT_PARAMS },
    bins: { low: 71_200, width: 100, long: [], short: [] },
    bands: [
      { side: 'short', low: 96_000, high: 96_500, peak: 96_250, notionalUsd: 1.2e9, share: 0.3 },
      { side: 'long', low: 93_000, high: 93_400, peak: 93_150, notionalUsd: 800e6, share: 0.4 },
      { side: 'short', low: 98_000, high: 98_100, peak: 98_050, notionalUsd: 45e6, share: 0.01125 },
      { side: 'short', low: 94_900, high: 95_200, peak: 95_050, notionalUsd: 10e6, share: 0.0025 },
      { side: 'long', low: 90_000, high: 90_200, peak: 90_100, notionalUsd: 2.5e6, share: 0.00125 },
    ],
    atRisk: {
      movePct: 3,
      up: { price: 97_850, notionalUsd: 1.5e9 },
      down: { price: 92_150, notionalUsd: 950e6 },
    },
    cascade: [
      {
        direction: 'up',
        trigger: 'move',
        fromPrice: 97_850,
        endPrice: 98_500,
        liquidatedUsd: 1.8e9,
        steps: 3,
        stop: 'converged',
      },
      {
        direction: 'down',
        trigger: 'nearest-band',
        fromPrice: 93_400,
        endPrice: 91_000,
        liquidatedUsd: 2.1e9,
        steps: 1,
        stop: 'beyond-depth',
      },
    ],
    venues: [
      {
        venue: 'binance',
        instrument: 'BTCUSDT',
        status: 'ok',
        message: null,
        failure: null,
        markPrice: 95_010.5,
        fundingRate8h: 0.0001,
        fundingRate: 0.0001,
        fundingIntervalHours: 8,
        nextFundingTime: null,
        openInterestBase: 80_000,
        openInterestUsd: 7.6e9,
        openInterestChange24hPct: 2.14,
        candles: 672,
        lastCandleTime: Date.UTC(2026, 9, 31, 23, 45),
      },
      {
        venue: 'hyperliquid',
        instrument: 'BTC',
        status: 'no-ledger',
        message: 'no open-interest history yet',
        failure: null,
        markPrice: 94_990,
        fundingRate8h: 0.0001,
        fundingRate: 0.0000125,
        fundingIntervalHours: 1,
        nextFundingTime: null,
        openInterestBase: 44_000,
        openInterestUsd: 4.2e9,
        openInterestChange24hPct: null,
        candles: 672,
        lastCandleTime: Date.UTC(2026, 9, 31, 23, 45),
      },
      failedView('okx', 'BTC-USDT-SWAP', 'unavailable in your region', 'geo-blocked'),
    ],
    diagnostics: {
      skippedIntervals: 3,
      droppedNotionalUsd: 61e6,
      openedNotionalUsd: 12.5e9,
      liquidatedNotionalUsd: 4.3e9,
      shrunkNotionalUsd: 2.04e9,
      openNotionalUsd: 6.1e9,
      decayedNotionalUsd: 2.6e9,
      candles: 2688,
      spanFrom: Date.UTC(2026, 9, 25),
      spanTo: Date.UTC(2026, 10, 1),
    },
  };
}
