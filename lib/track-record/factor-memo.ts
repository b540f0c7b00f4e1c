import { bootstrapGroups, type Estimate } from './intervals';

/** The figures of one swept band that a calibration factor is made of. */
export interface FactorBand {
  notionalUsd: number;
  realisedUsd: number;
}

const sumOf = <T>(list: readonly T[], f: (x: T) => number) => list.reduce((s, x) => s + f(x), 0);

/** Realised over estimated notional of the swept bands, snapshot groups resampled whole (a seeded bootstrap). */
export function factorOf(groups: readonly (readonly FactorBand[])[]): Estimate | null {
  return bootstrapGroups(groups, (sample) => {
    const est = sumOf(sample, (g) => sumOf(g, (s) => s.notionalUsd));
    return est > 0 ? sumOf(sample, (g) => sumOf(g, (s) => s.realisedUsd)) / est : null;
  });
}

/**
 * `factorOf` remembered by its input. Every chart tab asks for the factors at each new view, and the answer only
 * changes when a band's scoring day ends or a snapshot leaves the 7-day window; the bootstrap is seeded, so the same
 * groups always give the same factor and a remembered one is exact.
 */
export function createFactorMemo(capacity = 16) {
  const memo = new Map<string, Estimate | null>();
  return (groups: readonly (readonly FactorBand[])[]): Estimate | null => {
    const key = groups.map((g) => g.map((s) => `${s.notionalUsd},${s.realisedUsd}`).join(';')).join('|');
    if (memo.has(key)) {
      const hit = memo.get(key) ?? null;
      // Most recently used last, so the oldest key is the first one dropped.
      memo.delete(key);
      memo.set(key, hit);
      return hit;
    }
    const factor = factorOf(groups);
    memo.set(key, factor);
    if (memo.size > capacity) memo.delete(memo.keys().next().value as string);
    return factor;
  };
}
