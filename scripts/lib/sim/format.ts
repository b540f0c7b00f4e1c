import { durationMs } from '../../../lib/market/interval';

/** Decimals a step has: 0.1 → 1, 0.001 → 3, 1 → 0. */
export const decimalsOf = (step: number): number => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

/** A number as a venue writes it: a string with the step's decimals. */
export const fmt = (value: number, step: number): string => value.toFixed(decimalsOf(step));

/** Integer query parameter, or `undefined` when absent; NaN when present but not a number. */
export function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

export const alignDown = (t: number, step: number): number => Math.floor(t / step) * step;
export const alignUp = (t: number, step: number): number => Math.ceil(t / step) * step;

/** Aligned times from `first` to `last` inclusive, ascending. */
export function stepsBetween(first: number, last: number, step: number): number[] {
  const out: number[] = [];
  for (let t = alignUp(first, step); t <= last; t += step) out.push(t);
  return out;
}

/**
 * A venue's interval table: each of its own labels with the duration it means, written as `15m`, `4h`, `1d`.
 * `{ '1H': '1h', D: '1d' }`.
 */
export function intervalTable(labels: Record<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(labels).map(([label, duration]) => [label, durationMs(duration)]));
}

/** The same, for venues whose labels are the durations themselves. */
export const sameLabels = (durations: readonly string[]): Record<string, number> =>
  intervalTable(Object.fromEntries(durations.map((d) => [d, d])));
