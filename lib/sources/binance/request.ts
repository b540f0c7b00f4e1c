import type { HttpClient, HttpResponse, SourceFailure } from '../../http/types';
import type { Result } from '../../util/result';
import type { z } from '../../util/zod';
import { failure } from '../shared/failure';
import { getJson, type Parsed } from '../shared/get-json';
import { buildUrl } from '../shared/query';
import { inspectBinance } from './errors';

export const BINANCE_BASE = 'https://fapi.binance.com';

export const binanceInstrument = (asset: string): string => `${asset.toUpperCase()}USDT`;

export interface BinanceCall<S extends z.ZodMiniType> {
  endpoint: string;
  path: string;
  params: Record<string, string | number | undefined>;
  weight: number;
  schema: S;
  /** For the unsupported-symbol message. */
  symbol: string;
}

export type BinanceGet = <S extends z.ZodMiniType>(
  call: BinanceCall<S>,
) => Promise<Result<Parsed<z.output<S>>, SourceFailure>>;

export function createBinanceGet(http: HttpClient): BinanceGet {
  return (call) =>
    getJson(
      http,
      {
        host: 'binance',
        endpoint: call.endpoint,
        url: buildUrl(BINANCE_BASE, call.path, call.params),
        weight: call.weight,
      },
      call.schema,
      inspectBinance(call.endpoint, call.symbol),
    );
}

export function unsupportedInterval(endpoint: string, interval: string): SourceFailure {
  return failure('http', 'binance', endpoint, `the ${interval} interval is not offered`);
}

/** The venue's own clock, to the second: the HTTP `Date` header, when the client passed it on. */
export function dateHeader(response: HttpResponse): number | undefined {
  const text = response.headers.date;
  if (!text) return undefined;
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : undefined;
}
