import { notionalBetween } from './at-risk';
import { gridOf } from './bins';
import type { Bins } from './cluster-view';

/** Resting order-book depth in USD per price level, summed across venues. Any order; sorted here. */
export interface BookDepthUsd {
  bids: [price: number, usd: number][];
  asks: [price: number, usd: number][];
}

export type CascadeDirection = 'up' | 'down';

export interface CascadeResult {
  endPrice: number;
  /** Liquidation notional between P and `endPrice` (uniform within bins). */
  liquidatedUsd: number;
  /** Number of q_{k+1} = D⁻¹(D(q0) + S(q_k)) evaluations. */
  steps: number;
  stop: 'converged' | 'beyond-depth';
}

const MAX_STEPS = 100_000;

/**
 * model.md "Cascade estimate". A push from `price` (P) to `q0` consumes D(q0); liquidations S(q) between
 * P and q buy (up: shorts against asks) or sell (down: longs against bids) at market:
 * q_{k+1} = D⁻¹(D(q0) + S(q_k)) until q moves less than one bin or the demand exceeds the fetched depth.
 *
 * D is made continuous by spreading each level's USD evenly over the gap from the previous level (the
 * first level from P), so D⁻¹(D(q0)) = q0 and the iteration starts exactly at the push; at every level
 * price D equals the plain cumulative sum. Levels on the far side of P are not "between P and q" and are
 * ignored. When the cascade leaves the fetched depth, `endPrice` is the farthest fetched level (or q0 if
 * that is farther) and `liquidatedUsd` what lies up to there: lower bounds, since the book beyond is unseen.
 */
export function cascade(
  bins: Bins,
  price: number,
  depth: BookDepthUsd,
  direction: CascadeDirection,
  q0: number,
): CascadeResult {
  const grid = gridOf(bins);
  const up = direction === 'up';
  const values = up ? bins.short : bins.long;
  // Work in distance from P: x = |q − P| on the side of the move.
  const sign = up ? 1 : -1;
  const liquidations = (x: number): number =>
    up ? notionalBetween(grid, values, price, price + x) : notionalBetween(grid, values, price - x, price);
  const toPrice = (x: number): number => price + sign * x;

  const levels = (up ? depth.asks : depth.bids)
    .map(([p, usd]) => [sign * (p - price), Math.max(usd, 0)] as const)
    .filter(([x]) => x >= 0 && Number.isFinite(x))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const m = levels.length;
  const at = new Float64Array(m);
  const cum = new Float64Array(m);
  let total = 0;
  for (let j = 0; j < m; j++) {
    const level = levels[j] as readonly [number, number];
    at[j] = level[0];
    total += level[1];
    cum[j] = total;
  }
  const edge = m > 0 ? (at[m - 1] as number) : 0;

  const depthTo = (x: number): number => {
    let prevAt = 0;
    let prevCum = 0;
    for (let j = 0; j < m; j++) {
      const a = at[j] as number;
      const c = cum[j] as number;
      if (x < a) return prevCum + ((c - prevCum) * (x - prevAt)) / (a - prevAt);
      prevAt = a;
      prevCum = c;
    }
    return prevCum;
  };
  const inverse = (y: number): number => {
    let prevAt = 0;
    let prevCum = 0;
    for (let j = 0; j < m; j++) {
      const a = at[j] as number;
      const c = cum[j] as number;
      if (c >= y) return c === prevCum ? prevAt : prevAt + ((y - prevCum) / (c - prevCum)) * (a - prevAt);
      prevAt = a;
      prevCum = c;
    }
    return prevAt;
  };

  const x0 = Math.max(0, sign * (q0 - price));
  if (x0 > edge) {
    return { endPrice: toPrice(x0), liquidatedUsd: liquidations(x0), steps: 0, stop: 'beyond-depth' };
  }
  const pushed = depthTo(x0);
  let x = x0;
  let steps = 0;
  while (steps < MAX_STEPS) {
    const demand = pushed + liquidations(x);
    steps++;
    if (demand > total) {
      return { endPrice: toPrice(edge), liquidatedUsd: liquidations(edge), steps, stop: 'beyond-depth' };
    }
    const next = Math.max(x0, inverse(demand));
    const moved = next - x;
    x = Math.max(next, x);
    if (moved < grid.width) break;
  }
  return { endPrice: toPrice(x), liquidatedUsd: liquidations(x), steps, stop: 'converged' };
}
