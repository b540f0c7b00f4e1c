import type { HttpClient, HttpRequest, HttpResult, SourceFailure } from '../../../lib/http/types';

/** A stand-in HttpClient: answers each request with `respond` and records what was asked. */
export interface FakeHttp extends HttpClient {
  requests: HttpRequest[];
}

export type Answer =
  | unknown
  | { failure: SourceFailure }
  | { status: number; json: unknown; headers?: Record<string, string> };

export function fakeHttp(respond: (req: HttpRequest, url: URL) => Answer): FakeHttp {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async request(req): Promise<HttpResult> {
      requests.push(req);
      const answer = respond(req, new URL(req.url));
      if (isObject(answer) && 'failure' in answer)
        return { ok: false, error: answer.failure as SourceFailure };
      if (isObject(answer) && 'status' in answer && 'json' in answer) {
        const a = answer as { status: number; json: unknown; headers?: Record<string, string> };
        return { ok: true, value: { status: a.status, headers: a.headers ?? {}, json: a.json } };
      }
      return { ok: true, value: { status: 200, headers: {}, json: structuredClone(answer) } };
    },
    stats() {
      const out: Record<string, { requests: number; weight: number }> = {};
      for (const r of requests) {
        const s = out[r.host] ?? { requests: 0, weight: 0 };
        s.requests++;
        s.weight += r.weight ?? 1;
        out[r.host] = s;
      }
      return out;
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Query parameters of a request as a plain object. */
export const query = (req: HttpRequest): Record<string, string> =>
  Object.fromEntries(new URL(req.url).searchParams.entries());
