import type { VenueSnapshot } from '../../market/types';
import { ok } from '../../util/result';
import { makeFunding } from '../shared/funding';
import type { SourceResult } from '../types';
import { type BinanceGet, binanceInstrument } from './request';
import { FundingInfoSchema, OpenInterestSchema, PremiumIndexSchema } from './schemas';
import { FUNDING_INFO_WEIGHT, OPEN_INTEREST_WEIGHT, PREMIUM_INDEX_WEIGHT } from './weights';

const DEFAULT_FUNDING_HOURS = 8;

/** At most this long between two fundingInfo requests, should no settlement time be known. */
export const FUNDING_INFO_MAX_AGE_MS = 24 * 3_600_000;

export interface FundingIntervals {
  (symbol: string): Promise<SourceResult<Map<string, number>>>;
  /** A settlement the list may change at (a `nextFundingTime`): the list is asked again once it has passed. */
  settlesAt(time: number): void;
}

/**
 * `GET /fapi/v1/fundingInfo` lists only symbols whose funding differs from the default (8 h). Binance
 * changes a symbol's interval at a settlement (8 h → 4 h when the rate keeps hitting its cap), so the list is
 * kept until the next settlement seen, at most a day, and shared by concurrent callers. When a refetch
 * fails the last list is used; a failure with no list yet is returned, and the next call asks again.
 */
export function createFundingIntervals(get: BinanceGet, now: () => number): FundingIntervals {
  let cached: { map: Map<string, number>; until: number } | undefined;
  let pending: Promise<SourceResult<Map<string, number>>> | undefined;
  const lookup = (symbol: string): Promise<SourceResult<Map<string, number>>> => {
    if (cached && now() < cached.until) return Promise.resolve(ok(cached.map));
    pending ??= get({
      endpoint: 'fundingInfo',
      path: '/fapi/v1/fundingInfo',
      params: {},
      weight: FUNDING_INFO_WEIGHT,
      schema: FundingInfoSchema,
      symbol,
    }).then((r): SourceResult<Map<string, number>> => {
      pending = undefined;
      if (!r.ok) return cached ? ok(cached.map) : r;
      const map = new Map(r.value.value.map((row) => [row.symbol, row.fundingIntervalHours]));
      cached = { map, until: now() + FUNDING_INFO_MAX_AGE_MS };
      return ok(map);
    });
    return pending;
  };
  return Object.assign(lookup, {
    settlesAt(time: number) {
      if (cached && time > now()) cached.until = Math.min(cached.until, time);
    },
  });
}

/**
 * `GET /fapi/v1/premiumIndex?symbol` (mark, `lastFundingRate` = the rate of the running interval,
 * `nextFundingTime`), `GET /fapi/v1/openInterest?symbol` (one side, base) and the cached fundingInfo,
 * in parallel. Mark price or open interest failing fails the snapshot; fundingInfo failing (it has a
 * budget of its own) only leaves the funding out, since its interval is then unknown.
 */
export async function binanceSnapshot(
  get: BinanceGet,
  fundingIntervals: FundingIntervals,
  asset: string,
): Promise<SourceResult<VenueSnapshot>> {
  const symbol = binanceInstrument(asset);
  const [premium, openInterest, intervals] = await Promise.all([
    get({
      endpoint: 'premiumIndex',
      path: '/fapi/v1/premiumIndex',
      params: { symbol },
      weight: PREMIUM_INDEX_WEIGHT,
      schema: PremiumIndexSchema,
      symbol,
    }),
    get({
      endpoint: 'openInterest',
      path: '/fapi/v1/openInterest',
      params: { symbol },
      weight: OPEN_INTEREST_WEIGHT,
      schema: OpenInterestSchema,
      symbol,
    }),
    fundingIntervals(symbol),
  ]);
  if (!premium.ok) return premium;
  if (!openInterest.ok) return openInterest;
  const p = premium.value.value;
  fundingIntervals.settlesAt(p.nextFundingTime);
  const hours = intervals.ok ? (intervals.value.get(symbol) ?? DEFAULT_FUNDING_HOURS) : null;
  return ok({
    venue: 'binance',
    instrument: symbol,
    markPrice: p.markPrice,
    funding:
      hours === null
        ? null
        : makeFunding(p.lastFundingRate, hours, p.nextFundingTime > 0 ? p.nextFundingTime : null),
    openInterest: openInterest.value.value.openInterest,
    time: p.time,
  });
}
