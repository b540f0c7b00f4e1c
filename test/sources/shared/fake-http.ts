import type {
  HttpClient,
  HttpRequest,
  HttpResponse,
  HttpResult,
  SourceFailure,
} from '../../../lib/http/types';

/** A canned answer: a JSON body (status 200), a full response, or a failure as the client would give it. */
export type Canned =
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { failure: Omit<SourceFailure, 'host' | 'endpoint'> };

export interface FakeHttp extends HttpClient {
  /** Every request in order. */
  sent: HttpRequest[];
  /** Path + query of every request in order, e.g. `/fapi/v1/depth?symbol=BTCUSDT&limit=500`. */
  paths(): string[];
}

/**
 * An HttpClient answering from canned responses keyed by path + query (exact string). An unknown key
 * answers a `network` failure naming it, so a test sees which request it did not expect.
 */
export function fakeHttp(routes: Record<string, Canned | ((req: HttpRequest) => Canned)>): FakeHttp {
  const sent: HttpRequest[] = [];
  const pathOf = (url: string) => {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  };
  return {
    sent,
    paths: () => sent.map((r) => pathOf(r.url)),
    async request(req: HttpRequest): Promise<HttpResult> {
      sent.push(req);
      const key = pathOf(req.url);
      const route = routes[key];
      const canned = typeof route === 'function' ? route(req) : route;
      if (!canned) {
        return {
          ok: false,
          error: {
            kind: 'network',
            host: req.host,
            endpoint: req.endpoint,
            message: `no canned response for ${key}`,
          },
        };
      }
      if ('failure' in canned)
        return { ok: false, error: { ...canned.failure, host: req.host, endpoint: req.endpoint } };
      const response: HttpResponse = {
        status: canned.status ?? 200,
        headers: canned.headers ?? {},
        json: canned.json,
      };
      return { ok: true, value: response };
    },
    stats() {
      const out: Record<string, { requests: number; weight: number }> = {};
      for (const r of sent) {
        const s = out[r.host] ?? { requests: 0, weight: 0 };
        s.requests += 1;
        s.weight += r.weight ?? 1;
        out[r.host] = s;
      }
      return out;
    },
  };
}
