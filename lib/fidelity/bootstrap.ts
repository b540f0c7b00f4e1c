import { mulberry32 } from '../model/synthetic';

/**
 * One moving-block resample of 0..n−1: blocks of `block` consecutive indices starting anywhere a whole
 * block fits, concatenated and cut to n. Keeps the autocorrelation within a block (a 24 h window overlaps
 * the next three points).
 */
export function blockResample(n: number, block: number, random: () => number): Int32Array {
  const out = new Int32Array(n);
  const size = Math.max(1, Math.min(block, n));
  const starts = n - size + 1;
  let o = 0;
  while (o < n) {
    const start = Math.floor(random() * starts);
    for (let k = 0; k < size && o < n; k++) out[o++] = start + k;
  }
  return out;
}

/** The `level` percentile interval (e.g. 0.95) of the finite values, by the nearest-rank rule. */
export function percentileInterval(
  values: readonly number[],
  level: number,
): { low: number; high: number } | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const tail = (1 - level) / 2;
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length - 1e-9) - 1))] as number;
  return { low: at(tail), high: at(1 - tail) };
}

/**
 * `resamples` block-bootstrap values of `statistic`, seeded, so the same input gives the same interval.
 */
export function blockBootstrap(
  n: number,
  block: number,
  resamples: number,
  seed: number,
  statistic: (indices: Int32Array) => number | null,
): number[] {
  const random = mulberry32(seed);
  const out: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const value = statistic(blockResample(n, block, random));
    if (value !== null) out.push(value);
  }
  return out;
}
