import type { Depth } from '../market/types';
import type { BookDepthUsd } from '../model/cascade';

type Level = [price: number, usd: number];

function mergeSide(levels: Level[], descending: boolean): Level[] {
  const byPrice = new Map<number, number>();
  for (const [price, usd] of levels) byPrice.set(price, (byPrice.get(price) ?? 0) + usd);
  return [...byPrice.entries()].sort((a, b) => (descending ? b[0] - a[0] : a[0] - b[0]));
}

/**
 * The venues' books as one: each level's size × price in USD, levels at the same price added, bids
 * descending and asks ascending. Sizes arrive in base units (the sources convert contracts).
 */
export function mergeDepthUsd(depths: readonly Depth[]): BookDepthUsd {
  const bids: Level[] = [];
  const asks: Level[] = [];
  for (const depth of depths) {
    for (const [price, size] of depth.bids) if (price > 0 && size > 0) bids.push([price, price * size]);
    for (const [price, size] of depth.asks) if (price > 0 && size > 0) asks.push([price, price * size]);
  }
  return { bids: mergeSide(bids, true), asks: mergeSide(asks, false) };
}
