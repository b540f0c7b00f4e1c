import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHyperliquidSource } from '../../../lib/sources/hyperliquid';
import { fakeHttp } from '../okx/fake-http';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api-samples/${name}`, import.meta.url), 'utf8'));

const HOUR = 3_600_000;
const FIRST = 1684699200000;
const LAST = 1684706400000;
const META = { universe: [{ name: 'BTC', szDecimals: 5, maxLeverage: 50 }] };

describe('Hyperliquid candles', () => {
  it('parses the real sample: base volume, no quote or taker volume', async () => {
    const http = fakeHttp(() => sample('hyperliquid-candleSnapshot.json'));
    const hl = createHyperliquidSource(http, { now: () => LAST + HOUR });
    const res = await hl.candles('BTC', '1h', FIRST, LAST);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.map((c) => c.t)).toEqual([FIRST, FIRST + HOUR, LAST]);
    expect(res.value[0]).toEqual({
      t: 1684699200000,
      open: 0.001601,
      high: 0.001616,
      low: 0.001601,
      close: 0.001604,
      volume: 520665683,
      quoteVolume: null,
      takerBuyVolume: null,
    });
    expect(http.requests).toEqual([
      {
        host: 'hyperliquid',
        endpoint: 'candleSnapshot',
        method: 'POST',
        url: 'https://api.hyperliquid.xyz/info',
        body: {
          type: 'candleSnapshot',
          req: { coin: 'BTC', interval: '1h', startTime: FIRST, endTime: LAST + HOUR - 1 },
        },
        weight: 20,
      },
    ]);
  });

  it('drops the forming candle by the clock given', async () => {
    const http = fakeHttp(() => sample('hyperliquid-candleSnapshot.json'));
    const res = await createHyperliquidSource(http, { now: () => LAST + HOUR - 1 }).candles(
      'BTC',
      '1h',
      FIRST,
      LAST,
    );
    expect(res.ok && res.value.map((c) => c.t)).toEqual([FIRST, FIRST + HOUR]);
  });

  it("prefers the venue's Date header to the local clock", async () => {
    // 2023-05-21T22:59:59Z: the candle opened at 22:00 has not closed on Hyperliquid's clock.
    const http = fakeHttp(() => ({
      status: 200,
      headers: { date: 'Sun, 21 May 2023 22:59:59 GMT' },
      json: sample('hyperliquid-candleSnapshot.json'),
    }));
    const res = await createHyperliquidSource(http, { now: () => LAST + 10 * HOUR }).candles(
      'BTC',
      '1h',
      FIRST,
      LAST,
    );
    expect(res.ok && res.value.map((c) => c.t)).toEqual([FIRST, FIRST + HOUR]);
  });

  it('asks a 7-day 15-minute window in one request', async () => {
    const http = fakeHttp(() => []);
    const now = 1_743_588_000_000;
    await createHyperliquidSource(http, { now: () => now }).candles('BTC', '15m', now - 7 * 24 * HOUR, now);
    expect(http.requests.filter((r) => r.endpoint === 'candleSnapshot')).toHaveLength(1);
  });

  it('splits a window longer than 5,000 candles, newest chunk first', async () => {
    const step = 5 * 60_000;
    const to = 1_743_588_000_000;
    const from = to - 8639 * step; // 8,640 candles: 5,000 then 3,640
    const http = fakeHttp((req) => {
      const { startTime, endTime } = (req.body as { req: { startTime: number; endTime: number } }).req;
      const out = [];
      for (let t = startTime; t <= endTime; t += step) {
        out.push({ t, T: t + step - 1, s: 'BTC', i: '5m', o: '1', c: '1', h: '1', l: '1', v: '2', n: 1 });
      }
      return out;
    });
    const res = await createHyperliquidSource(http, { now: () => to + step }).candles('BTC', '5m', from, to);
    const reqs = http.requests.map((r) => (r.body as { req: { startTime: number; endTime: number } }).req);
    expect(reqs.map((r) => [r.startTime, r.endTime])).toEqual([
      [to - 4999 * step, to + step - 1],
      [from, to - 5000 * step + step - 1],
    ]);
    expect(res.ok && res.value.length).toBe(8640);
  });

  it('reports a coin Hyperliquid does not list as unsupported-symbol', async () => {
    const http = fakeHttp((req) => ((req.body as { type: string }).type === 'meta' ? META : null));
    const res = await createHyperliquidSource(http, { now: () => LAST }).candles('FOO', '1h', FIRST, LAST);
    expect(res).toMatchObject({
      ok: false,
      error: {
        kind: 'unsupported-symbol',
        host: 'hyperliquid',
        endpoint: 'candleSnapshot',
        message: 'FOO is not listed on Hyperliquid perpetuals',
      },
    });
    expect(http.requests.map((r) => r.endpoint)).toEqual(['candleSnapshot', 'meta']);
  });

  it('returns no candles for a listed coin with none in the window', async () => {
    const http = fakeHttp((req) => ((req.body as { type: string }).type === 'meta' ? META : []));
    const hl = createHyperliquidSource(http, { now: () => LAST });
    expect(await hl.candles('BTC', '1h', FIRST, LAST)).toEqual({ ok: true, value: [] });
    expect(await hl.candles('BTC', '1h', FIRST, LAST)).toEqual({ ok: true, value: [] });
    // The listing is asked once and kept.
    expect(http.requests.map((r) => r.endpoint)).toEqual(['candleSnapshot', 'meta', 'candleSnapshot']);
  });

  it('names the field of a candle with a "NaN" price', async () => {
    const rows = sample('hyperliquid-candleSnapshot.json');
    rows[1].h = 'NaN';
    const res = await createHyperliquidSource(
      fakeHttp(() => rows),
      { now: () => LAST },
    ).candles('BTC', '1h', FIRST, LAST);
    expect(res).toMatchObject({
      ok: false,
      error: { kind: 'bad-response', endpoint: 'candleSnapshot', path: '[1].h' },
    });
    expect(!res.ok && res.error.message).toMatch(/^Hyperliquid candleSnapshot: \[1\]\.h: .*"NaN"/);
  });

  it('has no open-interest history', () => {
    expect(createHyperliquidSource(fakeHttp(() => null)).openInterestHistory()).toBeNull();
  });
});

describe('Hyperliquid intervals', () => {
  it('refuses an interval candleSnapshot does not serve as a failure, asking nothing (no exception)', async () => {
    const http = fakeHttp(() => {
      throw new Error('no request expected');
    });
    const r = await createHyperliquidSource(http).candles('BTC', '1w', 0, 86_400_000);
    expect(r.ok || r.error).toMatchObject({
      kind: 'http',
      host: 'hyperliquid',
      message: 'Hyperliquid candleSnapshot: the 1w interval is not offered',
    });
    expect(http.requests).toHaveLength(0);
  });
});
