import type { HttpClient, HttpRequest, HttpResult } from '../../../lib/http/types';

/**
 * An HttpClient whose answer is computed from the request (its query parameters), for windows too long to
 * list page by page. `answer` returns the JSON body, or a failure result.
 */
export function paramHttp(answer: (q: URLSearchParams, req: HttpRequest) => unknown | HttpResult) {
  const sent: HttpRequest[] = [];
  const http: HttpClient & { sent: HttpRequest[] } = {
    sent,
    async request(req) {
      sent.push(req);
      const out = answer(new URL(req.url).searchParams, req);
      if (isResult(out)) return out;
      return { ok: true, value: { status: 200, headers: {}, json: out } };
    },
    stats: () => ({}),
  };
  return http;
}

function isResult(v: unknown): v is HttpResult {
  return typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean';
}
