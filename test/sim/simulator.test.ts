import { describe, expect, it } from 'vitest';
import { createBtcMarket, createSimulatorFetch, MINUTE } from '../../scripts/lib/sim/index';

const END = Date.UTC(2026, 10, 21);
const NOW = Date.UTC(2026, 10, 20, 12, 5, 30);
const market = createBtcMarket(END);

async function get(
  url: string,
  now = NOW,
  init?: { method?: string; body?: string; headers?: Record<string, string> },
) {
  const fetch = createSimulatorFetch(market, { now });
  const res = await fetch(url, init);
  return { status: res.status, json: JSON.parse(await res.text()), headers: res.headers };
}

const post = (body: unknown, now = NOW) =>
  get('https://api.hyperliquid.xyz/info', now, { method: 'POST', body: JSON.stringify(body) });

describe('venue simulator: one market, consistent across endpoints', () => {
  it('a Binance 15m candle is the fifteen 1m candles it covers', async () => {
    const t = Date.UTC(2026, 10, 20, 9, 0);
    const base = 'https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT';
    const big = await get(`${base}&interval=15m&startTime=${t}&limit=1`);
    const small = await get(`${base}&interval=1m&startTime=${t}&limit=15`);
    const rows = small.json as string[][];
    expect(rows).toHaveLength(15);
    const [row] = big.json as (string | number)[][];
    expect(row?.[0]).toBe(t);
    expect(row?.[1]).toBe(rows[0]?.[1]);
    expect(row?.[4]).toBe(rows[14]?.[4]);
    expect(Number(row?.[2])).toBe(Math.max(...rows.map((r) => Number(r[2]))));
    expect(Number(row?.[3])).toBe(Math.min(...rows.map((r) => Number(r[3]))));
    expect(Number(row?.[5])).toBeCloseTo(
      rows.reduce((s, r) => s + Number(r[5]), 0),
      6,
    );
    expect(row?.[6]).toBe(t + 15 * MINUTE - 1);
  });

  it('the last open-interest history point is the current open interest of that instant', async () => {
    const hist = await get(
      'https://fapi.binance.com/futures/data/openInterestHist?symbol=BTCUSDT&period=15m&limit=2',
    );
    const points = hist.json as { sumOpenInterest: string; timestamp: number }[];
    const last = points[points.length - 1];
    // NOW is 12:05:30 → the latest 15-minute stamp is 12:00.
    expect(last?.timestamp).toBe(Date.UTC(2026, 10, 20, 12, 0));
    const current = await get(
      'https://fapi.binance.com/fapi/v1/openInterest?symbol=BTCUSDT',
      last?.timestamp,
    );
    expect(Number(current.json.openInterest)).toBeCloseTo(Number(last?.sumOpenInterest), 6);
  });

  it('the mark price is the close of the forming candle', async () => {
    const prem = await get('https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT');
    const k = await get('https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=15m&limit=1');
    const [forming] = k.json as (string | number)[][];
    expect(forming?.[0]).toBe(Date.UTC(2026, 10, 20, 12, 0));
    expect(Number(prem.json.markPrice)).toBe(Number(forming?.[4]));
  });

  it('OKX: contracts × ctVal = base units; Bybit: openInterest = 2 × singleOpenInterest', async () => {
    const oi = await get(
      'https://www.okx.com/api/v5/public/open-interest?instType=SWAP&instId=BTC-USDT-SWAP',
    );
    const row = oi.json.data[0];
    expect(Number(row.oi) * 0.01).toBeCloseTo(Number(row.oiCcy), 6);
    const by = await get(
      'https://api.bybit.com/v5/market/open-interest?category=linear&symbol=BTCUSDT&intervalTime=15min&limit=3',
    );
    for (const p of by.json.result.list)
      expect(Number(p.openInterest)).toBeCloseTo(2 * Number(p.singleOpenInterest), 6);
  });

  it('Bybit pages newest first through its cursor without gaps or repeats', async () => {
    const fetch = createSimulatorFetch(market, { now: NOW });
    const base =
      'https://api.bybit.com/v5/market/open-interest?category=linear&symbol=BTCUSDT&intervalTime=1h&limit=200';
    const start = NOW - 20 * 24 * 3_600_000;
    const stamps: number[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const res = await fetch(`${base}&startTime=${start}${cursor ? `&cursor=${cursor}` : ''}`);
      const body = JSON.parse(await res.text());
      stamps.push(...body.result.list.map((p: { timestamp: string }) => Number(p.timestamp)));
      cursor = body.result.nextPageCursor;
      if (!cursor) break;
    }
    // The market starts ten days before END; hourly stamps from its second minute's hour on.
    const first = Math.ceil((market.start + MINUTE) / 3_600_000) * 3_600_000;
    const last = Math.floor(NOW / 3_600_000) * 3_600_000;
    expect(stamps).toHaveLength((last - first) / 3_600_000 + 1);
    expect(stamps[0]).toBe(last);
    expect(stamps.every((s, i) => i === 0 || (stamps[i - 1] as number) - s === 3_600_000)).toBe(true);
  });

  it('OKX candles: `after` returns strictly older rows, newest first, the forming one unconfirmed', async () => {
    const res = await get('https://www.okx.com/api/v5/market/candles?instId=BTC-USDT-SWAP&bar=15m&limit=3');
    const rows = res.json.data as string[][];
    expect(rows.map((r) => Number(r[0]))).toEqual([
      Date.UTC(2026, 10, 20, 12, 0),
      Date.UTC(2026, 10, 20, 11, 45),
      Date.UTC(2026, 10, 20, 11, 30),
    ]);
    expect(rows.map((r) => r[8])).toEqual(['0', '1', '1']);
    const older = await get(
      `https://www.okx.com/api/v5/market/candles?instId=BTC-USDT-SWAP&bar=15m&limit=2&after=${rows[2]?.[0]}`,
    );
    expect(older.json.data.map((r: string[]) => Number(r[0]))).toEqual([
      Date.UTC(2026, 10, 20, 11, 15),
      Date.UTC(2026, 10, 20, 11, 0),
    ]);
  });

  it('Hyperliquid: candles in [startTime, endTime] ascending; context joined by universe index', async () => {
    const candles = await post({
      type: 'candleSnapshot',
      req: {
        coin: 'BTC',
        interval: '1h',
        startTime: Date.UTC(2026, 10, 20, 9),
        endTime: Date.UTC(2026, 10, 20, 11),
      },
    });
    expect(candles.json.map((c: { t: number }) => c.t)).toEqual([
      Date.UTC(2026, 10, 20, 9),
      Date.UTC(2026, 10, 20, 10),
      Date.UTC(2026, 10, 20, 11),
    ]);
    expect(candles.json[0].T).toBe(Date.UTC(2026, 10, 20, 10) - 1);
    const meta = await post({ type: 'metaAndAssetCtxs' });
    const index = meta.json[0].universe.findIndex((u: { name: string }) => u.name === 'BTC');
    const ctx = meta.json[1][index];
    const forming = await post({
      type: 'candleSnapshot',
      req: { coin: 'BTC', interval: '15m', startTime: Date.UTC(2026, 10, 20, 12) },
    });
    expect(forming.json).toHaveLength(1);
    expect(Number(ctx.markPx)).toBe(Number(forming.json[0].c));
  });

  it('the same seed and clock give the same bytes', async () => {
    const url = 'https://api.bybit.com/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=50';
    const a = await createSimulatorFetch(createBtcMarket(END), { now: NOW })(url);
    const b = await createSimulatorFetch(createBtcMarket(END), { now: NOW })(url);
    expect(await a.text()).toBe(await b.text());
  });

  it('unknown symbols get the venue’s own error', async () => {
    const res = await get('https://fapi.binance.com/fapi/v1/klines?symbol=NOPEUSDT&interval=15m');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });
});

