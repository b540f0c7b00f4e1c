import { decimalsForInterval } from '../format/interval';
import { formatFixed } from '../format/number';
import type { CalibrationFactor } from './calibration-factor';
import type { Estimate } from './intervals';
import { MIN_SWEPT_BANDS } from './swept-bands';

/**
 * `0.31 (0.18–0.52)`: the value and its interval, to two significant digits of the interval's half-width; an
 * interval of no width (every resample the same) to two significant digits of the value, so 0.0038 never
 * reads 0.00.
 */
export function estimateText(e: Estimate): string {
  const d =
    e.high > e.low || !(e.value > 0)
      ? decimalsForInterval(e.low, e.high)
      : Math.max(2, Math.min(20, 1 - Math.floor(Math.log10(e.value))));
  return `${formatFixed(e.value, d)} (${formatFixed(e.low, d)}–${formatFixed(e.high, d)})`;
}

export const NOT_ENOUGH = 'not enough data yet';

/** A side's factor, or why there is none: "0.31 (0.18–0.52)" / "not enough data yet (3 of 10 swept bands)". */
export function factorText(f: CalibrationFactor): string {
  if (f.factor === null) return `${NOT_ENOUGH} (${f.sweptBands} of ${MIN_SWEPT_BANDS} swept bands)`;
  return estimateText(f.factor);
}
