import type { ViewEntry } from './view-entry';

/** Data older than this many refresh periods is shown as stale. */
export const STALE_AFTER_PERIODS = 3;

export function isStale(entry: Pick<ViewEntry, 'viewAt'> | null, now: number, periodMs: number): boolean {
  if (!entry || entry.viewAt === null) return true;
  return now - entry.viewAt > STALE_AFTER_PERIODS * periodMs;
}
