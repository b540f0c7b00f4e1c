import { formatFixed, NOT_A_NUMBER, roundHalfUp } from './number';

/** Decimals that show a price to five significant digits from 1 up, four below 1. */
function decimalsForMagnitude(abs: number): number {
  if (abs === 0) return 0;
  if (abs >= 1) return Math.max(0, 5 - (Math.floor(Math.log10(abs)) + 1));
  return -Math.floor(Math.log10(abs)) + 3;
}

/** Decimals needed to write `step` exactly (100 → 0, 0.5 → 1, 0.0005 → 4). */
export function decimalsOfStep(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  const [mantissa = '', exponent] = String(step).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/**
 * A price with en-US grouping and decimals by magnitude: `96,250`, `3,312.5`, `150.25`, `0.00001234`.
 * With `step` (a bin width or tick), exactly the decimals the step needs: 95,100 for a 100 step.
 */
export function formatPrice(value: number, options: { step?: number } = {}): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  if (options.step !== undefined) return formatFixed(value, decimalsOfStep(options.step));
  const abs = Math.abs(value);
  let decimals = decimalsForMagnitude(abs);
  // 9.99996 at four decimals rounds to 10.0000; 10 takes three.
  const again = decimalsForMagnitude(roundHalfUp(abs, decimals));
  if (again < decimals) decimals = again;
  return formatFixed(value, decimals);
}
