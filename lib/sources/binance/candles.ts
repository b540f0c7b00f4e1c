import { durationMs } from '../../market/interval';
import type { Candle } from '../../market/types';
import { err, ok } from '../../util/result';
import { completeCandles } from '../shared/candles';
import { collectChunks, timeChunks } from '../shared/paging';
import type { SourceResult } from '../types';
import { type BinanceGet, binanceInstrument, dateHeader, unsupportedInterval } from './request';
import { KlinesSchema } from './schemas';
import { klinesPageSize, klinesWeight } from './weights';

const KLINE_INTERVALS = new Set(['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d']);

/**
 * `GET /fapi/v1/klines?symbol&interval&startTime&endTime&limit`, one request per time chunk, newest
 * chunk first; `limit` = the chunk's candle count, chunk size chosen for the least weight. A chunk never
 * holds more candles than `limit`, so it comes back whole whichever end Binance fills from.
 * The forming candle is dropped: open + interval > the response's `Date` header, else `now()`.
 */
export async function binanceCandles(
  get: BinanceGet,
  now: () => number,
  asset: string,
  interval: string,
  fromMs: number,
  toMs: number,
): Promise<SourceResult<Candle[]>> {
  if (!KLINE_INTERVALS.has(interval)) return err(unsupportedInterval('klines', interval));
  const symbol = binanceInstrument(asset);
  const step = durationMs(interval);
  const whole = timeChunks(fromMs, toMs, step, Number.MAX_SAFE_INTEGER)[0];
  if (!whole) return ok([]);
  const chunks = timeChunks(fromMs, toMs, step, klinesPageSize(whole.count));
  let serverNow: number | undefined;
  const rows = await collectChunks<Candle>(
    chunks,
    (c) => c.t,
    async ({ start, end, count }) => {
      const page = await get({
        endpoint: 'klines',
        path: '/fapi/v1/klines',
        params: { symbol, interval, startTime: start, endTime: end, limit: count },
        weight: klinesWeight(count),
        schema: KlinesSchema,
        symbol,
      });
      if (!page.ok) return page;
      const date = dateHeader(page.value.response);
      if (date !== undefined) serverNow = Math.max(serverNow ?? date, date);
      const items = page.value.value.map(
        ([t, open, high, low, close, volume, , quoteVolume, , takerBuyVolume]): Candle => ({
          t,
          open,
          high,
          low,
          close,
          volume,
          quoteVolume,
          takerBuyVolume,
        }),
      );
      return ok({ items });
    },
  );
  if (!rows.ok) return rows;
  return ok(completeCandles(rows.value, step, fromMs, toMs, serverNow ?? now()));
}
