import type { HttpClient, SourceFailure } from '../../http/types';
import { durationMs } from '../../market/interval';
import type { OiPoint } from '../../market/types';
import { err, ok, type Result } from '../../util/result';
import { alignDown, collectPages, failure, type Page, pagesFor } from '../shared';
import type { ContractSize } from './contract';
import { okxPeriod, unsupportedInterval } from './instrument';
import { okxGet } from './request';
import { OkxOiHistorySchema, OkxOpenInterestSchema } from './schemas';

const HISTORY_PATH = '/api/v5/rubik/stat/contracts/open-interest-history';
const HISTORY_LIMIT = 100;

/**
 * One-sided OI history in base units, ascending. OKX counts each open contract once (one side), so the
 * base figure is contracts × contract size. A row stamped T is the OI measured at the instant T, the end of
 * the candle that opened at T − interval: that candle's open time is the point's `t` (T aligned down to the
 * interval first, so that every point falls on a candle's open time).
 */
export async function okxOpenInterestHistory(
  http: HttpClient,
  contractSize: ContractSize,
  instId: string,
  interval: string,
  fromMs: number,
  toMs: number,
  now?: () => number,
): Promise<Result<OiPoint[], SourceFailure>> {
  const period = okxPeriod(interval);
  if (period === undefined) return err(unsupportedInterval('open-interest-history', interval));
  const size = await contractSize(instId);
  if (!size.ok) return size;
  const step = durationMs(interval);
  // Stamps wanted: T in [fromMs + step, toMs + step]. `end` asks for rows earlier than it.
  const lowStamp = fromMs + step;
  const wanted = (end: number) => Math.floor((end - 1 - lowStamp) / step) + 1;

  const fetchPage = async (end: number): Promise<Result<Page<Stamped, number>, SourceFailure>> => {
    const limit = Math.min(HISTORY_LIMIT, wanted(end));
    const query = { instId, period, end, limit };
    const call = { endpoint: 'open-interest-history', path: HISTORY_PATH, query, instId };
    const res = await okxGet(http, call, OkxOiHistorySchema, now);
    if (!res.ok) return res;
    const items = res.value.map(([stamp, contracts]) => ({ stamp, contracts }));
    const oldest = Math.min(...items.map((r) => r.stamp));
    const more = items.length === limit && oldest < end && wanted(alignDown(oldest, step)) > 0;
    return ok({ items, next: more ? oldest : null });
  };

  if (wanted(toMs + step + 1) <= 0) return ok([]);
  const first = toMs + step + 1;
  const maxPages = pagesFor(wanted(first), HISTORY_LIMIT);
  const rows = await collectPages({ first, fetchPage, key: (r) => r.stamp, maxPages });
  if (!rows.ok) return rows;
  const points: OiPoint[] = [];
  for (const { stamp, contracts } of rows.value) {
    // Aligned down first, as for Binance and Bybit: a stamp a little late still closes its candle.
    const t = alignDown(stamp, step) - step;
    if (t >= fromMs && t <= toMs) points.push({ t, oi: contracts * size.value });
  }
  return ok(points);
}

interface Stamped {
  stamp: number;
  contracts: number;
}

/** Current one-sided OI in base units. */
export async function okxOpenInterest(
  http: HttpClient,
  contractSize: ContractSize,
  instId: string,
  now?: () => number,
): Promise<Result<number, SourceFailure>> {
  const query = { instType: 'SWAP', instId };
  const call = { endpoint: 'open-interest', path: '/api/v5/public/open-interest', query, instId };
  const [size, res] = await Promise.all([
    contractSize(instId),
    okxGet(http, call, OkxOpenInterestSchema, now),
  ]);
  if (!res.ok) return res;
  if (!size.ok) return size;
  const row = res.value.find((r) => r.instId === instId);
  if (!row) return missingRow('open-interest', instId);
  return ok(row.oi * size.value);
}

export function missingRow(endpoint: string, instId: string): Result<never, SourceFailure> {
  return err(failure('bad-response', 'okx', endpoint, `data: no row for ${instId}`, { path: 'data' }));
}
