import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../lib/http/client';
import type { HttpRequest } from '../../lib/http/types';
import { BINANCE_KLINES, response, scriptedClient, scriptedFetch, T0, utcClock } from './fakes';

/** The most any window of `windowMs` starting at a request holds, in the given units. */
function busiestWindow(calls: { at: number; units: number }[], windowMs: number): number {
  let most = 0;
  for (const start of calls) {
    let sum = 0;
    for (const c of calls) if (c.at >= start.at && c.at < start.at + windowMs) sum += c.units;
    most = Math.max(most, sum);
  }
  return most;
}

const setup = (answer = response(200, [])) => scriptedClient([answer], { formatTime: utcClock });

describe('per-host limiters never exceed the published budget', () => {
  it('Binance: 2400 weight a minute, with weights taken from the klines/depth limit', async () => {
    const { time, calls, http } = setup();
    // klines limit 1000 → weight 5, limit 1500 → 10, depth limit 20 → 2 (Binance's published weights).
    const kinds = [
      { url: 'https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=15m&limit=1000', weight: 5 },
      { url: 'https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=15m&limit=1500', weight: 10 },
      { url: 'https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT&limit=20', weight: 2 },
    ];
    const reqs: HttpRequest[] = Array.from({ length: 600 }, (_, i) => {
      const k = kinds[i % 3] ?? kinds[0];
      return { host: 'binance', endpoint: 'klines', method: 'GET', url: k?.url ?? '' };
    });
    const results = await time.run(Promise.all(reqs.map((r) => http.request(r))));
    expect(results.every((r) => r.ok)).toBe(true);
    const weightOf = (url: string) => kinds.find((k) => k.url === url)?.weight ?? 0;
    const sent = calls.map((c) => ({ at: c.at, units: weightOf(c.url) }));
    // 600 requests × 17/3 = 3400 weight cannot fit in one minute. 112 rounds of 5+10+2 = 1904, then 5 and 10
    // more make 1919 ≤ 1920 (our 80 % share): 338 requests at once, the other 262 a minute later.
    expect(sent.reduce((s, c) => s + c.units, 0)).toBe(3400);
    expect(calls.filter((c) => c.at === T0)).toHaveLength(338);
    expect(calls.filter((c) => c.at === T0 + 60_000)).toHaveLength(262);
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(2400);
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(1920); // our 80 % share
    expect(http.stats().binance).toEqual({ requests: 600, weight: 3400 });
  });

  it('Bybit: far below 600 requests per 5 s', async () => {
    const { time, calls, http } = setup(response(200, { retCode: 0, retMsg: 'OK', result: {} }));
    const req: HttpRequest = {
      host: 'bybit',
      endpoint: 'kline',
      method: 'GET',
      url: 'https://api.bybit.com/v5/market/kline?category=linear&symbol=BTCUSDT',
    };
    const results = await time.run(Promise.all(Array.from({ length: 1500 }, () => http.request(req))));
    expect(results.every((r) => r.ok)).toBe(true);
    const sent = calls.map((c) => ({ at: c.at, units: 1 }));
    // 120 every 5 s (a fifth of 600): 1500 requests in 13 rounds, the last at +60 s.
    expect(calls.filter((c) => c.at === T0)).toHaveLength(120);
    expect((calls.at(-1)?.at ?? 0) - T0).toBe(60_000);
    expect(busiestWindow(sent, 5_000)).toBeLessThanOrEqual(120);
  });

  it('OKX: each endpoint within its own limit (candles 40 / 2 s, open-interest history 10 / 2 s)', async () => {
    const { time, calls, http } = setup(response(200, { code: '0', msg: '', data: [] }));
    const candles = 'https://www.okx.com/api/v5/market/candles?instId=BTC-USDT-SWAP&bar=15m';
    const oiHist =
      'https://www.okx.com/api/v5/rubik/stat/contracts/open-interest-history?instId=BTC-USDT-SWAP';
    const reqs: HttpRequest[] = [
      ...Array.from({ length: 900 }, () => ({ url: candles, endpoint: 'candles' })),
      ...Array.from({ length: 220 }, () => ({ url: oiHist, endpoint: 'open-interest history' })),
    ].map((r) => ({ host: 'okx', method: 'GET', ...r }));
    const results = await time.run(Promise.all(reqs.map((r) => http.request(r))));
    expect(results.every((r) => r.ok)).toBe(true);
    const of = (url: string) => calls.filter((c) => c.url === url).map((c) => ({ at: c.at, units: 1 }));
    expect(busiestWindow(of(candles), 2_000)).toBeLessThanOrEqual(40);
    expect(busiestWindow(of(oiHist), 2_000)).toBeLessThanOrEqual(10);
    // The two endpoints do not wait for each other: 220 OI requests at 7 / 2 s end after ~62 s, not after
    // the candles' ~60 s plus theirs.
    expect((of(oiHist).at(-1)?.at ?? 0) - T0).toBeLessThan(70_000);
    expect((calls.at(-1)?.at ?? 0) - T0).toBeGreaterThan(60_000);
  });

  it('Hyperliquid: 1200 weight a minute, counting per-item weight of candleSnapshot', async () => {
    const candles = Array.from({ length: 120 }, (_, i) => ({ t: i }));
    const { time, calls, http } = setup(response(200, candles));
    const req: HttpRequest = {
      host: 'hyperliquid',
      endpoint: 'candleSnapshot',
      method: 'POST',
      url: 'https://api.hyperliquid.xyz/info',
      // 120 candles of 15 minutes.
      body: {
        type: 'candleSnapshot',
        req: { coin: 'BTC', interval: '15m', startTime: 0, endTime: 119 * 900_000 },
      },
    };
    const results = await time.run(Promise.all(Array.from({ length: 150 }, () => http.request(req))));
    expect(results.every((r) => r.ok)).toBe(true);
    // Weight 20 for the request plus 1 per 60 candles = 22; the estimate's 840 (70 %) / 22 → 38 a minute, so 150
    // take 4 rounds.
    const sent = calls.map((c) => ({ at: c.at, units: 22 }));
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(1200);
    expect(calls.filter((c) => c.at === T0)).toHaveLength(38);
    expect((calls.at(-1)?.at ?? 0) - T0).toBe(3 * 60_000);
    expect(http.stats().hyperliquid).toEqual({ requests: 150, weight: 150 * 22 });
  });

  it('Hyperliquid: per-item weight beyond the requested range is charged after the answer', async () => {
    const candles = Array.from({ length: 120 }, (_, i) => ({ t: i }));
    const { time, http } = setup(response(200, candles));
    const body = { type: 'candleSnapshot', req: { coin: 'BTC', interval: '15m', startTime: 0, endTime: 0 } };
    const url = 'https://api.hyperliquid.xyz/info';
    await time.run(
      http.request({ host: 'hyperliquid', endpoint: 'candleSnapshot', method: 'POST', url, body }),
    );
    expect(http.stats().hyperliquid).toEqual({ requests: 1, weight: 22 });
  });

  it('Hyperliquid: a busy estimate leaves the position scanner at least 60 requests a minute', async () => {
    const candles = Array.from({ length: 120 }, (_, i) => ({ t: i }));
    const { time, calls, http } = setup(response(200, candles));
    const url = 'https://api.hyperliquid.xyz/info';
    const body = {
      type: 'candleSnapshot',
      req: { coin: 'BTC', interval: '15m', startTime: 0, endTime: 119 * 900_000 },
    };
    const estimate = Array.from({ length: 200 }, () =>
      http.request({ host: 'hyperliquid', endpoint: 'candleSnapshot', method: 'POST', url, body }),
    );
    const scanner = Array.from({ length: 100 }, (_, i) =>
      http.request({
        host: 'hyperliquid',
        endpoint: 'clearinghouseState',
        method: 'POST',
        url,
        body: { type: 'clearinghouseState', user: `0x${i.toString(16).padStart(40, '0')}` },
      }),
    );
    await time.run(Promise.all([...estimate, ...scanner]));
    const firstMinute = calls.filter((c) => c.at < T0 + 60_000);
    const scans = firstMinute.filter((c) => c.body?.includes('clearinghouseState'));
    // 38 candle requests (836 weight) fit the estimate's 840; the host's 960 leaves the scanner 124 weight: 62.
    expect(firstMinute.length - scans.length).toBe(38);
    expect(scans.length).toBeGreaterThanOrEqual(60);
    const sent = calls.map((c) => ({ at: c.at, units: c.body?.includes('clearinghouseState') ? 2 : 22 }));
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(960);
  });

  it('Hyperliquid: the weight the request carries is used (l2Book 2)', async () => {
    const { time, http } = setup(response(200, { levels: [[], []] }));
    const req: HttpRequest = {
      host: 'hyperliquid',
      endpoint: 'l2Book',
      method: 'POST',
      url: 'https://api.hyperliquid.xyz/info',
      body: { type: 'l2Book', coin: 'BTC' },
    };
    await time.run(Promise.all([http.request(req), http.request({ ...req, weight: 2 })]));
    expect(http.stats().hyperliquid).toEqual({ requests: 2, weight: 4 });
  });
});

