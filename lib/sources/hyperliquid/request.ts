import type { HttpClient, HttpResponse, SourceFailure } from '../../http/types';
import type { Result } from '../../util/result';
import type { z } from '../../util/zod';
import { getJson, type Parsed } from '../shared';

export const HYPERLIQUID_INFO_URL = 'https://api.hyperliquid.xyz/info';
export const HYPERLIQUID_MARKET = 'Hyperliquid perpetuals';

/**
 * Base weights in Hyperliquid's 1200-a-minute budget: `l2Book` 2, other info requests 20. The client adds
 * `candleSnapshot`'s per-60-candles weight itself once it sees the answer.
 */
export const WEIGHT = { l2Book: 2, info: 20 } as const;

/** POST one `/info` request; `endpoint` is its `type`. */
export function hyperliquidInfo<S extends z.ZodMiniType>(
  http: HttpClient,
  body: { type: string } & Record<string, unknown>,
  schema: S,
): Promise<Result<Parsed<z.output<S>>, SourceFailure>> {
  return getJson(
    http,
    {
      host: 'hyperliquid',
      endpoint: body.type,
      method: 'POST',
      url: HYPERLIQUID_INFO_URL,
      body,
      weight: body.type === 'l2Book' ? WEIGHT.l2Book : WEIGHT.info,
    },
    schema,
  );
}

/** The venue's clock, to the second: the HTTP `Date` header, when the client passed it on. */
export function dateHeader(response: HttpResponse): number | undefined {
  const text = response.headers.date;
  if (!text) return undefined;
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : undefined;
}
