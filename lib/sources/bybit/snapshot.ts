import type { SourceFailure } from '../../http/types';
import type { VenueSnapshot } from '../../market/types';
import { err, ok } from '../../util/result';
import { unsupportedSymbol } from '../shared/failure';
import { makeFunding } from '../shared/funding';
import type { SourceResult } from '../types';
import { oneSide } from './open-interest';
import { type BybitGet, bybitInstrument, MARKET } from './request';
import { InstrumentsInfoSchema, TickersSchema } from './schemas';

/**
 * Funding interval in hours from `GET /v5/market/instruments-info?category=linear&symbol`
 * (`fundingInterval`, minutes), asked only when tickers lacks `fundingIntervalHour`; kept per symbol
 * once known, one request shared by concurrent callers, a failure not kept.
 */
export function createFundingHours(get: BybitGet) {
  const known = new Map<string, Promise<SourceResult<number>>>();
  return (symbol: string): Promise<SourceResult<number>> => {
    const hit = known.get(symbol);
    if (hit) return hit;
    const pending = lookUp(get, symbol).then((r) => {
      if (!r.ok) known.delete(symbol);
      return r;
    });
    known.set(symbol, pending);
    return pending;
  };
}

async function lookUp(get: BybitGet, symbol: string): Promise<SourceResult<number>> {
  const info = await get({
    endpoint: 'instruments-info',
    path: '/v5/market/instruments-info',
    params: { category: 'linear', symbol },
    schema: InstrumentsInfoSchema,
    symbol,
  });
  if (!info.ok) return info;
  const row = info.value.value.result.list.find((r) => r.symbol === symbol);
  if (!row) return err(notListed('instruments-info', symbol));
  return ok(row.fundingInterval / 60);
}

/**
 * `GET /v5/market/tickers?category=linear&symbol`: mark, funding rate of the running interval, next
 * funding time and open interest. Open interest is taken as the same figure as the history's
 * `openInterest` (both sides, base units) and halved, unless a `singleOpenInterest` is sent — so the
 * snapshot and the history agree whichever reading is right.
 */
export async function bybitSnapshot(
  get: BybitGet,
  fundingHours: ReturnType<typeof createFundingHours>,
  asset: string,
): Promise<SourceResult<VenueSnapshot>> {
  const symbol = bybitInstrument(asset);
  const tickers = await get({
    endpoint: 'tickers',
    path: '/v5/market/tickers',
    params: { category: 'linear', symbol },
    schema: TickersSchema,
    symbol,
  });
  if (!tickers.ok) return tickers;
  const row = tickers.value.value.result.list.find((r) => r.symbol === symbol);
  if (!row) return err(notListed('tickers', symbol));
  let hours = row.fundingIntervalHour ?? null;
  if (hours === null || hours <= 0) {
    const looked = await fundingHours(symbol);
    if (!looked.ok) return looked;
    hours = looked.value;
  }
  return ok({
    venue: 'bybit',
    instrument: symbol,
    markPrice: row.markPrice,
    funding: makeFunding(row.fundingRate, hours, row.nextFundingTime > 0 ? row.nextFundingTime : null),
    openInterest: oneSide(row),
    time: tickers.value.value.time,
  });
}

function notListed(endpoint: string, symbol: string): SourceFailure {
  return unsupportedSymbol('bybit', endpoint, symbol, MARKET);
}
