import type { SourceFailure } from '../../http/types';
import { durationMs } from '../../market/interval';
import type { OiPoint } from '../../market/types';
import { err, ok } from '../../util/result';
import { alignDown, collectChunks, timeChunks } from '../shared/paging';
import type { SourceResult } from '../types';
import { type BinanceGet, binanceInstrument, unsupportedInterval } from './request';
import { OpenInterestHistSchema } from './schemas';
import { OPEN_INTEREST_HIST_WEIGHT } from './weights';

const OI_PERIODS = new Set(['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d']);
/** openInterestHist serves at most 500 points a request, and only the last 30 days. */
const OI_PAGE = 500;

/**
 * A chunk that starts before the 30 days Binance keeps is refused (HTTP 400, -1130 "Data sent for parameter
 * 'startTime' is not valid") rather than answered empty: that is the end of the history, not a failure.
 * The chunk is asked once more without its start (its newest `limit` points up to its end, which the venue
 * cuts at its 30 days), so the kept part of a chunk that straddles the limit is not lost with it.
 */
function tooOld(f: SourceFailure): boolean {
  return f.status === 400 && /-1130|starttime/i.test(f.message);
}

/**
 * `GET /futures/data/openInterestHist?symbol&period&limit&startTime&endTime`, chunks of ≤ 500 points,
 * newest first; an empty or refused chunk (older than 30 days) ends paging. `sumOpenInterest` is one side, in base.
 * A point stamped T was measured at T, the end of the candle that opened at T − period: t = T − period
 * (T aligned down to the period first, in case a stamp is a little late).
 */
export async function binanceOpenInterestHistory(
  get: BinanceGet,
  asset: string,
  interval: string,
  fromMs: number,
  toMs: number,
): Promise<SourceResult<OiPoint[]>> {
  if (!OI_PERIODS.has(interval)) return err(unsupportedInterval('openInterestHist', interval));
  const symbol = binanceInstrument(asset);
  const step = durationMs(interval);
  const chunks = timeChunks(fromMs + step, toMs + step, step, OI_PAGE);
  if (chunks.length === 0) return ok([]);
  const points = await collectChunks<OiPoint>(
    chunks,
    (p) => p.t,
    async ({ start, end, count }) => {
      const request = (startTime: number | undefined) =>
        get({
          endpoint: 'openInterestHist',
          path: '/futures/data/openInterestHist',
          params: { symbol, period: interval, limit: count, startTime, endTime: end },
          weight: OPEN_INTEREST_HIST_WEIGHT,
          schema: OpenInterestHistSchema,
          symbol,
        });
      let page = await request(start);
      // Refused as too old: the chunk's kept part, if any, is the oldest there is.
      const refused = !page.ok && tooOld(page.error);
      if (refused) {
        page = await request(undefined);
        // Refused again: nothing of the chunk is kept. Any other failure (a pause, an outage) is one like every
        // chunk's: said, not passed off as the end of the history.
        if (!page.ok && tooOld(page.error)) return ok({ items: [], end: true });
      }
      if (!page.ok) return page;
      const items = page.value.value.map((row) => ({
        t: alignDown(row.timestamp, step) - step,
        oi: row.sumOpenInterest,
      }));
      return ok({ items, end: refused });
    },
  );
  if (!points.ok) return points;
  return ok(points.value.filter((p) => p.t >= fromMs && p.t <= toMs));
}
