import { describe, expect, it } from 'vitest';
import { createBinanceSource } from '../../../lib/sources/binance';
import { createBybitSource } from '../../../lib/sources/bybit';
import { pagesFor } from '../../../lib/sources/shared/paging';
import { klineRow } from '../binance/rows';
import { envelope } from '../bybit/envelope';
import { paramHttp } from './param-http';

const M1 = 60_000;
const M5 = 300_000;
const DAY = 86_400_000;
const END = 1_700_000_100_000; // a 5-minute boundary

// The page cap must follow the window: a fixed cap of 40 pages cut the oldest part of a 30-day window off.
describe('long windows are paged to their start', () => {
  it('pagesFor: points over page size, plus slack', () => {
    expect(pagesFor(8640, 200)).toBe(44 + 2);
    expect(pagesFor(1, 200)).toBe(1 + 2);
    expect(pagesFor(0, 200, 0)).toBe(0);
  });

  it('Bybit: 30 days of 5m open interest are 44 cursor pages and 8,640 points', async () => {
    const from = END - 30 * DAY + M5; // 8,640 candle opens from … END
    let page = 0;
    const http = paramHttp((q) => {
      const stop = Number(q.get('endTime'));
      const start = Number(q.get('startTime'));
      const limit = Number(q.get('limit'));
      const skip = q.get('cursor') === null ? 0 : Number(q.get('cursor'));
      const list = [];
      for (let T = stop - skip * M5; T >= start && list.length < limit; T -= M5) {
        list.push({ openInterest: '4', singleOpenInterest: String(T / M5), timestamp: String(T) });
      }
      page++;
      return envelope({ list, nextPageCursor: String(skip + list.length) }, END);
    });
    const r = await createBybitSource(http).openInterestHistory('BTC', '5m', from, END);
    if (!r?.ok) throw new Error('failed');
    expect(page).toBe(44);
    expect(r.value).toHaveLength(8640);
    expect(r.value[0]).toEqual({ t: from, oi: from / M5 + 1 });
    expect(r.value.at(-1)).toEqual({ t: END, oi: END / M5 + 1 });
  });

  it('Binance: 30 days of 1m candles are 87 chunks of ≤ 499, all of them fetched', async () => {
    const from = END - 30 * DAY + M1; // 43,200 candle opens
    const http = paramHttp((q) => {
      const rows = [];
      for (let t = Number(q.get('startTime')); t <= Number(q.get('endTime')); t += M1)
        rows.push(klineRow(t, M1));
      return rows;
    });
    const r = await createBinanceSource(http, { now: () => END + 10 * M1 }).candles('BTC', '1m', from, END);
    if (!r.ok) throw new Error(r.error.message);
    expect(http.sent).toHaveLength(Math.ceil(43_200 / 499));
    expect(r.value).toHaveLength(43_200);
    expect(r.value[0]?.t).toBe(from);
  });
});
