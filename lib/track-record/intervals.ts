import { mulberry32 } from '../model/synthetic';

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval of a proportion (95 % with z = 1.96); null without trials. */
export function wilson(hits: number, trials: number, z = 1.96): Interval | null {
  if (!(trials > 0)) return null;
  const p = hits / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export const BOOTSTRAP_RESAMPLES = 1000;
export const BOOTSTRAP_SEED = 7;

export interface Estimate {
  value: number;
  /** 95 % percentile bootstrap interval. */
  low: number;
  high: number;
}

/**
 * `statistic` on the groups, with a 95 % percentile bootstrap that resamples whole groups (the bands of
 * one snapshot share its market, so they are not independent), seeded so the same data gives the same
 * interval. Null when the statistic is undefined on the data itself.
 */
export function bootstrapGroups<T>(
  groups: readonly T[],
  statistic: (sample: readonly T[]) => number | null,
  resamples = BOOTSTRAP_RESAMPLES,
  seed = BOOTSTRAP_SEED,
): Estimate | null {
  const value = statistic(groups);
  if (value === null || !Number.isFinite(value)) return null;
  const random = mulberry32(seed);
  const values: number[] = [];
  const sample: T[] = new Array(groups.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < groups.length; i++) sample[i] = groups[Math.floor(random() * groups.length)] as T;
    const v = statistic(sample);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  values.sort((a, b) => a - b);
  const at = (q: number) =>
    values[Math.min(values.length - 1, Math.max(0, Math.ceil(q * values.length - 1e-9) - 1))] as number;
  return { value, low: at(0.025), high: at(0.975) };
}
