import type { Market } from './market';

export type SimHost = 'binance' | 'bybit' | 'okx' | 'hyperliquid' | 'coinglass';

export interface SimRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Parsed JSON body of a POST, or undefined. */
  body: unknown;
  now: number;
}

export interface SimReply {
  status: number;
  /** A JSON value to serialise, or raw text (set `text` instead). */
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** A matched endpoint: its name (for faults and logs) and the answer, built on demand. */
export interface SimRoute {
  endpoint: string;
  /** Cost in the venue's budget (Binance weight, Hyperliquid weight). */
  weight: number;
  reply: () => SimReply;
}

export interface VenueHandler {
  host: SimHost;
  hostname: string;
  route(req: SimRequest, market: Market): SimRoute | null;
}
