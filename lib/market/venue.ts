/** The venues, as plain data: no zod here, so a content script can name them (the schema: venue-schema.ts). */
export const VENUES = ['binance', 'bybit', 'okx', 'hyperliquid'] as const;
export type Venue = (typeof VENUES)[number];

export const VENUE_LABEL: Record<Venue, string> = {
  binance: 'Binance',
  bybit: 'Bybit',
  okx: 'OKX',
  hyperliquid: 'Hyperliquid',
};
