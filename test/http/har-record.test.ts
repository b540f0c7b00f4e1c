import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../lib/http/client';
import { parseHarText } from '../../lib/http/har';
import { createRecordingFetch } from '../../lib/http/har-record';
import { createHarFetch, harNow } from '../../lib/http/har-replay';
import type { FetchLike, HttpRequest } from '../../lib/http/types';
import { response, T0 } from './fakes';

/** A tiny exchange simulator: answers depend on the URL and the body. */
const simulator: FetchLike = async (url, init) => {
  if (url.includes('coinglass')) {
    return response(
      200,
      { code: '0', data: { ok: true } },
      { 'API-KEY-USE-LIMIT': '3', 'API-KEY-MAX-LIMIT': '30' },
    );
  }
  if (init?.method === 'POST') {
    const b = JSON.parse(init.body ?? '{}') as { type: string; req?: { coin: string } };
    return response(200, [{ type: b.type, coin: b.req?.coin ?? null }]);
  }
  if (url.includes('/depth')) return response(429, { code: -1003 }, { 'Retry-After': '30' });
  return response(200, [[Number(new URL(url).searchParams.get('startTime')), '1.5']], {
    'X-MBX-USED-WEIGHT-1M': '11',
    'Content-Type': 'application/json',
  });
};

const requests: HttpRequest[] = [
  {
    host: 'binance',
    endpoint: 'klines',
    method: 'GET',
    url: 'https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=15m&startTime=1000',
  },
  {
    host: 'binance',
    endpoint: 'klines',
    method: 'GET',
    url: 'https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=15m&startTime=2000',
  },
  {
    host: 'hyperliquid',
    endpoint: 'candleSnapshot',
    method: 'POST',
    url: 'https://api.hyperliquid.xyz/info',
    body: { type: 'candleSnapshot', req: { coin: 'ETH', interval: '15m', startTime: 0, endTime: 1 } },
  },
  {
    host: 'coinglass',
    endpoint: 'liquidation map',
    method: 'GET',
    url: 'https://open-api-v4.coinglass.com/api/futures/liquidation/aggregated-map?symbol=BTC&range=7d',
    headers: { 'CG-API-KEY': 'my-secret-key' },
  },
  {
    host: 'binance',
    endpoint: 'depth',
    method: 'GET',
    url: 'https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT&limit=50',
  },
];

function clientOver(fetch: FetchLike, now: () => number) {
  return createHttpClient({ fetch, now, sleep: async () => {}, setTimer: () => () => {} });
}

describe('recording', () => {
  it('records every exchange as HAR 1.2 that replays to the same results', async () => {
    let t = T0;
    const now = () => t;
    const recorder = createRecordingFetch(simulator, { now });
    const live = clientOver(recorder.fetch, now);
    const liveResults = [];
    for (const req of requests) {
      liveResults.push(await live.request(req));
      t += 1000;
    }
    const text = JSON.stringify(recorder.har());
    const parsed = parseHarText(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const doc = parsed.value;
    expect(doc.log.version).toBe('1.2');
    expect(doc.log.entries).toHaveLength(5);
    expect(doc.log.entries.map((e) => e.startedDateTime)).toEqual(
      [0, 1, 2, 3, 4].map((i) => new Date(T0 + i * 1000).toISOString()),
    );
    expect(harNow(doc)).toBe(T0 + 4000);
    const post = doc.log.entries[2]?.request;
    expect(post?.method).toBe('POST');
    expect(JSON.parse(post?.postData?.text ?? '')).toEqual(requests[2]?.body);
    expect(doc.log.entries[0]?.request.queryString).toEqual([
      { name: 'symbol', value: 'BTCUSDT' },
      { name: 'interval', value: '15m' },
      { name: 'startTime', value: '1000' },
    ]);

    const replay = createHarFetch(doc);
    const replayed = clientOver(replay, replay.now);
    const replayResults = [];
    for (const req of requests) replayResults.push(await replayed.request(req));
    // The 429 replays too, with a retryAt counted from the replay's own "now".
    expect(replayResults.slice(0, 4)).toEqual(
      liveResults
        .slice(0, 4)
        .map((r) =>
          r.ok ? { ...r, value: { ...r.value, headers: withoutKeyHeaders(r.value.headers) } } : r,
        ),
    );
    expect(replayResults[4]).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: T0 + 4000 + 30_000 },
    });
    expect(replay.log().every((l) => l.match === 'exact')).toBe(true);
  });

  it('never writes a header whose name contains "key"', async () => {
    const recorder = createRecordingFetch(simulator, { now: () => T0 });
    const http = clientOver(recorder.fetch, () => T0);
    await http.request(requests[3] as HttpRequest);
    const text = JSON.stringify(recorder.har());
    expect(text).not.toContain('my-secret-key');
    expect(text.toLowerCase()).not.toContain('cg-api-key');
    expect(text.toLowerCase()).not.toContain('api-key-use-limit');
    const entry = recorder.har().log.entries[0];
    expect(entry?.request.headers.map((h) => h.name)).toEqual(['accept']);
  });

  it('keeps other credentials out too: signature, auth and cookie headers, key query values, echoed keys', async () => {
    const echo: FetchLike = async (url, init) =>
      response(
        200,
        { code: '0', msg: `key ${init?.headers?.['CG-API-KEY']} accepted`, url },
        { 'Set-Cookie': 'sid=abc' },
      );
    const recorder = createRecordingFetch(echo, { now: () => T0 });
    await recorder.fetch('https://example.com/api?symbol=BTC&apiKey=s3cr3t&signature=abc123', {
      headers: {
        accept: 'application/json',
        'CG-API-KEY': 'my-secret-key',
        'X-BAPI-SIGN': 'sig-value',
        Authorization: 'Bearer tok-value',
        Cookie: 'session=cookie-value',
      },
    });
    const text = JSON.stringify(recorder.har());
    for (const secret of [
      'my-secret-key',
      's3cr3t',
      'abc123',
      'sig-value',
      'tok-value',
      'cookie-value',
      'sid=abc',
    ])
      expect(text).not.toContain(secret);
    const entry = recorder.har().log.entries[0];
    expect(entry?.request.headers.map((h) => h.name)).toEqual(['accept']);
    expect(entry?.request.queryString).toEqual([
      { name: 'symbol', value: 'BTC' },
      { name: 'apiKey', value: '…' },
      { name: 'signature', value: '…' },
    ]);
    expect(JSON.parse(entry?.response.content.text ?? '').msg).toBe('key … accepted');
  });

  it('hands the caller the same response it recorded', async () => {
    const recorder = createRecordingFetch(simulator, { now: () => T0 });
    const res = await recorder.fetch(requests[0]?.url ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-mbx-used-weight-1m')).toBe('11');
    expect(JSON.parse(await res.text())).toEqual([[1000, '1.5']]);
  });
});

function withoutKeyHeaders(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).filter(([k]) => !k.includes('key')));
}
