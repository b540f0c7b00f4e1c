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
