import type { HttpClient } from '../../http/types';
import type { SourceOptions } from '../shared/options';
import type { VenueSource } from '../types';
import { bybitCandles } from './candles';
import { bybitDepth } from './depth';
import { bybitOpenInterestHistory } from './open-interest';
import { bybitInstrument, createBybitGet } from './request';
import { bybitSnapshot, createFundingHours } from './snapshot';

export { BYBIT_BASE } from './request';

/**
 * Bybit v5 linear USDT perpetuals (`BTCUSDT`, `https://api.bybit.com`). Needs no clock: every envelope
 * carries the venue's `time`. `options` is accepted for symmetry with the other sources.
 */
export function createBybitSource(http: HttpClient, _options: SourceOptions = {}): VenueSource {
  const get = createBybitGet(http);
  const fundingHours = createFundingHours(get);
  return {
    venue: 'bybit',
    instrument: bybitInstrument,
    candles: (asset, interval, fromMs, toMs) => bybitCandles(get, asset, interval, fromMs, toMs),
    openInterestHistory: (asset, interval, fromMs, toMs) =>
      bybitOpenInterestHistory(get, asset, interval, fromMs, toMs),
    snapshot: (asset) => bybitSnapshot(get, fundingHours, asset),
    depth: (asset) => bybitDepth(get, asset),
  };
}
