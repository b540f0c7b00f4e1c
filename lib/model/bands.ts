import { type Grid, gridOf } from './bins';
import type { Band, Bins, Side } from './cluster-view';

/**
 * model.md "Bands" for one side: dense bins (≥ max(minBinUsd, 2 × mean of the side's non-empty bins)),
 * maximal runs of them, runs one non-dense bin apart merged with that bin.
 */
export function sideBands(grid: Grid, values: ArrayLike<number>, side: Side, minBinUsd: number): Band[] {
  const count = grid.count;
  let total = 0;
  let nonEmpty = 0;
  for (let k = 0; k < count; k++) {
    const v = values[k] as number;
    if (v > 0) {
      total += v;
      nonEmpty++;
    }
  }
  if (nonEmpty === 0) return [];
  const threshold = Math.max(minBinUsd, (2 * total) / nonEmpty);
  const dense = (k: number): boolean => (values[k] as number) >= threshold && (values[k] as number) > 0;

  const bands: Band[] = [];
  let k = 0;
  while (k < count) {
    if (!dense(k)) {
      k++;
      continue;
    }
    const first = k;
    let last = k;
    for (;;) {
      while (last + 1 < count && dense(last + 1)) last++;
      // One non-dense bin, then a dense one: the runs merge, that bin included.
      if (last + 2 < count && dense(last + 2)) last += 2;
      else break;
    }
    let sum = 0;
    let peakBin = first;
    for (let j = first; j <= last; j++) {
      const v = values[j] as number;
      sum += v;
      if (v > (values[peakBin] as number)) peakBin = j;
    }
    const edges = grid.edges;
    bands.push({
      side,
      low: edges[first] as number,
      high: edges[last + 1] as number,
      peak: ((edges[peakBin] as number) + (edges[peakBin + 1] as number)) / 2,
      notionalUsd: sum,
      share: Math.min(1, sum / total),
    });
    k = last + 1;
  }
  return bands;
}

/** Bands of both sides, largest notional first; ties by lower edge, then longs before shorts. */
export function findBands(bins: Bins, minBinUsd: number, grid: Grid = gridOf(bins)): Band[] {
  const bands = [
    ...sideBands(grid, bins.long, 'long', minBinUsd),
    ...sideBands(grid, bins.short, 'short', minBinUsd),
  ];
  return bands.sort(
    (a, b) =>
      b.notionalUsd - a.notionalUsd || a.low - b.low || (a.side === b.side ? 0 : a.side === 'long' ? -1 : 1),
  );
}
