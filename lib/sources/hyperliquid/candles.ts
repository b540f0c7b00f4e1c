import type { HttpClient, SourceFailure } from '../../http/types';
import { durationMs } from '../../market/interval';
import type { Candle } from '../../market/types';
import { err, ok, type Result } from '../../util/result';
import { collectChunks, completeCandles, failure, timeChunks } from '../shared';
import { dateHeader, hyperliquidInfo } from './request';
import { HlCandlesSchema } from './schemas';
import type { Universe } from './universe';

/** `candleSnapshot` answers at most 5,000 candles (and keeps only the most recent 5,000). */
export const HL_CANDLES_PER_REQUEST = 5000;

/** The `candleSnapshot` intervals that are whole minutes, hours or days (not `1w`, `1M`). */
const HL_INTERVALS = new Set(['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '8h', '12h', '1d', '3d']);

/**
 * Complete candles with open time in [fromMs, toMs], ascending: one `candleSnapshot` per chunk of at most
 * 5,000 candles, newest chunk first, until a chunk brings nothing new. Hyperliquid has no quote or taker
 * volume. The forming candle is dropped: open + interval > the response's `Date` header, else `now()`.
 */
export async function hyperliquidCandles(
  http: HttpClient,
  universe: Universe,
  now: () => number,
  coin: string,
  interval: string,
  fromMs: number,
  toMs: number,
): Promise<Result<Candle[], SourceFailure>> {
  if (!HL_INTERVALS.has(interval)) {
    return err(failure('http', 'hyperliquid', 'candleSnapshot', `the ${interval} interval is not offered`));
  }
  const step = durationMs(interval);
  const chunks = timeChunks(fromMs, toMs, step, HL_CANDLES_PER_REQUEST);
  if (chunks.length === 0) return ok([]);
  let serverNow: number | undefined;
  let unknownCoin = false;
  const rows = await collectChunks<Candle>(
    chunks,
    (c) => c.t,
    async ({ start, end }) => {
      // endTime covers the whole of the last candle, whichever of its times Hyperliquid compares.
      const req = { coin, interval, startTime: start, endTime: end + step - 1 };
      const page = await hyperliquidInfo(http, { type: 'candleSnapshot', req }, HlCandlesSchema);
      if (!page.ok) return page;
      const date = dateHeader(page.value.response);
      if (date !== undefined) serverNow = Math.max(serverNow ?? date, date);
      if (page.value.value === null) unknownCoin = true;
      const items = (page.value.value ?? []).map(
        ({ t, o, h, l, c, v }): Candle => ({
          t,
          open: o,
          high: h,
          low: l,
          close: c,
          volume: v,
          quoteVolume: null,
          takerBuyVolume: null,
        }),
      );
      return ok({ items });
    },
  );
  if (!rows.ok) return rows;
  if (rows.value.length === 0 || unknownCoin) {
    const listed = await universe.check(coin, 'candleSnapshot');
    if (!listed.ok) return listed;
  }
  return ok(completeCandles(rows.value, step, fromMs, toMs, serverNow ?? now()));
}
