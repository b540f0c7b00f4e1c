import type { HttpClient, HttpRequest, HttpResponse, HttpResult, SourceFailure } from '../../http/types';
import { err, ok, type Result } from '../../util/result';
import type { z } from '../../util/zod';
import { failure } from './failure';
import { parseWith } from './parse';

export interface Parsed<T> {
  value: T;
  response: HttpResponse;
}

/**
 * One request through the shared HttpClient, its body parsed with `schema` (see `parseWith`).
 * `inspect` sees the outcome first (a response or the client's failure) and may return a more precise
 * failure: venue error codes such as Bybit `retCode` or Binance `-1121`. Return `undefined` to go on.
 * A response that is still an HTTP error after that becomes an `http` failure.
 */
export async function getJson<S extends z.ZodMiniType>(
  http: HttpClient,
  req: Omit<HttpRequest, 'method'> & { method?: HttpRequest['method'] },
  schema: S,
  inspect?: (outcome: HttpResult) => SourceFailure | undefined,
): Promise<Result<Parsed<z.output<S>>, SourceFailure>> {
  const sent = await http.request({ method: 'GET', ...req });
  const refused = inspect?.(sent);
  if (refused) return err(refused);
  if (!sent.ok) return sent;
  const { status } = sent.value;
  if (status >= 400) {
    return err(failure('http', req.host, req.endpoint, `the venue answered HTTP ${status}`, { status }));
  }
  const parsed = parseWith(schema, sent.value.json, req.host, req.endpoint);
  return parsed.ok ? ok({ value: parsed.value, response: sent.value }) : parsed;
}
