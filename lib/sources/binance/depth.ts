import type { Depth } from '../../market/types';
import { ok } from '../../util/result';
import { normaliseDepth } from '../shared/depth';
import type { SourceResult } from '../types';
import { type BinanceGet, binanceInstrument } from './request';
import { DepthSchema } from './schemas';
import { depthWeight } from './weights';

/** 500 levels a side for weight 10; 1000 would cost 20 for levels far from the price. */
export const BINANCE_DEPTH_LIMIT = 500;

/** `GET /fapi/v1/depth?symbol&limit=500`: `[price, base qty]` levels. */
export async function binanceDepth(get: BinanceGet, asset: string): Promise<SourceResult<Depth>> {
  const symbol = binanceInstrument(asset);
  const book = await get({
    endpoint: 'depth',
    path: '/fapi/v1/depth',
    params: { symbol, limit: BINANCE_DEPTH_LIMIT },
    weight: depthWeight(BINANCE_DEPTH_LIMIT),
    schema: DepthSchema,
    symbol,
  });
  if (!book.ok) return book;
  const level = ([price, size]: readonly [number, number, ...unknown[]]): [number, number] => [price, size];
  return ok(normaliseDepth(book.value.value.bids.map(level), book.value.value.asks.map(level)));
}
