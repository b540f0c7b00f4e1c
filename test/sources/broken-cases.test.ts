import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../lib/http/client';
import type { FetchLike } from '../../lib/http/types';
import { VENUES, type Venue } from '../../lib/market/venue';
import { createSources } from '../../lib/sources';

// Every venue's snapshot and candles over the real HttpClient, with every request answered by the same
// broken response: the source returns a typed failure whose message names the venue and the endpoint.

const NOW = Date.UTC(2026, 10, 2, 14, 0, 10);
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

interface Broken {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

function brokenFetch(b: Broken) {
  const urls: string[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    const headers = new Map(Object.entries(b.headers ?? {}));
    return {
      status: b.status,
      headers: { get: (n) => headers.get(n.toLowerCase()) ?? null, forEach: (cb) => headers.forEach(cb) },
      text: async () => b.body,
    };
  };
  return { fetch, urls };
}

function sourcesOver(b: Broken) {
  const { fetch, urls } = brokenFetch(b);
  const http = createHttpClient({
    fetch,
    now: () => NOW,
    sleep: async () => {},
    setTimer: () => () => {},
    formatTime: clock,
    random: () => 0.5,
  });
  return { sources: createSources(http, { now: () => NOW }), urls };
}

const LABEL: Record<Venue, string> = {
  binance: 'Binance',
  bybit: 'Bybit',
  okx: 'OKX',
  hyperliquid: 'Hyperliquid',
};
/** The endpoint a snapshot asks first (all ask in parallel; the first failure in source order is returned). */
const SNAPSHOT_ENDPOINT: Record<Venue, string> = {
  binance: 'premiumIndex',
  bybit: 'tickers',
  okx: 'mark-price',
  hyperliquid: 'metaAndAssetCtxs',
};
const CANDLES_ENDPOINT: Record<Venue, string> = {
  binance: 'klines',
  bybit: 'kline',
  okx: 'candles',
  hyperliquid: 'candleSnapshot',
};

const CASES: { name: string; broken: Broken; kind: string; message: (v: string, e: string) => string }[] = [
  {
    name: 'an HTML error page',
    broken: {
      status: 200,
      body: '<!DOCTYPE html><html><head><title>502</title></head><body>Bad gateway</body></html>',
    },
    kind: 'bad-response',
    message: (v, e) => `${v} ${e}: the response was not JSON (an HTML page)`,
  },
  {
    name: 'truncated JSON',
    broken: { status: 200, body: '{"code":"0","data":[["1700000000000","37000.1",' },
    kind: 'bad-response',
    message: (v, e) => `${v} ${e}: the response was not JSON (it was cut off or malformed)`,
  },
  {
    name: '429 with Retry-After',
    broken: {
      status: 429,
      body: '{"code":-1003,"msg":"Too many requests"}',
      headers: { 'retry-after': '30' },
    },
    kind: 'rate-limited',
    message: (v, e) => `${v} is rate-limiting requests (${e}); retrying after 14:00:40`,
  },
  {
    name: '418 with Retry-After',
    broken: { status: 418, body: '{"code":-1003,"msg":"banned"}', headers: { 'retry-after': '120' } },
    kind: 'banned',
    message: (v, e) =>
      `${v} has temporarily banned this IP address for too many requests (${e}); retrying after 14:02:10`,
  },
  {
    name: '451',
    broken: { status: 451, body: '{"code":0,"msg":"Service unavailable from a restricted location"}' },
    kind: 'region',
    message: (v, e) => `${v} is unavailable in your region (${e})`,
  },
  {
    name: '503 on every try',
    broken: { status: 503, body: 'Service Unavailable' },
    kind: 'http',
    message: (v, e) => `${v} had a server error (${e}, HTTP 503) after 3 attempts`,
  },
];

describe('broken answers, per venue, over the real client', () => {
  for (const c of CASES) {
    for (const venue of VENUES) {
      it(`${c.name}: ${venue} snapshot and candles fail in words naming venue and endpoint`, async () => {
        const snap = await sourcesOver(c.broken).sources[venue].snapshot('BTC');
        expect(snap.ok || snap.error).toMatchObject({
          kind: c.kind,
          host: venue,
          endpoint: SNAPSHOT_ENDPOINT[venue],
          message: c.message(LABEL[venue], SNAPSHOT_ENDPOINT[venue]),
        });
        const candles = await sourcesOver(c.broken).sources[venue].candles(
          'BTC',
          '15m',
          NOW - 86_400_000,
          NOW - 900_000,
        );
        expect(candles.ok || candles.error).toMatchObject({
          kind: c.kind,
          host: venue,
          endpoint: CANDLES_ENDPOINT[venue],
          message: c.message(LABEL[venue], CANDLES_ENDPOINT[venue]),
        });
      });
    }
  }

  it('a Bybit 403 is a ban of at least 10 minutes; later requests fail without the network', async () => {
    const { sources, urls } = sourcesOver({ status: 403, body: 'Forbidden' });
    const first = await sources.bybit.snapshot('BTC');
    expect(first.ok || first.error).toMatchObject({ kind: 'banned', retryAt: NOW + 600_000 });
    const asked = urls.length;
    const second = await sources.bybit.candles('BTC', '15m', NOW - 86_400_000, NOW - 900_000);
    expect(second.ok || second.error.message).toBe(
      'Bybit has temporarily banned this IP address for too many requests (kline); retrying after 14:10:10',
    );
    expect(urls).toHaveLength(asked);
  });
});
