import { redact } from './failures';
import type { HarDocument, HarEntry, HarNameValue } from './har';
import type { FetchLike } from './types';

export interface RecordingFetch {
  fetch: FetchLike;
  /** A HAR 1.2 document of every exchange so far (requests that failed without an answer are not in it). */
  har(): HarDocument;
}

/**
 * Headers that might carry credentials never reach a file: `CG-API-KEY`, `X-MBX-APIKEY`, `X-BAPI-SIGN`,
 * `OK-ACCESS-PASSPHRASE`, `Authorization`, cookies (and, to be safe, CoinGlass's `API-KEY-USE-LIMIT`).
 */
function isSecretHeader(name: string): boolean {
  return /key|sign|secret|passphrase|token|auth|cookie/i.test(name);
}

function queryPairs(url: string): [string, string][] {
  try {
    return [...new URL(url).searchParams];
  } catch {
    return [];
  }
}

/** Replaces every occurrence of the secrets (values of secret request headers) in a text. */
function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('…');
  return out;
}

// Without `forEach` (a minimal FetchLike) only these response headers can be read back.
const READABLE_HEADERS = [
  'content-type',
  'retry-after',
  'date',
  'x-mbx-used-weight-1m',
  'x-bapi-limit-status',
  'x-bapi-limit-reset-timestamp',
];

/** Wraps a `fetch` so that every request and its response are kept as HAR entries (fixture generation). */
export function createRecordingFetch(inner: FetchLike, options: { now?: () => number } = {}): RecordingFetch {
  const now = options.now ?? Date.now;
  const entries: HarEntry[] = [];

  const fetch: FetchLike = async (url, init) => {
    const started = now();
    const res = await inner(url, init);
    const text = await res.text();
    const responseHeaders: HarNameValue[] = [];
    if (res.headers.forEach) {
      res.headers.forEach((value, name) => {
        responseHeaders.push({ name, value });
      });
    } else {
      for (const name of READABLE_HEADERS) {
        const value = res.headers.get(name);
        if (value !== null) responseHeaders.push({ name, value });
      }
    }
    // A credential sent in a header is kept out of the file even where the venue echoes it back.
    const secrets = [...Object.entries(init?.headers ?? {}), ...queryPairs(url)]
      .filter(([name, value]) => isSecretHeader(name) && value.trim().length >= 4)
      .map(([, value]) => value.trim());
    const recorded = responseHeaders.map(({ name, value }) => ({ name, value: scrub(value, secrets) }));
    entries.push(
      toEntry(
        redact(scrub(url, secrets)),
        init,
        started,
        now() - started,
        res.status,
        recorded,
        scrub(text, secrets),
      ),
    );
    const headers = new Map(responseHeaders.map(({ name, value }) => [name.toLowerCase(), value]));
    return {
      status: res.status,
      headers: {
        get: (name) => headers.get(name.toLowerCase()) ?? res.headers.get(name),
        forEach: (cb) => {
          for (const [name, value] of headers) cb(value, name);
        },
      },
      text: async () => text,
    };
  };

  return {
    fetch,
    har: () => ({
      log: {
        version: '1.2',
        creator: { name: 'liqlens', version: '0.1.0' },
        entries: entries.map((e) => structuredClone(e)),
      },
    }),
  };
}

function toEntry(
  url: string,
  init: Parameters<FetchLike>[1],
  started: number,
  time: number,
  status: number,
  responseHeaders: HarNameValue[],
  text: string,
): HarEntry {
  const method = (init?.method ?? 'GET').toUpperCase();
  const requestHeaders = Object.entries(init?.headers ?? {})
    .filter(([name]) => !isSecretHeader(name))
    .map(([name, value]) => ({ name, value }));
  const queryString = [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  const mimeType = responseHeaders.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  const request: HarEntry['request'] = {
    method,
    url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: requestHeaders,
    queryString,
    headersSize: -1,
    bodySize: init?.body === undefined ? 0 : init.body.length,
  };
  if (init?.body !== undefined) {
    const type = Object.entries(init.headers ?? {}).find(([n]) => n.toLowerCase() === 'content-type')?.[1];
    request.postData = { mimeType: type ?? 'application/json', text: init.body };
  }
  return {
    startedDateTime: new Date(started).toISOString(),
    time,
    request,
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: responseHeaders.filter(({ name }) => !isSecretHeader(name)),
      content: { size: text.length, mimeType, text },
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
  };
}
