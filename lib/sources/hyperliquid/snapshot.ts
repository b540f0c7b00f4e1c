import type { HttpClient, SourceFailure } from '../../http/types';
import type { VenueSnapshot } from '../../market/types';
import { err, ok, type Result } from '../../util/result';
import { makeFunding, parseWith, unsupportedSymbol } from '../shared';
import { dateHeader, HYPERLIQUID_MARKET, hyperliquidInfo } from './request';
import { type HlAssetCtx, HlMetaAndAssetCtxsShape, metaAndAssetCtxsSchema } from './schemas';
import type { Universe } from './universe';

const HOUR = 3_600_000;

export interface HyperliquidSnapshotOptions {
  /** How many sides `openInterest` counts: 1 (assumed: every long has its short, counted once) or 2. */
  openInterestSides: 1 | 2;
}

/**
 * One `metaAndAssetCtxs` request (weight 20): mark price, funding and open interest, joined to the coin
 * by its index in `universe`. Funding is paid every hour, so `funding` is an hourly rate (8 h = 8×) and
 * the next payment is the next full hour of the venue's clock (the `Date` header, else `now()`).
 */
export async function hyperliquidSnapshot(
  http: HttpClient,
  universe: Universe,
  now: () => number,
  coin: string,
  opts: HyperliquidSnapshotOptions,
): Promise<Result<VenueSnapshot, SourceFailure>> {
  const endpoint = 'metaAndAssetCtxs';
  const res = await hyperliquidInfo(http, { type: endpoint }, HlMetaAndAssetCtxsShape);
  if (!res.ok) return res;
  const listing = res.value.value[0].universe;
  universe.remember(listing);
  // Contexts are joined by index over the whole universe, delisted coins included.
  const index = listing.findIndex((u) => u.name === coin);
  if (index < 0 || listing[index]?.isDelisted === true) {
    return err(unsupportedSymbol('hyperliquid', endpoint, coin, HYPERLIQUID_MARKET));
  }
  const full = parseWith(metaAndAssetCtxsSchema(index), res.value.response.json, 'hyperliquid', endpoint);
  if (!full.ok) return full;
  const ctx = (full.value[1] as unknown[])[index] as HlAssetCtx;
  const time = dateHeader(res.value.response) ?? now();
  return ok({
    venue: 'hyperliquid',
    instrument: coin,
    markPrice: ctx.markPx,
    funding: makeFunding(ctx.funding, 1, Math.floor(time / HOUR) * HOUR + HOUR),
    openInterest: ctx.openInterest / opts.openInterestSides,
    time,
  });
}
