import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../lib/http/client';
import { type HarDocument, parseHar } from '../../lib/http/har';
import { createHarFetch, HarMissError } from '../../lib/http/har-replay';

interface Rec {
  at: string;
  method?: string;
  url: string;
  body?: unknown;
  status?: number;
  text: string;
  headers?: Record<string, string>;
}

function har(recs: Rec[]): HarDocument {
  const r = parseHar({
    log: {
      version: '1.2',
      entries: recs.map((x) => ({
        startedDateTime: x.at,
        request: {
          method: x.method ?? 'GET',
          url: x.url,
          headers: [],
          ...(x.body === undefined
            ? {}
            : {
                postData: {
                  mimeType: 'application/json',
                  text: typeof x.body === 'string' ? x.body : JSON.stringify(x.body),
                },
              }),
        },
        response: {
          status: x.status ?? 200,
          headers: Object.entries(x.headers ?? {}).map(([name, value]) => ({ name, value })),
          content: { mimeType: 'application/json', text: x.text },
        },
      })),
    },
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const K = 'https://fapi.binance.com/fapi/v1/klines';
const INFO = 'https://api.hyperliquid.xyz/info';

async function body(
  fetch: ReturnType<typeof createHarFetch>,
  url: string,
  init?: Parameters<typeof fetch>[1],
) {
  return (await fetch(url, init)).text();
}

describe('HAR replay', () => {
  const doc = har([
    {
      at: '2026-11-02T14:00:00Z',
      url: `${K}?symbol=BTCUSDT&interval=15m&startTime=1000`,
      text: '"btc-1000"',
    },
    {
      at: '2026-11-02T13:00:00Z',
      url: `${K}?symbol=BTCUSDT&interval=15m&startTime=2000`,
      text: '"btc-2000-old"',
    },
    {
      at: '2026-11-02T15:00:00Z',
      url: `${K}?symbol=ETHUSDT&interval=15m&startTime=2000`,
      text: '"eth-2000"',
    },
    { at: '2026-11-02T12:00:00Z', url: `${K}?symbol=BTCUSDT&interval=1h&startTime=2000`, text: '"btc-1h"' },
  ]);

  it('answers the exact URL first, even when an entry is newer', async () => {
    const fetch = createHarFetch(doc);
    expect(await body(fetch, `${K}?symbol=BTCUSDT&interval=15m&startTime=2000`)).toBe('"btc-2000-old"');
    expect(fetch.log()).toEqual([
      { method: 'GET', url: `${K}?symbol=BTCUSDT&interval=15m&startTime=2000`, match: 'exact' },
    ]);
  });

  it('else the entry agreeing on the most query keys, even when others are newer', async () => {
    const fetch = createHarFetch(doc);
    // btc-2000-old (13:00) agrees on symbol, interval and startTime: 3 keys; btc-1000 (14:00) and eth-2000
    // (15:00) on 2, btc-1h on 2. endTime is in none of them.
    expect(await body(fetch, `${K}?symbol=BTCUSDT&interval=15m&startTime=2000&endTime=9`)).toBe(
      '"btc-2000-old"',
    );
  });

  it('ties go to the latest startedDateTime', async () => {
    const fetch = createHarFetch(doc);
    // startTime=5000 agrees with none; symbol+interval: btc-1000 (14:00) and btc-2000-old (13:00) score 2,
    // eth-2000 and btc-1h score 1: the latest of the two best is btc-1000.
    expect(await body(fetch, `${K}?symbol=BTCUSDT&interval=15m&startTime=5000`)).toBe('"btc-1000"');
    expect(fetch.log()[0]?.match).toBe('closest');
  });

  it('ties with equal times go to the later entry in the file', async () => {
    const same = har([
      { at: '2026-11-02T14:00:00Z', url: `${K}?symbol=BTCUSDT&startTime=1`, text: '"first"' },
      { at: '2026-11-02T14:00:00Z', url: `${K}?symbol=BTCUSDT&startTime=2`, text: '"second"' },
    ]);
    expect(await body(createHarFetch(same), `${K}?symbol=BTCUSDT&startTime=3`)).toBe('"second"');
  });

  it('only the same method, host and path qualify; otherwise a clear error naming the URL', async () => {
    const fetch = createHarFetch(doc);
    const depth = 'https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT&limit=500';
    await expect(fetch(depth)).rejects.toThrow(new HarMissError(`no recorded response for GET ${depth}`));
    await expect(fetch(`${K}?symbol=BTCUSDT`, { method: 'POST', body: '{}' })).rejects.toThrow(
      `no recorded response for POST ${K}?symbol=BTCUSDT`,
    );
    const otherHost = 'https://fapi2.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=15m&startTime=1000';
    await expect(fetch(otherHost)).rejects.toBeInstanceOf(HarMissError);
    expect(fetch.log().map((l) => l.match)).toEqual(['none', 'none', 'none']);
  });

  it('through the client a miss is a network failure naming the URL', async () => {
    const fetch = createHarFetch(doc);
    const http = createHttpClient({ fetch, now: fetch.now, sleep: async () => {}, setTimer: () => () => {} });
    const url = 'https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT';
    const r = await http.request({ host: 'binance', endpoint: 'premiumIndex', method: 'GET', url });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'network',
        message: `Binance could not be reached (premiumIndex): no recorded response for GET ${url}`,
      },
    });
  });

  it('now() is the latest startedDateTime unless given', () => {
    expect(createHarFetch(doc).now()).toBe(Date.UTC(2026, 10, 2, 15, 0, 0));
    expect(createHarFetch(doc, { now: () => 42 }).now()).toBe(42);
  });

  it('reproduces status and headers, so the client sees a recorded 429 and its Retry-After', async () => {
    const limited = har([
      {
        at: '2026-11-02T14:00:00Z',
        url: `${K}?symbol=BTCUSDT`,
        status: 429,
        text: '{"code":-1003,"msg":"Too many requests."}',
        headers: { 'Retry-After': '90', 'X-MBX-USED-WEIGHT-1M': '2400' },
      },
    ]);
    const fetch = createHarFetch(limited);
    const res = await fetch(`${K}?symbol=BTCUSDT`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('90');
    expect(res.headers.get('Content-Type')).toBe('application/json');
    const http = createHttpClient({ fetch, now: fetch.now, sleep: async () => {}, setTimer: () => () => {} });
    const r = await http.request({
      host: 'binance',
      endpoint: 'klines',
      method: 'GET',
      url: `${K}?symbol=BTCUSDT`,
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAt: fetch.now() + 90_000 } });
  });
});

