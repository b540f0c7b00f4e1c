import type { Depth } from '../../market/types';

type Level = [price: number, size: number];

/** Bids descending, asks ascending, empty levels (size 0) dropped — whatever order the venue sent. */
export function normaliseDepth(bids: Level[], asks: Level[]): Depth {
  const keep = (levels: Level[]) => levels.filter(([, size]) => size > 0);
  return {
    bids: keep(bids).sort((a, b) => b[0] - a[0]),
    asks: keep(asks).sort((a, b) => a[0] - b[0]),
  };
}
