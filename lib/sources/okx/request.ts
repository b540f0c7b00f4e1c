import type { HttpClient, HttpResult, SourceFailure } from '../../http/types';
import { ok, type Result } from '../../util/result';
import { z } from '../../util/zod';
import { buildUrl, failure, getJson, parseWith, unsupportedSymbol } from '../shared';

export const OKX_BASE = 'https://www.okx.com';
export const OKX_MARKET = 'OKX USDT perpetual swaps';

export interface OkxCall {
  endpoint: string;
  path: string;
  /** Query parameters in the order they are sent (fixed, so replays match exactly). */
  query: Record<string, string | number>;
  /** The instrument asked for, named when OKX does not list it. */
  instId: string;
}

const EnvelopeSchema = z.looseObject({
  code: z.union([z.string(), z.number()]),
  msg: z.optional(z.string()),
  data: z.unknown(),
});

/** GET one OKX v5 endpoint, check the `{code, msg, data}` envelope and parse `data` with `schema`. */
export async function okxGet<S extends z.ZodMiniType>(
  http: HttpClient,
  call: OkxCall,
  schema: S,
  now?: () => number,
): Promise<Result<z.output<S>, SourceFailure>> {
  const url = buildUrl(OKX_BASE, call.path, call.query);
  const res = await getJson(http, { host: 'okx', endpoint: call.endpoint, url }, EnvelopeSchema, (outcome) =>
    refusal(outcome, call, now),
  );
  if (!res.ok) return res;
  const data = parseWith(z.object({ data: schema }), { data: res.value.value.data }, 'okx', call.endpoint);
  return data.ok ? ok((data.value as { data: z.output<S> }).data) : data;
}

/** A `code` ≠ "0" carried by any answer, even an HTTP error the client passed through as a response. */
function refusal(outcome: HttpResult, call: OkxCall, now?: () => number): SourceFailure | undefined {
  if (!outcome.ok) return undefined;
  const json = outcome.value.json as { code?: unknown; msg?: unknown } | null;
  if (typeof json !== 'object' || json === null) return undefined;
  const code = typeof json.code === 'string' || typeof json.code === 'number' ? String(json.code) : undefined;
  if (code === undefined || code === '0') return undefined;
  return codeFailure(code, typeof json.msg === 'string' ? json.msg : '', call, outcome.value.status, now);
}

function codeFailure(
  code: string,
  msg: string,
  call: OkxCall,
  status: number,
  now?: () => number,
): SourceFailure {
  const said = msg ? ` (${msg.slice(0, 120)})` : '';
  if (code === '51001')
    return { ...unsupportedSymbol('okx', call.endpoint, call.instId, OKX_MARKET), status };
  if (code === '50011' || code === '50061') {
    // OKX counts its limits in 2-second windows.
    const retryAt = now ? { retryAt: now() + 2_000 } : {};
    return failure('rate-limited', 'okx', call.endpoint, `too many requests, code ${code}${said}`, {
      status,
      ...retryAt,
    });
  }
  return failure('http', 'okx', call.endpoint, `OKX refused the request with code ${code}${said}`, {
    status,
  });
}
