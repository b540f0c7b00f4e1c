import { durationMs } from '../../market/interval';
import type { OiPoint } from '../../market/types';
import { err, ok } from '../../util/result';
import { alignDown, collectPages, pagesFor, timeChunks } from '../shared/paging';
import type { SourceResult } from '../types';
import { type BybitGet, bybitInstrument, OI_INTERVAL, unsupportedInterval } from './request';
import { OpenInterestSchema } from './schemas';

/** open-interest serves at most 200 points a request. */
const OI_PAGE = 200;

/** One side: `singleOpenInterest` when sent, else half of `openInterest` (both sides, per the docs). */
export function oneSide(row: {
  openInterest: number;
  singleOpenInterest?: number | null | undefined;
}): number {
  return row.singleOpenInterest ?? row.openInterest / 2;
}

/**
 * Sends a cursor back as Bybit gave it when it is already percent-encoded (as documented:
 * `lastid%3D…%26lasttime%3D…`), else encodes it.
 */
export function cursorParam(cursor: string): string {
  return /^[A-Za-z0-9%._~-]*$/.test(cursor) ? cursor : encodeURIComponent(cursor);
}

/**
 * `GET /v5/market/open-interest?category=linear&symbol&intervalTime&startTime&endTime&limit[&cursor]`,
 * newest first, following `nextPageCursor` (same query plus `cursor`) until a page is short, reaches
 * `startTime`, has no cursor or brings nothing new. A point stamped T was measured at T, the end of the
 * candle that opened at T − interval: t = T − interval.
 */
export async function bybitOpenInterestHistory(
  get: BybitGet,
  asset: string,
  interval: string,
  fromMs: number,
  toMs: number,
): Promise<SourceResult<OiPoint[]>> {
  const intervalTime = OI_INTERVAL[interval];
  if (!intervalTime) return err(unsupportedInterval('open-interest', interval));
  const symbol = bybitInstrument(asset);
  const step = durationMs(interval);
  const span = timeChunks(fromMs + step, toMs + step, step, Number.MAX_SAFE_INTEGER)[0];
  if (!span) return ok([]);
  const limit = Math.min(OI_PAGE, span.count);
  const points = await collectPages<OiPoint, string>({
    first: '',
    key: (p) => p.t,
    // 30 days of 5m are 8,640 points: 44 pages of 200.
    maxPages: pagesFor(span.count, limit),
    fetchPage: async (cursor) => {
      const page = await get({
        endpoint: 'open-interest',
        path: '/v5/market/open-interest',
        params: {
          category: 'linear',
          symbol,
          intervalTime,
          startTime: span.start,
          endTime: span.end,
          limit,
        },
        raw: { cursor: cursor ? cursorParam(cursor) : undefined },
        schema: OpenInterestSchema,
        symbol,
      });
      if (!page.ok) return page;
      const { list, nextPageCursor } = page.value.value.result;
      const oldest = Math.min(...list.map((row) => row.timestamp));
      const done = list.length < limit || !nextPageCursor || oldest <= span.start;
      const items = list.map((row) => ({ t: alignDown(row.timestamp, step) - step, oi: oneSide(row) }));
      return ok({ items, next: done ? null : (nextPageCursor as string) });
    },
  });
  if (!points.ok) return points;
  return ok(points.value.filter((p) => p.t >= fromMs && p.t <= toMs));
}
