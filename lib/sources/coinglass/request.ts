import type { HttpClient, HttpResult, SourceFailure } from '../../http/types';
import { err, ok, type Result } from '../../util/result';
import { z } from '../../util/zod';
import { buildUrl, failure, getJson, parseWith } from '../shared';
import { KEY_REFUSED_MESSAGE, NO_KEY_MESSAGE, PLAN_MESSAGE } from './messages';
import { inOwnWords, scrubKey } from './own-words';

export const COINGLASS_BASE = 'https://open-api-v4.coinglass.com';

export { KEY_REFUSED_MESSAGE, NO_KEY_MESSAGE, PLAN_MESSAGE } from './messages';

const PLAN_WORDS = /upgrade|plan|permission|subscri|not available|not supported|level|vip|professional/i;
const KEY_WORDS = /api.?key|invalid key|apikey/i;
const RATE_WORDS = /too many|rate.?limit|frequency/i;

const EnvelopeSchema = z.looseObject({
  code: z.union([z.string(), z.number()]),
  msg: z.optional(z.nullable(z.string())),
  data: z.optional(z.unknown()),
});

export interface CoinglassCall {
  endpoint: string;
  path: string;
  query: Record<string, string>;
}

/** Failures worded here from the envelope's code alone (the rest are reworded by `inOwnWords`). */
const worded = new WeakSet<SourceFailure>();

/**
 * GET one CoinGlass v4 endpoint with the user's key in the `CG-API-KEY` header (and nowhere else), check
 * the `{code, msg, data}` envelope and parse `data`. Every failure is in our own words (the server's `msg` is read
 * only to recognise a plan, key or rate-limit refusal, never shown) and scrubbed of any run of the key.
 */
export async function coinglassGet<S extends z.ZodMiniType>(
  http: HttpClient,
  apiKey: string,
  call: CoinglassCall,
  schema: S,
): Promise<Result<z.output<S>, SourceFailure>> {
  const res = await fetchData(http, apiKey, call, schema);
  if (res.ok) return res;
  const f = res.error;
  return err(worded.has(f) ? { ...f, message: scrubKey(f.message, apiKey) } : inOwnWords(f, apiKey));
}

async function fetchData<S extends z.ZodMiniType>(
  http: HttpClient,
  apiKey: string,
  call: CoinglassCall,
  schema: S,
): Promise<Result<z.output<S>, SourceFailure>> {
  const { endpoint } = call;
  if (apiKey.trim() === '')
    return err({ kind: 'auth', host: 'coinglass', endpoint, message: NO_KEY_MESSAGE });
  const url = buildUrl(COINGLASS_BASE, call.path, call.query);
  const headers = { 'CG-API-KEY': apiKey, accept: 'application/json' };
  const res = await getJson(http, { host: 'coinglass', endpoint, url, headers }, EnvelopeSchema, (outcome) =>
    refusal(outcome, endpoint),
  );
  if (!res.ok) return res;
  const data = parseWith(z.object({ data: schema }), { data: res.value.value.data }, 'coinglass', endpoint);
  return data.ok ? ok((data.value as { data: z.output<S> }).data) : data;
}

function refusal(outcome: HttpResult, endpoint: string): SourceFailure | undefined {
  if (!outcome.ok) {
    const { kind, status } = outcome.error;
    if (kind === 'auth' || status === 401 || status === 403) return planFailure(endpoint, status);
    return undefined;
  }
  const json = outcome.value.json as { code?: unknown; msg?: unknown } | null;
  if (typeof json !== 'object' || json === null) return undefined;
  const code = typeof json.code === 'string' || typeof json.code === 'number' ? String(json.code) : undefined;
  if (code === undefined || code === '0') return undefined;
  const msg = typeof json.msg === 'string' ? json.msg : '';
  const status = outcome.value.status;
  if (code === '401' || code === '403' || PLAN_WORDS.test(msg)) return planFailure(endpoint, status);
  if (KEY_WORDS.test(msg))
    return { kind: 'auth', host: 'coinglass', endpoint, message: KEY_REFUSED_MESSAGE, status };
  // The code is the server's too: shown only when it is a plain number.
  const shown = /^-?\d{1,8}$/.test(code) ? `code ${code}` : 'an unrecognised code';
  const f =
    code === '429' || RATE_WORDS.test(msg)
      ? failure('rate-limited', 'coinglass', endpoint, `too many requests (${shown})`, { status })
      : failure('http', 'coinglass', endpoint, `CoinGlass refused the request with ${shown}`, { status });
  worded.add(f);
  return f;
}

function planFailure(endpoint: string, status: number | undefined): SourceFailure {
  const f: SourceFailure = { kind: 'auth', host: 'coinglass', endpoint, message: PLAN_MESSAGE };
  if (status !== undefined) f.status = status;
  return f;
}
