import { describe, expect, it } from 'vitest';
import { createBinanceSource } from '../../../lib/sources/binance';
import { klinesPageSize, klinesWeight } from '../../../lib/sources/binance/weights';
import { fakeHttp } from '../shared/fake-http';
import { klineRow, klineRows } from './rows';

const M15 = 900_000;
const END = 1_700_000_100_000; // a 15-minute boundary: 1_888_889 × 900_000
const WEEK = 7 * 86_400_000;
const klines = (start: number, end: number, limit: number) =>
  `/fapi/v1/klines?symbol=BTCUSDT&interval=15m&startTime=${start}&endTime=${end}&limit=${limit}`;
const DATE_5_MIN_AFTER_END = new Date(END + 5 * 60_000).toUTCString(); // candle END is still forming

describe('klines weight and page size', () => {
  it('weights by limit', () => {
    expect([1, 99, 100, 499, 500, 1000, 1001, 1500].map(klinesWeight)).toEqual([1, 1, 2, 2, 5, 5, 10, 10]);
  });

  it('chooses the page size with the least total weight, then the fewest requests', () => {
    expect(klinesPageSize(3)).toBe(99); // 1 × w1
    expect(klinesPageSize(150)).toBe(499); // 1 × w2 beats 2 × w1 on requests
    expect(klinesPageSize(673)).toBe(499); // 2 × w2 = 4 < 1 × w5 < 7 × w1
    expect(klinesPageSize(1000)).toBe(1000); // 1 × w5 < 3 × w2
    expect(klinesPageSize(1500)).toBe(499); // 4 × w2 = 8 < 2 × w5 = 10 = 1 × w10
    expect(klinesPageSize(2000)).toBe(1000); // 2 × w5 = 10 = 5 × w2, fewer requests
  });
});

