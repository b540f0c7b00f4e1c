import { durationMs } from '../../market/interval';
import type { Candle } from '../../market/types';
import { err, ok } from '../../util/result';
import { completeCandles } from '../shared/candles';
import { collectChunks, timeChunks } from '../shared/paging';
import type { SourceResult } from '../types';
import { type BybitGet, bybitInstrument, KLINE_INTERVAL, unsupportedInterval } from './request';
import { KlineSchema } from './schemas';

/** kline serves at most 1000 candles a request. */
const KLINE_PAGE = 1000;

/**
 * `GET /v5/market/kline?category=linear&symbol&interval&start&end&limit`, one request per chunk of
 * ≤ 1000 candles, newest chunk first; rows arrive newest first and are sorted here. Bybit has no taker
 * split (`takerBuyVolume: null`); `turnover` is the quote volume. The forming candle is dropped:
 * open + interval > the envelope's `time` (the venue's clock).
 */
export async function bybitCandles(
  get: BybitGet,
  asset: string,
  interval: string,
  fromMs: number,
  toMs: number,
): Promise<SourceResult<Candle[]>> {
  const code = KLINE_INTERVAL[interval];
  if (!code) return err(unsupportedInterval('kline', interval));
  const symbol = bybitInstrument(asset);
  const step = durationMs(interval);
  const chunks = timeChunks(fromMs, toMs, step, KLINE_PAGE);
  if (chunks.length === 0) return ok([]);
  let serverNow = 0;
  const rows = await collectChunks<Candle>(
    chunks,
    (c) => c.t,
    async ({ start, end, count }) => {
      const page = await get({
        endpoint: 'kline',
        path: '/v5/market/kline',
        params: { category: 'linear', symbol, interval: code, start, end, limit: count },
        schema: KlineSchema,
        symbol,
      });
      if (!page.ok) return page;
      serverNow = Math.max(serverNow, page.value.value.time);
      const items = page.value.value.result.list.map(
        ([t, open, high, low, close, volume, turnover]): Candle => ({
          t,
          open,
          high,
          low,
          close,
          volume,
          quoteVolume: turnover,
          takerBuyVolume: null,
        }),
      );
      return ok({ items });
    },
  );
  if (!rows.ok) return rows;
  return ok(completeCandles(rows.value, step, fromMs, toMs, serverNow));
}
