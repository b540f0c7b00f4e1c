import { z } from '../util/zod';

export const VENUES = ['binance', 'bybit', 'okx', 'hyperliquid'] as const;
export const VenueSchema = z.enum(VENUES);
export type Venue = z.infer<typeof VenueSchema>;

export const VENUE_LABEL: Record<Venue, string> = {
  binance: 'Binance',
  bybit: 'Bybit',
  okx: 'OKX',
  hyperliquid: 'Hyperliquid',
};
