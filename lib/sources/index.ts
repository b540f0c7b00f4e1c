import type { HttpClient } from '../http/types';
import type { Venue } from '../market/venue';
import { createBinanceSource } from './binance';
import { createBybitSource } from './bybit';
import { createHyperliquidSource, type HyperliquidSourceOptions } from './hyperliquid';
import { createOkxSource } from './okx';
import type { SourceOptions } from './shared';
import type { VenueSource } from './types';

export interface CreateSourcesOptions extends SourceOptions {
  hyperliquid?: Pick<HyperliquidSourceOptions, 'openInterestSides'>;
}

/** Every venue's source over one HttpClient (one budget per host). CoinGlass is separate: it needs a key. */
export function createSources(
  http: HttpClient,
  options: CreateSourcesOptions = {},
): Record<Venue, VenueSource> {
  const { hyperliquid, ...common } = options;
  return {
    binance: createBinanceSource(http, common),
    bybit: createBybitSource(http, common),
    okx: createOkxSource(http, common),
    hyperliquid: createHyperliquidSource(http, { ...common, ...hyperliquid }),
  };
}
