import { type Grid, gridOf } from './bins';
import type { Bins, Side } from './cluster-view';

/**
 * Notional of `values` (one side's bins on `grid`) inside [a, b], each bin counting in proportion to
 * its overlap (notional spread evenly across a bin). Whether an end is open or closed does not matter
 * under this rule.
 */
export function notionalBetween(grid: Grid, values: ArrayLike<number>, a: number, b: number): number {
  if (!(b > a)) return 0;
  const { edges, count } = grid;
  let k = Math.floor((a - grid.low) / grid.width) - 1;
  if (k < 0) k = 0;
  let sum = 0;
  for (; k < count; k++) {
    const lo = edges[k] as number;
    if (lo >= b) break;
    const hi = edges[k + 1] as number;
    if (hi <= a) continue;
    const v = values[k] as number;
    if (v === 0) continue;
    const from = Math.max(lo, a);
    const to = Math.min(hi, b);
    if (from === lo && to === hi) sum += v;
    else {
      // Capped so a nearly whole bin never counts more than the whole one (keeps at-risk monotone).
      const part = (v * (to - from)) / (hi - lo);
      sum += Math.min(part, v);
    }
  }
  return sum;
}

/**
 * model.md "At-risk figures": shorts liquidated in (P, P·(1 + x)] or longs in [P·(1 − x), P), with
 * x = movePct / 100 and partial bins counted pro rata.
 */
export function atRiskNotional(bins: Bins, price: number, side: Side, movePct: number): number {
  const grid = gridOf(bins);
  const x = movePct / 100;
  return side === 'short'
    ? notionalBetween(grid, bins.short, price, price * (1 + x))
    : notionalBetween(grid, bins.long, price * (1 - x), price);
}

/**
 * The inverse of `atRiskNotional`: the smallest move, in % of `price` (the unit of `movePct`), whose
 * at-risk notional reaches `usd` — up for shorts, down for longs — under the same uniform-within-bin
 * rule; `null` when the whole grid on that side holds less than `usd`.
 */
export function moveToLiquidate(bins: Bins, price: number, side: Side, usd: number): number | null {
  if (!(usd > 0)) return 0;
  const grid = gridOf(bins);
  const { edges, count } = grid;
  let cum = 0;
  if (side === 'short') {
    const values = bins.short;
    for (let k = 0; k < count; k++) {
      const hi = edges[k + 1] as number;
      if (hi <= price) continue;
      const lo = edges[k] as number;
      const v = values[k] as number;
      if (v === 0) continue;
      const from = Math.max(lo, price);
      const portion = from === lo ? v : (v * (hi - from)) / (hi - lo);
      if (cum + portion >= usd) {
        const q = Math.min(hi, from + ((usd - cum) / v) * (hi - lo));
        return (q / price - 1) * 100;
      }
      cum += portion;
    }
    return null;
  }
  const values = bins.long;
  for (let k = count - 1; k >= 0; k--) {
    const lo = edges[k] as number;
    if (lo >= price) continue;
    const hi = edges[k + 1] as number;
    const v = values[k] as number;
    if (v === 0) continue;
    const to = Math.min(hi, price);
    const portion = to === hi ? v : (v * (to - lo)) / (hi - lo);
    if (cum + portion >= usd) {
      const q = Math.max(lo, to - ((usd - cum) / v) * (hi - lo));
      return (1 - q / price) * 100;
    }
    cum += portion;
  }
  return null;
}