describe('Binance X-MBX-USED-WEIGHT-1M', () => {
  const klines = BINANCE_KLINES;

  it('waits for the next minute when the reported weight is at our cap', async () => {
    const { time, calls, http } = setup(response(200, [], { 'X-MBX-USED-WEIGHT-1M': '1950' }));
    await time.run(http.request(klines));
    const second = await time.run(http.request(klines));
    expect(second.ok).toBe(true);
    expect(calls.map((c) => utcClock(c.at))).toEqual(['14:00:10', '14:01:00']);
  });

  it('spreads requests over the rest of the minute once past half the budget', async () => {
    const { time, calls, http } = setup(response(200, [], { 'X-MBX-USED-WEIGHT-1M': '1500' }));
    await time.run(http.request(klines));
    await time.run(http.request(klines));
    // 50 s left of the minute, 1920 − 1500 = 420 weight left: one weight-1 request every 50 000 / 420 ms.
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeCloseTo(50_000 / 420, 3);
  });

  it('does not slow down while the reported weight is low', async () => {
    const { time, calls, http } = setup(response(200, [], { 'X-MBX-USED-WEIGHT-1M': '40' }));
    for (let i = 0; i < 5; i++) await time.run(http.request(klines));
    expect(calls.every((c) => c.at === T0)).toBe(true);
    expect(time.sleeps).toEqual([]);
  });
});

describe('a clock that does not move', () => {
  it('admits requests after a few sleeps instead of waiting forever for the budget to free', async () => {
    let sleeps = 0;
    const { fetch, calls } = scriptedFetch([response(200, [])], () => T0);
    const http = createHttpClient({
      fetch,
      now: () => T0,
      sleep: async () => {
        // Without the guard this loop would spin forever; fail loudly instead of hanging the runner.
        if (++sleeps > 10_000) throw new Error('the limiter kept sleeping on a frozen clock');
      },
      setTimer: () => () => {},
    });
    const depth: HttpRequest = {
      host: 'binance',
      endpoint: 'depth',
      method: 'GET',
      url: 'https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT&limit=1000',
    };
    // 200 × weight 20 = 4,000, over our 1,920 a minute: on a moving clock the 97th request waits a minute.
    for (let i = 0; i < 200; i++) expect((await http.request(depth)).ok).toBe(true);
    expect(calls).toHaveLength(200);
    expect(sleeps).toBe(104 * 3);
  });
});
