import type { OiPoint } from '../market/types';
import type { OiSnapshot } from './oi-snapshot-store';

/** How far from a candle's end a snapshot may be and still stand for the open interest at that end. */
export function snapshotTolerance(intervalMs: number): number {
  return Math.min(intervalMs / 2, 5 * 60_000);
}

/**
 * The engine's own open-interest history: for each candle opening in [fromOpen, toOpen], the snapshot
 * nearest to the candle's end, if one lies within `snapshotTolerance`. `t` is the candle's open time,
 * as in every venue's history. Ascending.
 */
export function alignSnapshots(
  snapshots: readonly OiSnapshot[],
  intervalMs: number,
  fromOpen: number,
  toOpen: number,
): OiPoint[] {
  const tolerance = snapshotTolerance(intervalMs);
  const best = new Map<number, { point: OiPoint; offset: number; time: number }>();
  for (const s of snapshots) {
    const end = Math.round(s.time / intervalMs) * intervalMs;
    const offset = Math.abs(s.time - end);
    const t = end - intervalMs;
    if (offset > tolerance || t < fromOpen || t > toOpen) continue;
    const kept = best.get(t);
    // Nearest to the candle's end wins; on a tie the later reading.
    if (!kept || offset < kept.offset || (offset === kept.offset && s.time > kept.time))
      best.set(t, { point: { t, oi: s.oi }, offset, time: s.time });
  }
  return [...best.values()].map((b) => b.point).sort((a, b) => a.t - b.t);
}

/**
 * Open-interest change over 24 h from a history: the last point against the one 24 h before it (or
 * the nearest within an hour of that), in percent; null when the history does not reach back a day.
 */
export function oiChange24hPct(points: readonly OiPoint[]): number | null {
  const last = points[points.length - 1];
  if (!last) return null;
  const target = last.t - 24 * 3_600_000;
  let then: OiPoint | null = null;
  for (const p of points) {
    if (Math.abs(p.t - target) > 3_600_000) continue;
    if (!then || Math.abs(p.t - target) < Math.abs(then.t - target)) then = p;
  }
  if (!then || then.oi <= 0) return null;
  return (last.oi / then.oi - 1) * 100;
}
