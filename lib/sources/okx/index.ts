import type { HttpClient } from '../../http/types';
import type { OiPoint } from '../../market/types';
import type { SourceOptions } from '../shared';
import type { SourceResult, VenueSource } from '../types';
import { okxCandles } from './candles';
import { createContractSize } from './contract';
import { okxDepth } from './depth';
import { okxInstrument } from './instrument';
import { okxOpenInterestHistory } from './open-interest';
import { okxSnapshot } from './snapshot';

/** `now` only dates a rate limit (code 50011, `retryAt`); without it no retry time is given. */
export type OkxSourceOptions = SourceOptions;

/** OKX publishes open-interest history: never `null` here. */
export interface OkxSource extends VenueSource {
  openInterestHistory(
    asset: string,
    interval: string,
    fromMs: number,
    toMs: number,
  ): Promise<SourceResult<OiPoint[]>>;
}

/** OKX v5 USDT-margined perpetual swaps (`BTC-USDT-SWAP`). */
export function createOkxSource(http: HttpClient, opts: OkxSourceOptions = {}): OkxSource {
  const { now } = opts;
  const contractSize = createContractSize(http, now);
  return {
    venue: 'okx',
    instrument: okxInstrument,
    candles: (asset, interval, fromMs, toMs) =>
      okxCandles(http, okxInstrument(asset), interval, fromMs, toMs, now),
    openInterestHistory: (asset, interval, fromMs, toMs) =>
      okxOpenInterestHistory(http, contractSize, okxInstrument(asset), interval, fromMs, toMs, now),
    snapshot: (asset) => okxSnapshot(http, contractSize, okxInstrument(asset), now),
    depth: (asset) => okxDepth(http, contractSize, okxInstrument(asset), now),
  };
}
