import { entryText, type HarDocument, type HarEntry } from './har';
import type { FetchLike } from './types';

/** A request the replay has no answer for; the client reports it as a `network` failure and does not retry. */
export class HarMissError extends Error {
  override name = 'HarMissError';
}

export interface ReplayLogLine {
  method: string;
  url: string;
  match: 'exact' | 'closest' | 'none';
}

export type HarFetch = FetchLike & {
  /** "Now" in the replay: the option given, else the latest `startedDateTime`. */
  now(): number;
  /** Every request answered (or not) so far, in order. */
  log(): ReplayLogLine[];
};

interface Indexed {
  entry: HarEntry;
  order: number;
  method: string;
  href: string;
  host: string;
  path: string;
  query: URLSearchParams;
  body: string;
  bodyJson: unknown;
  time: number;
}

/** The latest `startedDateTime` in the HAR, in ms. Throws on a HAR without entries (`parseHar` rejects those). */
export function harNow(har: HarDocument): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const e of har.log.entries) latest = Math.max(latest, Date.parse(e.startedDateTime));
  if (!Number.isFinite(latest)) throw new RangeError('the HAR file has no entries with a date');
  return latest;
}

/**
 * A `fetch` that answers from a HAR: the entry with the same method, URL and body; else, among entries with the
 * same method, host and path, the one whose query parameters and top-level JSON body fields agree with the
 * request's on the most keys (ties: the latest); else it rejects with an error naming the URL.
 */
export function createHarFetch(har: HarDocument, options: { now?: () => number } = {}): HarFetch {
  const entries = har.log.entries.map(index);
  const lines: ReplayLogLine[] = [];
  const fetch = async (url: string, init?: Parameters<FetchLike>[1]) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const found = findEntry(entries, method, url, init?.body ?? '');
    lines.push({ method, url, match: found ? found.match : 'none' });
    if (!found) throw new HarMissError(`no recorded response for ${method} ${url}`);
    return toResponse(found.entry);
  };
  const now = options.now ?? (() => harNow(har));
  return Object.assign(fetch, { now, log: () => [...lines] });
}

function findEntry(
  entries: Indexed[],
  method: string,
  url: string,
  body: string,
): { entry: HarEntry; match: 'exact' | 'closest' } | undefined {
  const req = parseUrl(url);
  if (!req) return undefined;
  const reqJson = parseJson(body);
  const sameRoute = entries.filter(
    (e) => e.method === method && e.host === req.host && e.path === req.pathname,
  );

  const exact = sameRoute.filter((e) => e.href === req.href && sameBody(e, body, reqJson));
  if (exact.length > 0) return { entry: latest(exact).entry, match: 'exact' };
  if (sameRoute.length === 0) return undefined;

  let best: Indexed[] = [];
  let bestScore = -1;
  for (const e of sameRoute) {
    const score = agreement(e, req.searchParams, reqJson);
    if (score > bestScore) {
      bestScore = score;
      best = [e];
    } else if (score === bestScore) best.push(e);
  }
  return { entry: latest(best).entry, match: 'closest' };
}

/** Keys of the request (query parameters, top-level JSON body fields) whose values the entry shares. */
function agreement(e: Indexed, query: URLSearchParams, bodyJson: unknown): number {
  let score = 0;
  for (const key of new Set(query.keys())) {
    if (sameList(e.query.getAll(key), query.getAll(key))) score++;
  }
  if (isRecord(bodyJson) && isRecord(e.bodyJson)) {
    const recorded = e.bodyJson;
    for (const [key, value] of Object.entries(bodyJson)) {
      if (key in recorded && canonical(recorded[key]) === canonical(value)) score++;
    }
  }
  return score;
}

function sameBody(e: Indexed, body: string, bodyJson: unknown): boolean {
  if (e.body === body) return true;
  return bodyJson !== undefined && e.bodyJson !== undefined && canonical(e.bodyJson) === canonical(bodyJson);
}

function latest(candidates: Indexed[]): Indexed {
  return candidates.reduce((a, b) => (b.time > a.time || (b.time === a.time && b.order > a.order) ? b : a));
}

function index(entry: HarEntry, order: number): Indexed {
  const u = parseUrl(entry.request.url) ?? new URL('invalid://');
  const body = entry.request.postData?.text ?? '';
  return {
    entry,
    order,
    method: entry.request.method.toUpperCase(),
    href: u.href,
    host: u.host,
    path: u.pathname,
    query: u.searchParams,
    body,
    bodyJson: parseJson(body),
    time: Date.parse(entry.startedDateTime),
  };
}

function toResponse(entry: HarEntry): Awaited<ReturnType<FetchLike>> {
  const headers = new Map<string, string>();
  for (const { name, value } of entry.response.headers) {
    const key = name.toLowerCase();
    const prior = headers.get(key);
    headers.set(key, prior === undefined ? value : `${prior}, ${value}`);
  }
  const mime = entry.response.content.mimeType;
  if (!headers.has('content-type') && mime) headers.set('content-type', mime);
  return {
    status: entry.response.status,
    headers: {
      get: (name) => headers.get(name.toLowerCase()) ?? null,
      forEach: (cb) => {
        for (const [key, value] of headers) cb(value, key);
      },
    },
    text: async () => entryText(entry),
  };
}

/** JSON with object keys sorted, so that key order never decides equality. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