describe('Binance candles', () => {
  it('a cold week of 15m: two requests of weight 2, newest first, forming candle dropped', async () => {
    const from = END - WEEK; // 673 open times, END included
    const newest = klines(END - 498 * M15, END, 499);
    const oldest = klines(from, END - 499 * M15, 174);
    const http = fakeHttp({
      [newest]: { json: klineRows(END - 498 * M15, END, M15), headers: { date: DATE_5_MIN_AFTER_END } },
      [oldest]: { json: klineRows(from, END - 499 * M15, M15), headers: { date: DATE_5_MIN_AFTER_END } },
    });
    const r = await createBinanceSource(http).candles('btc', '15m', from, END);
    expect(http.paths()).toEqual([newest, oldest]);
    expect(http.sent.map((s) => s.weight)).toEqual([2, 2]);
    expect(
      http.sent.every((s) => s.host === 'binance' && s.endpoint === 'klines' && s.method === 'GET'),
    ).toBe(true);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(672);
    expect(r.value[0]?.t).toBe(from);
    expect(r.value.at(-1)?.t).toBe(END - M15);
    expect(r.value[1]).toEqual({
      t: from + M15,
      open: 100.5,
      high: 110,
      low: 90,
      close: 100 + (((from + M15) / M15) % 7),
      volume: 12.5,
      quoteVolume: 1250.75,
      takerBuyVolume: 7.25,
    });
  });

  it('a warm refresh near the end is one small request of weight 1', async () => {
    const from = END - 2 * M15;
    const path = klines(from, END, 3);
    const http = fakeHttp({ [path]: { json: klineRows(from, END, M15) } });
    const r = await createBinanceSource(http, { now: () => END + M15 }).candles(
      'BTC',
      '15m',
      from,
      END + 60_000,
    );
    expect(http.paths()).toEqual([path]);
    expect(http.sent[0]?.weight).toBe(1);
    expect(r.ok && r.value.map((c) => c.t)).toEqual([from, from + M15, END]); // END closed at now
  });

  it('without a Date header the injected clock decides which candle is still forming', async () => {
    const from = END - 2 * M15;
    const http = fakeHttp({ [klines(from, END, 3)]: { json: klineRows(from, END, M15) } });
    const r = await createBinanceSource(http, { now: () => END + M15 - 1 }).candles('BTC', '15m', from, END);
    expect(r.ok && r.value.map((c) => c.t)).toEqual([from, from + M15]);
  });

  it('dedupes rows that overlap between pages and sorts ascending', async () => {
    // 200 candles → 1 page of 499? No: 200 fits one page. Use 600 to get pages of 499 + 101.
    const from = END - 599 * M15;
    const newer = klines(END - 498 * M15, END, 499);
    const older = klines(from, END - 499 * M15, 101);
    const http = fakeHttp({
      // newest first inside the page too, and the older page repeats 3 of the newer page's rows
      [newer]: { json: klineRows(END - 498 * M15, END, M15).reverse() },
      [older]: { json: klineRows(from, END - 496 * M15, M15) },
    });
    const r = await createBinanceSource(http, { now: () => END + M15 }).candles('BTC', '15m', from, END);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(600);
    expect(r.value.every((c, i) => c.t === from + i * M15)).toBe(true);
  });

  it('stops at a page that brings nothing new (before the listing)', async () => {
    const from = END - 1499 * M15; // 1500 candles → pages of 499: 499, 499, 499, 3
    const listed = END - 300 * M15;
    const pages = [
      klines(END - 498 * M15, END, 499),
      klines(END - 997 * M15, END - 499 * M15, 499),
      klines(END - 1496 * M15, END - 998 * M15, 499),
    ];
    const http = fakeHttp({
      [pages[0] as string]: { json: klineRows(listed, END, M15) },
      [pages[1] as string]: { json: [] },
      [pages[2] as string]: { json: klineRows(listed, listed + M15, M15) },
    });
    const r = await createBinanceSource(http, { now: () => END + M15 }).candles('BTC', '15m', from, END);
    expect(http.paths()).toEqual(pages.slice(0, 2));
    expect(r.ok && r.value.length).toBe(301);
  });

  it('keeps only open times inside the window even if the venue sends more', async () => {
    const from = END - 2 * M15;
    const http = fakeHttp({
      [klines(from, END, 3)]: { json: [klineRow(from - M15, M15), ...klineRows(from, END, M15)] },
    });
    const r = await createBinanceSource(http, { now: () => END + M15 }).candles('BTC', '15m', from, END);
    expect(r.ok && r.value.map((c) => c.t)).toEqual([from, from + M15, END]);
  });

  it('an empty window asks nothing; an empty answer is an empty result', async () => {
    const http = fakeHttp({ [klines(END, END, 1)]: { json: [] } });
    const source = createBinanceSource(http, { now: () => END + M15 });
    expect(await source.candles('BTC', '15m', END + 1, END + 2)).toEqual({ ok: true, value: [] });
    expect(http.sent).toHaveLength(0);
    expect(await source.candles('BTC', '15m', END, END)).toEqual({ ok: true, value: [] });
  });

  it('"NaN" in a row is a bad-response naming the row and column', async () => {
    const rows = klineRows(END - M15, END, M15);
    (rows[1] as unknown[])[4] = 'NaN';
    const http = fakeHttp({ [klines(END - M15, END, 2)]: { json: rows } });
    const r = await createBinanceSource(http).candles('BTC', '15m', END - M15, END);
    expect(r.ok || r.error).toEqual({
      kind: 'bad-response',
      host: 'binance',
      endpoint: 'klines',
      path: '[1][4]',
      message: 'Binance klines: [1][4]: expected a number string, got "NaN"',
    });
  });

  it('a row missing its taker column is a bad-response', async () => {
    const http = fakeHttp({ [klines(END, END, 1)]: { json: [klineRow(END, M15).slice(0, 9)] } });
    const r = await createBinanceSource(http).candles('BTC', '15m', END, END);
    expect(r.ok || r.error.message).toBe(
      'Binance klines: [0][9]: expected a number string, got nothing (the field is missing)',
    );
  });

  it('an interval Binance does not serve is refused before any request', async () => {
    const http = fakeHttp({});
    const r = await createBinanceSource(http).candles('BTC', '7m', END - M15, END);
    expect(r.ok || r.error.message).toBe('Binance klines: the 7m interval is not offered');
    expect(http.sent).toHaveLength(0);
  });
});
