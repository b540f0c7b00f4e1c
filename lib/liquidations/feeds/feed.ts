import type { Coverage, LiqPrint, LiqVenue } from '../types';

/** The watched assets a frame is read for, and what is known about their instruments. */
export interface FrameContext {
  /** Watched instrument (as the venue names it) → the asset and its unit conversion. */
  listing(instrument: string): Listing | undefined;
  /** OKX only: base units per contract of a watched instrument, once known. */
  contractSize?(instrument: string): number | undefined;
}

/** An asset as one venue lists it: 1000PEPEUSDT quotes 1,000 PEPE, so price ÷ 1,000 and size × 1,000. */
export interface Listing {
  asset: string;
  instrument: string;
  /** Multiply the venue's price by this to get the asset's (asked units ÷ venue units). */
  priceFactor: number;
}

/** What one received frame held. `rejected` counts malformed frames or items; other instruments are not counted. */
export interface FrameResult {
  prints: LiqPrint[];
  rejected: number;
  /** A message the venue sent about the connection itself (a refused subscription), for the log. */
  error?: string;
}

/** One venue's liquidation stream: where it is, how to subscribe, how it stays alive, how its frames read. */
export interface LiqFeed {
  venue: LiqVenue;
  url: string;
  coverage: Coverage;
  /**
   * `asset`: one subscription per instrument (Bybit, Binance). `channel`: one subscription carries every
   * instrument and frames are filtered here (OKX's `liquidation-orders` carries every SWAP).
   */
  subscription: 'asset' | 'channel';
  /** Frames to send to start (`true`) or stop receiving these instruments; `id` numbers requests. */
  subscribe(instruments: readonly string[], id: number, on: boolean): string;
  /** The venue's own keepalive, sent this often while connected. */
  keepalive: { message: string; everyMs: number };
  parse(text: string, ctx: FrameContext): FrameResult;
}

export const EMPTY: FrameResult = { prints: [], rejected: 0 };

export function jsonOf(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The print in the asset's units; notional is the venue's own size × price either way. */
export function makePrint(
  venue: LiqVenue,
  listing: Listing,
  side: LiqPrint['side'],
  venuePrice: number,
  venueSize: number,
  time: number,
): LiqPrint {
  return {
    venue,
    instrument: listing.instrument,
    side,
    price: venuePrice * listing.priceFactor,
    size: venueSize / listing.priceFactor,
    notionalUsd: venuePrice * venueSize,
    time,
  };
}
