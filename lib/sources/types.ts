import type { SourceFailure } from '../http/types';
import type { Candle, Depth, OiPoint, VenueSnapshot } from '../market/types';
import type { Venue } from '../market/venue';
import type { Result } from '../util/result';

export type SourceResult<T> = Result<T, SourceFailure>;

/**
 * One venue's public market data for USD(T)-margined linear perpetuals, normalised.
 * Built by a factory that receives an HttpClient (`createBinanceSource(http)`).
 */
export interface VenueSource {
  venue: Venue;
  /** Venue instrument for a base asset: BTC → BTCUSDT / BTC-USDT-SWAP / BTC. */
  instrument(asset: string): string;
  /** Candles with open time in [fromMs, toMs], ascending, deduplicated, complete candles only. Pages as needed. */
  candles(asset: string, interval: string, fromMs: number, toMs: number): Promise<SourceResult<Candle[]>>;
  /**
   * One-sided OI history in base units, ascending; `t` is the open time of the candle at whose end it was measured.
   * `null` when the venue publishes no history (Hyperliquid).
   */
  openInterestHistory(
    asset: string,
    interval: string,
    fromMs: number,
    toMs: number,
  ): Promise<SourceResult<OiPoint[]>> | null;
  /** Mark price, funding and current open interest. */
  snapshot(asset: string): Promise<SourceResult<VenueSnapshot>>;
  /** Order-book depth, as deep as the venue serves in one request. */
  depth(asset: string): Promise<SourceResult<Depth>>;
}
