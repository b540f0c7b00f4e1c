/**
 * Decimals that give an interval's half-width two significant digits: ±0.024 → 3, ±0.31 → 2, ±4.2 → 1.
 * A figure shown beside its interval never claims more precision than that. A width of 0 or less, or
 * one that is not finite, gives `fallback`.
 */
export function decimalsForInterval(low: number, high: number, fallback = 2): number {
  const half = (high - low) / 2;
  if (!(half > 0) || !Number.isFinite(half)) return fallback;
  return Math.min(20, Math.max(0, 1 - Math.floor(Math.log10(half))));
}
