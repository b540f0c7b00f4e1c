import type { VenueSnapshot } from '../../market/types';
import { ok } from '../../util/result';
import { makeFunding } from '../shared/funding';
import type { SourceResult } from '../types';
import { type BinanceGet, binanceInstrument } from './request';
import { FundingInfoSchema, OpenInterestSchema, PremiumIndexSchema } from './schemas';
import { FUNDING_INFO_WEIGHT, OPEN_INTEREST_WEIGHT, PREMIUM_INDEX_WEIGHT } from './weights';

const DEFAULT_FUNDING_HOURS = 8;

/**
 * `GET /fapi/v1/fundingInfo` lists only symbols whose funding differs from the default (8 h). Fetched at
 * most once per source (shared by concurrent callers); a failure is not kept, the next call retries.
 */
export function createFundingIntervals(get: BinanceGet) {
  let cached: Promise<SourceResult<Map<string, number>>> | undefined;
  return (symbol: string): Promise<SourceResult<Map<string, number>>> => {
    cached ??= get({
      endpoint: 'fundingInfo',
      path: '/fapi/v1/fundingInfo',
      params: {},
      weight: FUNDING_INFO_WEIGHT,
      schema: FundingInfoSchema,
      symbol,
    }).then((r) => {
      if (!r.ok) {
        cached = undefined;
        return r;
      }
      return ok(new Map(r.value.value.map((row) => [row.symbol, row.fundingIntervalHours])));
    });
    return cached;
  };
}

/**
 * `GET /fapi/v1/premiumIndex?symbol` (mark, `lastFundingRate` = the rate of the running interval,
 * `nextFundingTime`), `GET /fapi/v1/openInterest?symbol` (one side, base) and the cached fundingInfo,
 * in parallel. Any of them failing fails the snapshot (its first failure is returned).
 */
export async function binanceSnapshot(
  get: BinanceGet,
  fundingIntervals: ReturnType<typeof createFundingIntervals>,
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
  if (!intervals.ok) return intervals;
  const p = premium.value.value;
  const hours = intervals.value.get(symbol) ?? DEFAULT_FUNDING_HOURS;
  return ok({
    venue: 'binance',
    instrument: symbol,
    markPrice: p.markPrice,
    funding: makeFunding(p.lastFundingRate, hours, p.nextFundingTime > 0 ? p.nextFundingTime : null),
    openInterest: openInterest.value.value.openInterest,
    time: p.time,
  });
}
