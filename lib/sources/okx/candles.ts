import type { HttpClient, SourceFailure } from '../../http/types';
import { durationMs } from '../../market/interval';
import type { Candle } from '../../market/types';
import { err, ok, type Result } from '../../util/result';
import { collectPages, type Page, pagesFor } from '../shared';
import { okxBar, unsupportedInterval } from './instrument';
import { okxGet } from './request';
import { OkxCandlesSchema } from './schemas';

/** `candles` serves the latest 1,440 bars, up to 300 a request; `history-candles` older ones, 100 a request. */
const RECENT = { endpoint: 'candles', path: '/api/v5/market/candles', limit: 300 } as const;
const HISTORY = { endpoint: 'history-candles', path: '/api/v5/market/history-candles', limit: 100 } as const;
type Endpoint = typeof RECENT | typeof HISTORY;

/** `after` returns rows strictly earlier than it. */
interface Cursor {
  after: number;
  from: Endpoint;
}

/** A row as it came, kept for paging even when it is dropped (unfinished, outside the window). */
interface Row {
  t: number;
  candle: Candle | null;
}

/**
 * Complete candles with open time in [fromMs, toMs], ascending. Pages backwards from toMs with `after`,
 * newest first, asking each time for no more than the window still needs; moves on to `history-candles`
 * once `candles` runs out. The unfinished candle (`confirm = "0"`) is dropped.
 */
export async function okxCandles(
  http: HttpClient,
  instId: string,
  interval: string,
  fromMs: number,
  toMs: number,
  now?: () => number,
): Promise<Result<Candle[], SourceFailure>> {
  const bar = okxBar(interval);
  if (bar === undefined) return err(unsupportedInterval('candles', interval));
  const step = durationMs(interval);
  const wanted = (after: number) => Math.floor((after - 1 - fromMs) / step) + 1;

  const fetchRows = (cursor: Cursor, limit: number) =>
    okxGet(
      http,
      { ...cursor.from, instId, query: { instId, bar, after: cursor.after, limit } },
      OkxCandlesSchema,
      now,
    );

  const fetchPage = async (cursor: Cursor): Promise<Result<Page<Row, Cursor>, SourceFailure>> => {
    let from = cursor.from;
    let limit = Math.min(from.limit, wanted(cursor.after));
    let res = await fetchRows(cursor, limit);
    if (res.ok && res.value.length === 0 && from === RECENT) {
      // Older than anything `candles` keeps.
      from = HISTORY;
      limit = Math.min(from.limit, wanted(cursor.after));
      res = await fetchRows({ after: cursor.after, from }, limit);
    }
    if (!res.ok) return res;
    const items: Row[] = res.value.map(([t, open, high, low, close, , volCcy, volCcyQuote, confirm]) => ({
      t,
      candle:
        confirm === '1' && t >= fromMs && t <= toMs
          ? { t, open, high, low, close, volume: volCcy, quoteVolume: volCcyQuote, takerBuyVolume: null }
          : null,
    }));
    const oldest = Math.min(...items.map((r) => r.t));
    const more = items.length > 0 && oldest > fromMs && oldest < cursor.after && wanted(oldest) > 0;
    // A short page from `candles` means it has nothing older: the rest is in `history-candles`.
    const next = items.length < limit && from === RECENT ? HISTORY : from;
    const ended = items.length < limit && from === HISTORY;
    return ok({ items, next: more && !ended ? { after: oldest, from: next } : null });
  };

  if (wanted(toMs + 1) <= 0) return ok([]);
  const rows = await collectPages({
    first: { after: toMs + 1, from: RECENT },
    fetchPage,
    key: (r) => r.t,
    // At worst every page comes from `history-candles` (100 a page).
    maxPages: pagesFor(wanted(toMs + 1), HISTORY.limit),
  });
  if (!rows.ok) return rows;
  return ok(rows.value.flatMap((r) => (r.candle ? [r.candle] : [])));
}
