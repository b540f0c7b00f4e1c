import type { HttpClient } from '../../http/types';
import type { SourceOptions } from '../shared/options';
import type { VenueSource } from '../types';
import { binanceCandles } from './candles';
import { binanceDepth } from './depth';
import { binanceOpenInterestHistory } from './open-interest';
import { binanceInstrument, createBinanceGet } from './request';
import { binanceSnapshot, createFundingIntervals } from './snapshot';

export { BINANCE_BASE } from './request';

/** Binance USDⓈ-M perpetuals (`BTCUSDT`, `https://fapi.binance.com`). */
export function createBinanceSource(http: HttpClient, options: SourceOptions = {}): VenueSource {
  const now = options.now ?? Date.now;
  const get = createBinanceGet(http);
  const fundingIntervals = createFundingIntervals(get, now);
  return {
    venue: 'binance',
    instrument: binanceInstrument,
    candles: (asset, interval, fromMs, toMs) => binanceCandles(get, now, asset, interval, fromMs, toMs),
    openInterestHistory: (asset, interval, fromMs, toMs) =>
      binanceOpenInterestHistory(get, asset, interval, fromMs, toMs),
    snapshot: (asset) => binanceSnapshot(get, fundingIntervals, asset),
    depth: (asset) => binanceDepth(get, asset),
  };
}