describe('HAR replay of POST bodies (Hyperliquid)', () => {
  const btc = { coin: 'BTC', interval: '15m', startTime: 1000, endTime: 2000 };
  const doc = har([
    {
      at: '2026-11-02T14:00:00Z',
      method: 'POST',
      url: INFO,
      body: { type: 'candleSnapshot', req: btc },
      text: '"btc"',
    },
    {
      at: '2026-11-02T14:05:00Z',
      method: 'POST',
      url: INFO,
      body: { type: 'candleSnapshot', req: { ...btc, coin: 'ETH' } },
      text: '"eth"',
    },
    {
      at: '2026-11-02T14:10:00Z',
      method: 'POST',
      url: INFO,
      body: { type: 'l2Book', coin: 'BTC' },
      text: '"book"',
    },
    {
      at: '2026-11-02T14:20:00Z',
      method: 'POST',
      url: INFO,
      body: { type: 'metaAndAssetCtxs' },
      text: '"meta"',
    },
  ]);
  const post = (b: unknown) => ({ method: 'POST', body: JSON.stringify(b) });

  it('matches the same body exactly, whatever the key order', async () => {
    const fetch = createHarFetch(doc);
    const reordered = {
      req: { endTime: 2000, startTime: 1000, interval: '15m', coin: 'BTC' },
      type: 'candleSnapshot',
    };
    expect(await body(fetch, INFO, post(reordered))).toBe('"btc"');
    expect(await body(fetch, INFO, post({ type: 'metaAndAssetCtxs' }))).toBe('"meta"');
    expect(fetch.log().map((l) => l.match)).toEqual(['exact', 'exact']);
  });

  it('else compares top-level fields `type` and `req` by JSON equality', async () => {
    const fetch = createHarFetch(doc);
    // Not exact (an extra field); `type` and `req` agree with the BTC entry only (2 keys) although the ETH
    // and l2Book entries are newer.
    const extra = { type: 'candleSnapshot', req: { ...btc }, dex: '' };
    expect(await body(fetch, INFO, post(extra))).toBe('"btc"');
    // Another time range: `req` agrees with nobody, `type` with both candle entries: the newer, ETH.
    expect(await body(fetch, INFO, post({ type: 'candleSnapshot', req: { ...btc, startTime: 0 } }))).toBe(
      '"eth"',
    );
    expect(await body(fetch, INFO, post({ type: 'l2Book', coin: 'ETH' }))).toBe('"book"');
  });
});
