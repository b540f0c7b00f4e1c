import type { HttpClient } from '../http/types';
import type { Venue } from '../market/venue';
import { createBinanceSource } from './binance';
import { createBybitSource } from './bybit';
import { createHyperliquidSource, type HyperliquidSourceOptions } from './hyperliquid';
import { inAssetUnits } from './in-asset-units';
import { createOkxSource } from './okx';
import type { SourceOptions } from './shared';
import type { VenueSource } from './types';

export interface CreateSourcesOptions extends SourceOptions {
  hyperliquid?: Pick<HyperliquidSourceOptions, 'openInterestSides'>;
}

/**
 * Every venue's source over one HttpClient (one budget per host), each taking the asset in the caller's
 * units (PEPE, 1000PEPE, KPEPE: see `ASSET_UNITS`). CoinGlass is separate: it needs a key.
 */
export function createSources(
  http: HttpClient,
  options: CreateSourcesOptions = {},
): Record<Venue, VenueSource> {
  const { hyperliquid, ...common } = options;
  return {
    binance: inAssetUnits(createBinanceSource(http, common)),
    bybit: inAssetUnits(createBybitSource(http, common)),
    okx: inAssetUnits(createOkxSource(http, common)),
    hyperliquid: inAssetUnits(createHyperliquidSource(http, { ...common, ...hyperliquid })),
  };
}
