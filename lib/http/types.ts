import type { Venue } from '../market/venue';
import type { Result } from '../util/result';

/** The part of WHATWG `fetch` we use; injected everywhere so tests and replays can stand in. */
export type FetchLike = (
  url: string,
  init?: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    /** Always `'omit'`: no venue or CoinGlass request carries the user's cookies (docs/privacy.md). */
    credentials?: 'omit';
  },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null; forEach?(cb: (value: string, key: string) => void): void };
  text(): Promise<string>;
}>;

/** A host whose limits we follow. */
export type HostId = Venue | 'coinglass';

export interface HttpRequest {
  host: HostId;
  /** Short name of the endpoint for messages, e.g. `klines`. */
  endpoint: string;
  method: 'GET' | 'POST';
  url: string;
  /** JSON body for POST. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Cost in the venue's own budget units (Binance weight, Hyperliquid weight); 1 by default. */
  weight?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body. */
  json: unknown;
}

export type FailureKind =
  | 'rate-limited'
  | 'banned'
  | 'region'
  | 'auth'
  | 'bad-response'
  | 'network'
  | 'timeout'
  | 'http'
  | 'unsupported-symbol';

/** A failure a person can read; never a raw exception. */
export interface SourceFailure {
  kind: FailureKind;
  host: HostId;
  endpoint: string;
  /** One sentence in a trader's words, naming venue and endpoint. */
  message: string;
  /** ms epoch when a retry makes sense (rate limits, bans). */
  retryAt?: number;
  /** zod issue path for `bad-response`. */
  path?: string;
  status?: number;
}

export type HttpResult = Result<HttpResponse, SourceFailure>;

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResult>;
  /** Requests sent so far per host (for the benchmark and diagnostics). */
  stats(): Record<string, { requests: number; weight: number }>;
}
