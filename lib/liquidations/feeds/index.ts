import { assetOnVenue } from '../../sources/asset-units';
import { binanceInstrument } from '../../sources/binance/request';
import { bybitInstrument } from '../../sources/bybit/request';
import { okxInstrument } from '../../sources/okx/instrument';
import type { LiqVenue } from '../types';
import { binanceFeed } from './binance';
import { bybitFeed } from './bybit';
import type { FrameContext, LiqFeed, Listing } from './feed';
import { okxFeed } from './okx';

export type { FrameContext, FrameResult, LiqFeed, Listing } from './feed';

export const LIQ_FEEDS: Record<LiqVenue, LiqFeed> = { bybit: bybitFeed, okx: okxFeed, binance: binanceFeed };

const INSTRUMENT: Record<LiqVenue, (base: string) => string> = {
  bybit: bybitInstrument,
  okx: okxInstrument,
  binance: binanceInstrument,
};

/**
 * The one instrument the map is built from for `asset` on `venue`: its USDT linear perpetual (BTCUSDT,
 * BTC-USDT-SWAP), under the venue's own base for tokens listed in other units (1000PEPEUSDT).
 */
export function listingOf(venue: LiqVenue, asset: string): Listing {
  const on = assetOnVenue(asset, venue);
  return { asset, instrument: INSTRUMENT[venue](on.base), priceFactor: on.askedUnits / on.venueUnits };
}

/** The frame context for these watched assets on `venue`; `contractSize` (OKX) answers per instrument. */
export function frameContext(
  venue: LiqVenue,
  assets: Iterable<string>,
  contractSize?: (instrument: string) => number | undefined,
): FrameContext {
  const byInstrument = new Map<string, Listing>();
  for (const asset of assets) {
    const listing = listingOf(venue, asset);
    byInstrument.set(listing.instrument, listing);
  }
  return {
    listing: (instrument) => byInstrument.get(instrument),
    ...(contractSize ? { contractSize } : {}),
  };
}