describe('venue simulator: faults', () => {
  const url = 'https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=15m&limit=2';

  it('429 carries Retry-After, and a fault limited by `times` heals', async () => {
    const fetch = createSimulatorFetch(market, {
      now: NOW,
      faults: [{ host: 'binance', endpoint: 'klines', kind: 'rate-limited', retryAfter: 7, times: 1 }],
    });
    const first = await fetch(url);
    expect(first.status).toBe(429);
    expect(first.headers.get('Retry-After')).toBe('7');
    const second = await fetch(url);
    expect(second.status).toBe(200);
    expect(fetch.log.map((l) => l.fault)).toEqual(['rate-limited', null]);
  });

  it('truncated JSON does not parse; an HTML page is HTML', async () => {
    const cut = await createSimulatorFetch(market, {
      now: NOW,
      faults: [{ host: 'binance', kind: 'truncated' }],
    })(url);
    const text = await cut.text();
    expect(() => JSON.parse(text)).toThrow();
    const html = await createSimulatorFetch(market, {
      now: NOW,
      faults: [{ host: 'binance', kind: 'html' }],
    })(url);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(await html.text()).toContain('<html>');
  });

  it('renames a field, empties the lists, puts "NaN" in one place', async () => {
    const oiUrl = 'https://fapi.binance.com/futures/data/openInterestHist?symbol=BTCUSDT&period=15m&limit=2';
    const renamed = await createSimulatorFetch(market, {
      now: NOW,
      faults: [
        { host: 'binance', kind: 'renamed-field', from: 'sumOpenInterest', to: 'sumOpenInterestBase' },
      ],
    })(oiUrl);
    const rows = JSON.parse(await renamed.text());
    expect(rows[0].sumOpenInterest).toBeUndefined();
    expect(rows[1].sumOpenInterestBase).toMatch(/^\d+\.\d+$/);

    const empty = await createSimulatorFetch(market, {
      now: NOW,
      faults: [{ host: 'bybit', kind: 'empty' }],
    })('https://api.bybit.com/v5/market/kline?category=linear&symbol=BTCUSDT&interval=15&limit=5');
    const body = JSON.parse(await empty.text());
    expect(body.retCode).toBe(0);
    expect(body.result.list).toEqual([]);

    const nan = await createSimulatorFetch(market, {
      now: NOW,
      faults: [{ host: 'binance', kind: 'nan', column: 4 }],
    })(url);
    const k = JSON.parse(await nan.text());
    expect(k[0][4]).toBe('NaN');
    expect(k[1][4]).toMatch(/^\d+\.\d$/);
  });

  it('Bybit and OKX envelope errors keep HTTP 200', async () => {
    const by = await createSimulatorFetch(market, {
      now: NOW,
      faults: [{ host: 'bybit', kind: 'envelope-error', code: 10016, msg: 'Server error.' }],
    })('https://api.bybit.com/v5/market/tickers?category=linear&symbol=BTCUSDT');
    expect(by.status).toBe(200);
    expect(JSON.parse(await by.text())).toMatchObject({ retCode: 10016, retMsg: 'Server error.' });
    const okx = await createSimulatorFetch(market, {
      now: NOW,
      faults: [{ host: 'okx', kind: 'envelope-error' }],
    })('https://www.okx.com/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP');
    expect(JSON.parse(await okx.text())).toMatchObject({ code: '50001', data: [] });
  });
});
