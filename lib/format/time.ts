import { NOT_A_NUMBER } from './number';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration or an age, truncated to its largest sensible unit: `42 s`, `3 min`, `2 h`, `7 d`.
 * Hours run up to 47 so that "36 h" is not shown as "1 d"; a negative age (clock skew) reads `0 s`.
 */
export function formatDuration(ms: number): string {
  if (Number.isNaN(ms)) return NOT_A_NUMBER;
  if (ms === Number.POSITIVE_INFINITY) return '∞';
  const t = Math.max(0, ms);
  if (t < MINUTE) return `${Math.floor(t / SECOND)} s`;
  if (t < HOUR) return `${Math.floor(t / MINUTE)} min`;
  if (t < 2 * DAY) return `${Math.floor(t / HOUR)} h`;
  return `${Math.floor(t / DAY)} d`;
}

/** A UTC instant in ISO 8601 to the second: `2026-11-01T00:00:00Z`. */
export function formatUtc(ms: number): string {
  if (!Number.isFinite(ms)) return NOT_A_NUMBER;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return NOT_A_NUMBER;
  return `${date.toISOString().slice(0, 19)}Z`;
}
