import type { HttpClient } from '../../http/types';
import { ASSET_UNITS } from '../asset-units';
import type { SourceOptions } from '../shared';
import type { VenueSource } from '../types';
import { hyperliquidCandles } from './candles';
import { hyperliquidDepth } from './depth';
import { hyperliquidSnapshot } from './snapshot';
import { createUniverse } from './universe';

export { HYPERLIQUID_INFO_URL } from './request';

export interface HyperliquidSourceOptions extends SourceOptions {
  /**
   * How many sides Hyperliquid's `openInterest` counts. Default 1: it is read as the coins held long
   * (equal to those held short). Set 2 if it turns out to be long + short; it is then halved.
   */
  openInterestSides?: 1 | 2;
}

/** Hyperliquid has no public open-interest history: the engine builds one from snapshots. */
export interface HyperliquidSource extends VenueSource {
  openInterestHistory(): null;
}

/** Hyperliquid names are case-sensitive: `kPEPE` (1,000 PEPE) is asked as written, other coins upper-case. */
export function hyperliquidCoin(asset: string): string {
  const name = asset.toUpperCase();
  for (const venues of Object.values(ASSET_UNITS)) {
    if (venues.hyperliquid.base.toUpperCase() === name) return venues.hyperliquid.base;
  }
  return name;
}

/** Hyperliquid perpetuals (`BTC`), `POST https://api.hyperliquid.xyz/info`. */
export function createHyperliquidSource(
  http: HttpClient,
  options: HyperliquidSourceOptions = {},
): HyperliquidSource {
  const now = options.now ?? Date.now;
  const openInterestSides = options.openInterestSides ?? 1;
  const universe = createUniverse(http);
  const coin = hyperliquidCoin;
  return {
    venue: 'hyperliquid',
    instrument: coin,
    candles: (asset, interval, fromMs, toMs) =>
      hyperliquidCandles(http, universe, now, coin(asset), interval, fromMs, toMs),
    openInterestHistory: () => null,
    snapshot: (asset) => hyperliquidSnapshot(http, universe, now, coin(asset), { openInterestSides }),
    depth: (asset) => hyperliquidDepth(http, universe, coin(asset)),
  };
}
