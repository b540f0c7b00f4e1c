import { ModelInputError } from './errors';

/**
 * The price grid of model.md "The map". Widths are {1, 2, 5}·10^k, kept as (mantissa, exponent) so that
 * every edge is computed as an integer times an exact power of ten: edges read 95,100 or 0.3755, never
 * 0.37550000000000006.
 */
export interface Grid {
  /** Lower edge of bin 0 (`lo`). */
  low: number;
  width: number;
  /** Number of bins; bin k covers [edges[k], edges[k + 1]). */
  count: number;
  /** `lo / w`, an integer. */
  lowIndex: number;
  edges: Float64Array;
}

interface Step {
  mantissa: 1 | 2 | 5;
  exponent: number;
}

/** mantissa · 10^exponent, correctly rounded (an exact power of ten for |exponent| ≤ 22). */
function scaled(n: number, exponent: number): number {
  return exponent >= 0 ? n * 10 ** exponent : n / 10 ** -exponent;
}

function stepValue(step: Step): number {
  return scaled(step.mantissa, step.exponent);
}

function nextStep(step: Step): Step {
  if (step.mantissa === 1) return { mantissa: 2, exponent: step.exponent };
  if (step.mantissa === 2) return { mantissa: 5, exponent: step.exponent };
  return { mantissa: 1, exponent: step.exponent + 1 };
}

/**
 * The {1, 2, 5}·10^k nearest to `target` in ratio, ties going up. With exact arithmetic a tie cannot
 * happen (no product of two neighbouring steps is a perfect square); in floating point the comparison
 * `b / t <= t / a` sends the double nearest a geometric midpoint up.
 */
function snapStep(target: number): Step {
  if (!(target > 0) || !Number.isFinite(target))
    throw new RangeError(`bin width target must be > 0: ${target}`);
  let exponent = Math.floor(Math.log10(target)) - 1;
  let lower: Step = { mantissa: 1, exponent };
  // Walk up to the last step at or below target; log10 may be off by one ulp near powers of ten.
  while (stepValue(nextStep(lower)) <= target) lower = nextStep(lower);
  while (stepValue(lower) > target) {
    exponent -= 1;
    lower = { mantissa: 1, exponent };
    while (stepValue(nextStep(lower)) <= target) lower = nextStep(lower);
  }
  const a = stepValue(lower);
  if (a === target) return lower;
  const upper = nextStep(lower);
  const b = stepValue(upper);
  return b / target <= target / a ? upper : lower;
}

/** The {1, 2, 5}·10^k nearest to `target` in ratio (ties go up). */
export function snapToStep(target: number): number {
  return stepValue(snapStep(target));
}

/** Bin width for reference price `price` and `binPct` (% of price): 95,000 at 0.1 % → 100. */
export function binWidth(price: number, binPct: number): number {
  return snapToStep((price * binPct) / 100);
}

/**
 * x / w, snapped to the nearest integer when within rounding noise of it: 100·1.1 / 1 is
 * 110.00000000000001 in doubles, and floor/ceil must not turn that noise into an extra bin. The noise of
 * the three roundings before is a few parts in 1e16; 1e-12 leaves it room without snapping a real
 * fraction (80,000.000001 · 1.25 / 100 is 1,000.0000000125, and its `hi` is 100,100, not 100,000).
 */
function cleanQuotient(x: number, w: number): number {
  const q = x / w;
  const r = Math.round(q);
  return Math.abs(q - r) <= 1e-12 * Math.max(1, Math.abs(q)) ? r : q;
}

/** Below this a 1-2-5 width's power of ten is no longer a finite double. */
const MIN_WIDTH_TARGET = 1e-300;

/**
 * `lo`, `hi` and the bins between them, exactly as model.md "The map" writes them. A reference price
 * whose grid cannot be written in doubles (a width under 1e-300, an edge past the largest double) is a
 * ModelInputError saying so.
 */
export function makeGrid(price: number, binPct: number, rangePct: number): Grid {
  const target = (price * binPct) / 100;
  if (!(target >= MIN_WIDTH_TARGET) || !Number.isFinite((price * (100 + rangePct)) / 100)) {
    throw new ModelInputError(`the reference price ${price} is out of range for a bin grid`);
  }
  const step = snapStep(target);
  const width = stepValue(step);
  const lowIndex = Math.floor(cleanQuotient((price * (100 - rangePct)) / 100, width));
  const highIndex = Math.ceil(cleanQuotient((price * (100 + rangePct)) / 100, width));
  return gridFrom(step, lowIndex, Math.max(1, highIndex - lowIndex));
}

function gridFrom(step: Step, lowIndex: number, count: number): Grid {
  const edges = new Float64Array(count + 1);
  for (let k = 0; k <= count; k++) edges[k] = scaled((lowIndex + k) * step.mantissa, step.exponent);
  return { low: edges[0] as number, width: stepValue(step), count, lowIndex, edges };
}

/** Per bins object, the grid last made for it: a map is read many times (the badge's figures on every price). */
const grids = new WeakMap<object, Grid>();

/**
 * The grid of a `bins` object (low, width, number of bins). A width that is a 1-2-5 step gives exact
 * decimal edges; any other width falls back to `low + k·width`. The grid depends on those three alone, so the
 * one made for an object is handed out again while they are unchanged; callers only read it.
 */
export function gridOf(bins: { low: number; width: number; long: readonly number[] }): Grid {
  const kept = grids.get(bins);
  if (
    kept &&
    kept.count === bins.long.length &&
    Object.is(kept.low, bins.low) &&
    Object.is(kept.width, bins.width)
  )
    return kept;
  const grid = makeGridOf(bins);
  grids.set(bins, grid);
  return grid;
}

function makeGridOf(bins: { low: number; width: number; long: readonly number[] }): Grid {
  const count = bins.long.length;
  const { width, low } = bins;
  if (width > 0 && Number.isFinite(width)) {
    const step = snapStep(width);
    const lowIndex = Math.round(low / width);
    if (stepValue(step) === width && scaled(lowIndex * step.mantissa, step.exponent) === low) {
      return gridFrom(step, lowIndex, count);
    }
  }
  const edges = new Float64Array(count + 1);
  for (let k = 0; k <= count; k++) edges[k] = low + k * width;
  return { low, width, count, lowIndex: Math.round(low / width), edges };
}

/** Index of the bin containing `price`, or -1 outside [lo, hi). */
export function binIndex(grid: Grid, price: number): number {
  const { edges, count } = grid;
  if (!(price >= (edges[0] as number)) || !(price < (edges[count] as number))) return -1;
  let k = Math.floor((price - (edges[0] as number)) / grid.width);
  if (k < 0) k = 0;
  else if (k >= count) k = count - 1;
  // The division may land one bin off next to an edge; the stored edges decide.
  while (k > 0 && (edges[k] as number) > price) k -= 1;
  while (k < count - 1 && (edges[k + 1] as number) <= price) k += 1;
  return k;
}
