import type { Grid } from './bins';
import type { Side } from './cluster-view';

/**
 * Model v2's two constants (docs/model.md "Model v2"), fitted on the first half of the development file:
 * the prior's cumulative share grows as (distance / range)^PRIOR_POWER, and the ledger's map gets
 * MAP_WEIGHT of each side's open interest.
 */
export const PRIOR_POWER = 2.5;
export const MAP_WEIGHT = 0.05;

/**
 * The smooth prior of one side as shares of that side summing to 1: fresh positions at P whose
 * liquidation prices lie between P and P·(1 ± R) (R = rangePct / 100) with cumulative share
 * (d / R)^power at distance d (a fraction of P). Shorts above P, longs below; a bin takes the part of
 * that curve between its edges.
 */
export function priorShares(
  grid: Grid,
  price: number,
  rangePct: number,
  side: Side,
  power = PRIOR_POWER,
): Float64Array {
  const range = rangePct / 100;
  const out = new Float64Array(grid.count);
  const cumulative = (edge: number): number => {
    const d = side === 'short' ? edge / price - 1 : 1 - edge / price;
    const x = Math.min(range, Math.max(0, d));
    return (x / range) ** power;
  };
  let previous = cumulative(grid.edges[0] as number);
  for (let k = 0; k < grid.count; k++) {
    const next = cumulative(grid.edges[k + 1] as number);
    out[k] = Math.abs(next - previous);
    previous = next;
  }
  return out;
}

/**
 * One venue's v2 side: its open interest in USD spread as (1 − w) × the prior plus w × the v1 map scaled
 * to the same total. A side whose v1 map is empty is the prior alone.
 */
export function blendSide(
  v1: Float64Array,
  prior: Float64Array,
  oiUsd: number,
  weight = MAP_WEIGHT,
): Float64Array {
  const out = new Float64Array(v1.length);
  blendSideInto(out, v1, prior, oiUsd, 0, v1.length - 1, weight);
  return out;
}

/**
 * `blendSide` into `out`, on bins `from` … `to` only (the heatmap blends every column into one buffer a side, over the
 * bins that can hold anything). `v1` must be 0 outside them: the total is then the same sum, as zeros add nothing.
 */
export function blendSideInto(
  out: Float64Array,
  v1: Float64Array,
  prior: Float64Array,
  oiUsd: number,
  from = 0,
  to = v1.length - 1,
  weight = MAP_WEIGHT,
): void {
  let total = 0;
  for (let k = from; k <= to; k++) total += v1[k] as number;
  const w = total > 0 ? weight : 0;
  // Left to right, as (1 − w) · OI$ · prior: the products are hoisted, not reassociated.
  const priorPart = (1 - w) * oiUsd;
  const mapPart = w * oiUsd;
  for (let k = from; k <= to; k++) {
    // Each bin's share of the map first: a map of a few subnormal dollars still scales without overflow.
    const share = w > 0 ? (v1[k] as number) / total : 0;
    out[k] = priorPart * (prior[k] as number) + mapPart * share;
  }
}
