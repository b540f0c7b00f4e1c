import type { HttpClient, SourceFailure } from '../../http/types';
import type { Funding, VenueSnapshot } from '../../market/types';
import { ok, type Result } from '../../util/result';
import { makeFunding } from '../shared';
import type { ContractSize } from './contract';
import { missingRow, okxOpenInterest } from './open-interest';
import { okxGet } from './request';
import { OkxFundingRateSchema, OkxMarkPriceSchema } from './schemas';

const HOUR = 3_600_000;
const DEFAULT_INTERVAL_HOURS = 8;

/** Mark price, funding and current OI: three requests (plus the contract size, once per source). */
export async function okxSnapshot(
  http: HttpClient,
  contractSize: ContractSize,
  instId: string,
  now?: () => number,
): Promise<Result<VenueSnapshot, SourceFailure>> {
  const [mark, funding, openInterest] = await Promise.all([
    okxMark(http, instId, now),
    okxFunding(http, instId, now),
    okxOpenInterest(http, contractSize, instId, now),
  ]);
  if (!mark.ok) return mark;
  if (!funding.ok) return funding;
  if (!openInterest.ok) return openInterest;
  return ok({
    venue: 'okx',
    instrument: instId,
    markPrice: mark.value.price,
    funding: funding.value,
    openInterest: openInterest.value,
    time: mark.value.time,
  });
}

async function okxMark(
  http: HttpClient,
  instId: string,
  now?: () => number,
): Promise<Result<{ price: number; time: number }, SourceFailure>> {
  const query = { instType: 'SWAP', instId };
  const call = { endpoint: 'mark-price', path: '/api/v5/public/mark-price', query, instId };
  const res = await okxGet(http, call, OkxMarkPriceSchema, now);
  if (!res.ok) return res;
  const row = res.value.find((r) => r.instId === instId);
  return row ? ok({ price: row.markPx, time: row.ts }) : missingRow('mark-price', instId);
}

/**
 * `fundingRate` is charged at `fundingTime` (the coming settlement); `nextFundingTime` is the settlement
 * after it, so their gap is the funding interval. When the gap is missing or odd, 8 h is assumed.
 */
async function okxFunding(
  http: HttpClient,
  instId: string,
  now?: () => number,
): Promise<Result<Funding, SourceFailure>> {
  const query = { instId };
  const call = { endpoint: 'funding-rate', path: '/api/v5/public/funding-rate', query, instId };
  const res = await okxGet(http, call, OkxFundingRateSchema, now);
  if (!res.ok) return res;
  const row = res.value.find((r) => r.instId === instId);
  if (!row) return missingRow('funding-rate', instId);
  const intervalHours = fundingIntervalHours(row.fundingTime, row.nextFundingTime);
  return ok(makeFunding(row.fundingRate, intervalHours, row.fundingTime));
}

export function fundingIntervalHours(fundingTime: number, nextFundingTime: number | '' | undefined): number {
  if (typeof nextFundingTime !== 'number') return DEFAULT_INTERVAL_HOURS;
  const hours = (nextFundingTime - fundingTime) / HOUR;
  return Number.isInteger(hours) && hours >= 1 && hours <= 24 ? hours : DEFAULT_INTERVAL_HOURS;
}
