import type { HttpClient, HttpResult, SourceFailure } from '../../http/types';
import type { Result } from '../../util/result';
import { z } from '../../util/zod';
import { failure, unsupportedSymbol } from '../shared/failure';
import { getJson, type Parsed } from '../shared/get-json';
import { buildUrl } from '../shared/query';
import { RetCodeSchema } from './schemas';

export const BYBIT_BASE = 'https://api.bybit.com';
export const MARKET = 'Bybit USDT perpetuals';

export const bybitInstrument = (asset: string): string => `${asset.toUpperCase()}USDT`;

export interface BybitCall<S extends z.ZodMiniType> {
  endpoint: string;
  path: string;
  params: Record<string, string | number | undefined>;
  /** Query values sent as they are (an already percent-encoded cursor). */
  raw?: Record<string, string | undefined>;
  schema: S;
  symbol: string;
}

export type BybitGet = <S extends z.ZodMiniType>(
  call: BybitCall<S>,
) => Promise<Result<Parsed<z.output<S>>, SourceFailure>>;

/** Bybit counts requests, not weights: 600 / 5 s / IP. */
export function createBybitGet(http: HttpClient): BybitGet {
  return (call) =>
    getJson(
      http,
      {
        host: 'bybit',
        endpoint: call.endpoint,
        url: buildUrl(BYBIT_BASE, call.path, call.params, call.raw),
        weight: 1,
      },
      call.schema,
      inspectBybit(call.endpoint, call.symbol),
    );
}

/** https://bybit-exchange.github.io/docs/v5/error: 10001 params error, 10006 / 10018 too many visits. */
const PARAMS_ERROR = 10001;
const RATE_LIMITED = new Set([10006, 10018]);

/** A non-zero `retCode` is a refusal even on HTTP 200. */
export function inspectBybit(endpoint: string, symbol: string) {
  return (outcome: HttpResult): SourceFailure | undefined => {
    if (!outcome.ok) {
      return outcome.error.kind === 'unsupported-symbol'
        ? unsupportedSymbol('bybit', endpoint, symbol, MARKET)
        : undefined;
    }
    const body = z.safeParse(RetCodeSchema, outcome.value.json);
    if (!body.success || body.data.retCode === 0) return undefined;
    const { retCode, retMsg = '' } = body.data;
    if (retCode === PARAMS_ERROR && /symbol/i.test(retMsg))
      return unsupportedSymbol('bybit', endpoint, symbol, MARKET);
    const detail = `refused (retCode ${retCode}${retMsg ? `: ${retMsg}` : ''})`;
    if (RATE_LIMITED.has(retCode)) {
      const reset = Number(outcome.value.headers['x-bapi-limit-reset-timestamp']);
      return failure(
        'rate-limited',
        'bybit',
        endpoint,
        detail,
        Number.isFinite(reset) && reset > 0 ? { retryAt: reset } : {},
      );
    }
    return failure('http', 'bybit', endpoint, detail, { status: outcome.value.status });
  };
}

/** Our interval → Bybit kline `interval` (minutes, or D). */
export const KLINE_INTERVAL: Record<string, string> = {
  '1m': '1',
  '3m': '3',
  '5m': '5',
  '15m': '15',
  '30m': '30',
  '1h': '60',
  '2h': '120',
  '4h': '240',
  '6h': '360',
  '12h': '720',
  '1d': 'D',
};

/** Our interval → open-interest `intervalTime`. */
export const OI_INTERVAL: Record<string, string> = {
  '5m': '5min',
  '15m': '15min',
  '30m': '30min',
  '1h': '1h',
  '4h': '4h',
  '1d': '1d',
};

export function unsupportedInterval(endpoint: string, interval: string): SourceFailure {
  return failure('http', 'bybit', endpoint, `the ${interval} interval is not offered`);
}
