import { describe, expect, it } from 'vitest';
import { createBybitSource } from '../../../lib/sources/bybit';
import { fakeHttp } from '../shared/fake-http';
import { sample } from '../shared/samples';
import { envelope, klineRows } from './envelope';

const M15 = 900_000;
const M5 = 300_000;
const END = 1_700_000_100_000; // a 15-minute boundary
const WEEK = 7 * 86_400_000;
const kline = (interval: string, start: number, end: number, limit: number) =>
  `/v5/market/kline?category=linear&symbol=BTCUSDT&interval=${interval}&start=${start}&end=${end}&limit=${limit}`;

describe('Bybit candles', () => {
  it('the real sample (newest first) comes out ascending, turnover as quote volume, no taker split', async () => {
    const H = 3_600_000;
    const path = kline('60', 1670601600000, 1670608800000, 3);
    const http = fakeHttp({ [path]: { json: sample('bybit-kline') } });
    const r = await createBybitSource(http).candles('BTC', '1h', 1670601600000, 1670608800000);
    expect(http.paths()).toEqual([path]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((c) => c.t)).toEqual([1670601600000, 1670601600000 + H, 1670608800000]);
    expect(r.value[0]).toEqual({
      t: 1670601600000,
      open: 17086.5,
      high: 17088,
      low: 16978,
      close: 17071.5,
      volume: 6356,
      quoteVolume: 0.37288112,
      takerBuyVolume: null,
    });
  });

  it('a cold week of 15m is one request; the candle forming at the envelope time is dropped', async () => {
    const from = END - WEEK;
    const path = kline('15', from, END, 673);
    const http = fakeHttp({
      [path]: { json: envelope({ category: 'linear', list: klineRows(from, END, M15) }, END + 60_000) },
    });
    const r = await createBybitSource(http).candles('BTC', '15m', from, END);
    expect(http.paths()).toEqual([path]);
    expect(http.sent[0]).toMatchObject({ host: 'bybit', endpoint: 'kline', weight: 1 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(672);
    expect(r.value.at(-1)?.t).toBe(END - M15);
    expect(r.value.every((c, i) => c.t === from + i * M15)).toBe(true);
  });

  it('pages of 1000 newest first, overlaps deduped, stops at a page that brings nothing new', async () => {
    const to = END;
    const from = to - 3499 * M5; // 3500 candles → chunks 1000, 1000, 1000, 500
    const listed = to - 1500 * M5;
    const p1 = kline('5', to - 999 * M5, to, 1000);
    const p2 = kline('5', to - 1999 * M5, to - 1000 * M5, 1000);
    const p3 = kline('5', to - 2999 * M5, to - 2000 * M5, 1000);
    const time = to + M5; // all closed
    const http = fakeHttp({
      [p1]: { json: envelope({ list: klineRows(to - 999 * M5, to, M5) }, time) },
      // overlaps p1 by 5 rows; the listing started inside it
      [p2]: { json: envelope({ list: klineRows(listed, to - 995 * M5, M5) }, time) },
      // a venue repeating its oldest rows instead of answering empty: nothing new → stop
      [p3]: { json: envelope({ list: klineRows(listed, listed + 2 * M5, M5) }, time) },
    });
    const r = await createBybitSource(http).candles('BTC', '5m', from, to);
    expect(http.paths()).toEqual([p1, p2, p3]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(1501);
    expect(r.value[0]?.t).toBe(listed);
    expect(r.value.every((c, i) => c.t === listed + i * M5)).toBe(true);
  });

  it('a warm refresh near the end is one small request', async () => {
    const path = kline('15', END - M15, END, 2);
    const http = fakeHttp({
      [path]: { json: envelope({ list: klineRows(END - M15, END, M15) }, END + M15) },
    });
    const r = await createBybitSource(http).candles('BTC', '15m', END - M15, END + 1);
    expect(http.paths()).toEqual([path]);
    expect(r.ok && r.value.map((c) => c.t)).toEqual([END - M15, END]);
  });

  it('an empty list is an empty result', async () => {
    const path = kline('15', END - M15, END, 2);
    const http = fakeHttp({ [path]: { json: envelope({ list: [] }, END + M15) } });
    expect(await createBybitSource(http).candles('BTC', '15m', END - M15, END)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('"NaN" is a bad-response naming venue, endpoint and field path', async () => {
    const rows = klineRows(END - M15, END, M15);
    (rows[0] as string[])[4] = 'NaN';
    const path = kline('15', END - M15, END, 2);
    const http = fakeHttp({ [path]: { json: envelope({ list: rows }, END + M15) } });
    const r = await createBybitSource(http).candles('BTC', '15m', END - M15, END);
    expect(r.ok || r.error).toEqual({
      kind: 'bad-response',
      host: 'bybit',
      endpoint: 'kline',
      path: 'result.list[0][4]',
      message: 'Bybit kline: result.list[0][4]: expected a number string, got "NaN"',
    });
  });

  it('a renamed field is a bad-response with its path', async () => {
    const path = kline('15', END - M15, END, 2);
    const http = fakeHttp({
      [path]: { json: envelope({ rows: klineRows(END - M15, END, M15) }, END + M15) },
    });
    const r = await createBybitSource(http).candles('BTC', '15m', END - M15, END);
    expect(r.ok || r.error.message).toBe('Bybit kline: result.list: missing (expected array)');
  });

  it('an interval Bybit does not serve is refused before any request', async () => {
    const http = fakeHttp({});
    const r = await createBybitSource(http).candles('BTC', '8h', END - M15, END);
    expect(r.ok || r.error.message).toBe('Bybit kline: the 8h interval is not offered');
    expect(http.sent).toHaveLength(0);
  });
});
