import type { HttpClient, SourceFailure } from '../../http/types';
import { err, ok, type Result } from '../../util/result';
import { z } from '../../util/zod';
import { numLoose, unsupportedSymbol } from '../shared';
import { coinglassGet } from './request';

export const COINGLASS_RANGES = ['12h', '24h', '3d', '7d', '30d', '90d', '180d', '1y'] as const;
export type CoinglassRange = (typeof COINGLASS_RANGES)[number];

/** Notional (USD) that would be liquidated at a price, summed over venues and leverage, both sides together. */
export interface LiquidationLevel {
  price: number;
  usd: number;
}

/** `{data: {"<price>": [[price, usd, leverage|null, null], …]}}`. */
const AggregatedMapSchema = z.looseObject({
  data: z.record(z.string(), z.array(z.tuple([numLoose(), numLoose()], z.unknown()))),
});

/**
 * `GET /api/futures/liquidation/aggregated-map?symbol=BTC&range=7d` (Professional plan): the levels,
 * ascending by price, same-price rows summed, non-positive prices and amounts left out.
 */
export async function coinglassAggregatedMap(
  http: HttpClient,
  apiKey: string,
  asset: string,
  range: CoinglassRange,
): Promise<Result<LiquidationLevel[], SourceFailure>> {
  const endpoint = 'aggregated-map';
  if (!/^[A-Z0-9]{1,20}$/.test(asset)) {
    return err(unsupportedSymbol('coinglass', endpoint, asset, 'CoinGlass liquidation maps'));
  }
  const res = await coinglassGet(
    http,
    apiKey,
    { endpoint, path: '/api/futures/liquidation/aggregated-map', query: { symbol: asset, range } },
    AggregatedMapSchema,
  );
  if (!res.ok) return res;
  const byPrice = new Map<number, number>();
  for (const rows of Object.values(res.value.data)) {
    for (const [price, usd] of rows) {
      if (price > 0 && usd > 0) byPrice.set(price, (byPrice.get(price) ?? 0) + usd);
    }
  }
  const levels = [...byPrice.entries()].map(([price, usd]) => ({ price, usd }));
  return ok(levels.sort((a, b) => a.price - b.price));
}
