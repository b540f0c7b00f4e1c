import { formatUsd } from '../format';
import type { CalibrationFactor } from '../track-record/calibration-factor';
import { factorText } from '../track-record/factor-text';

export type CalibrationStatus = 'off' | 'calibrated' | 'not-enough';

/** An at-risk figure as shown once "calibrated at-risk" has been applied (docs/track-record.md). */
export interface CalibratedAtRisk {
  /**
   * The figure shown: the model's, or times the side's factor when there is one, rounded to two significant
   * digits of its interval's half-width.
   */
  usd: number;
  usdText: string;
  /** The model's own figure. */
  modelUsd: number;
  /** The shown figure's 95 % range (the model's figure times the factor's interval); null without a factor. */
  range: { low: number; high: number } | null;
  /** `off`: the setting is off; `not-enough`: fewer than 10 swept bands on the side, so the figure is the model's. */
  status: CalibrationStatus;
  /** "calibrated estimate" or "estimate". */
  label: string;
  /** How the figure was made, in one line; null when the setting is off. */
  note: string | null;
}

/**
 * The at-risk figure of one side with the track record's factor applied: `calibration` is that side's factor
 * when "calibrated at-risk" is on, null when it is off. Below 10 swept bands the factor is null, and the figure
 * stays the model's and says "not enough data yet".
 */
export function calibratedAtRisk(modelUsd: number, calibration: CalibrationFactor | null): CalibratedAtRisk {
  const factor = calibration?.factor ?? null;
  if (calibration === null || factor === null) {
    return {
      usd: modelUsd,
      usdText: formatUsd(modelUsd),
      modelUsd,
      range: null,
      status: calibration === null ? 'off' : 'not-enough',
      label: 'estimate',
      note: calibration === null ? null : `Calibration: ${factorText(calibration)}; figure unchanged`,
    };
  }
  const round = toInterval(modelUsd * factor.low, modelUsd * factor.high);
  const range = { low: round(modelUsd * factor.low), high: round(modelUsd * factor.high) };
  const usd = round(modelUsd * factor.value);
  return {
    usd,
    usdText: formatUsd(usd),
    modelUsd,
    range,
    status: 'calibrated',
    label: 'calibrated estimate',
    note: `${formatUsd(range.low)}–${formatUsd(range.high)} at 95 %: the model's ${formatUsd(modelUsd)} × realised ÷ estimate ${factorText(calibration)} over 7 days`,
  };
}

/**
 * Rounding to two significant digits of the interval's half-width (the rule of `decimalsForInterval`), so that
 * a calibrated figure claims no more precision than its interval: $465M in $270M–$780M reads $470M.
 */
function toInterval(low: number, high: number): (usd: number) => number {
  const half = (high - low) / 2;
  if (!(half > 0) || !Number.isFinite(half)) return (usd) => usd;
  const step = 10 ** (Math.floor(Math.log10(half)) - 1);
  return (usd) => Math.round(usd / step) * step;
}
