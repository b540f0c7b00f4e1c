import type { Depth } from '../../market/types';
import { ok } from '../../util/result';
import { normaliseDepth } from '../shared/depth';
import type { SourceResult } from '../types';
import { type BybitGet, bybitInstrument } from './request';
import { OrderbookSchema } from './schemas';

/** 500 levels a side: the limit both the older ([1, 500]) and newer ([1, 1000]) docs accept; one request either way. */
export const BYBIT_DEPTH_LIMIT = 500;

/** `GET /v5/market/orderbook?category=linear&symbol&limit=500`: `b` bids, `a` asks, `[price, base size]`. */
export async function bybitDepth(get: BybitGet, asset: string): Promise<SourceResult<Depth>> {
  const symbol = bybitInstrument(asset);
  const book = await get({
    endpoint: 'orderbook',
    path: '/v5/market/orderbook',
    params: { category: 'linear', symbol, limit: BYBIT_DEPTH_LIMIT },
    schema: OrderbookSchema,
    symbol,
  });
  if (!book.ok) return book;
  const level = ([price, size]: readonly [number, number, ...unknown[]]): [number, number] => [price, size];
  const { b, a } = book.value.value.result;
  return ok(normaliseDepth(b.map(level), a.map(level)));
}
