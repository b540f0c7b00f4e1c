import type { TimingStats } from './types';

/** The q-quantile of sorted values, linearly interpolated between ranks (R type 7, as spreadsheets do). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function timingStats(samples: readonly number[]): TimingStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    minMs: sorted[0] ?? Number.NaN,
    medianMs: quantile(sorted, 0.5),
    p25Ms: quantile(sorted, 0.25),
    p75Ms: quantile(sorted, 0.75),
    p90Ms: quantile(sorted, 0.9),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}
