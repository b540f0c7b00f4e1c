import type { Venue } from './venue';

/** One candle, normalised. Times in ms; volumes in base units; quote volume in USD(T). */
export interface Candle {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  quoteVolume: number | null;
  takerBuyVolume: number | null;
}

/** One-sided open interest in base units, measured at the END of the candle that opened at `t`. */
export interface OiPoint {
  t: number;
  oi: number;
}

export interface Funding {
  /** The rate for one funding interval, a fraction (0.0001 = 0.01 %). */
  rate: number;
  intervalHours: number;
  /** `rate` scaled to 8 hours. */
  rate8h: number;
  nextFundingTime: number | null;
}

/** Price and base size per level; bids descending, asks ascending. */
export interface Depth {
  bids: [price: number, size: number][];
  asks: [price: number, size: number][];
}

/** Current state of one instrument on one venue. */
export interface VenueSnapshot {
  venue: Venue;
  instrument: string;
  markPrice: number;
  funding: Funding | null;
  /** One-sided current open interest in base units. */
  openInterest: number | null;
  time: number;
}
