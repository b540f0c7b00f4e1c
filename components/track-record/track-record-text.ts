import { decimalsForInterval } from '../../lib/format/interval';
import { formatFixed } from '../../lib/format/number';
import type { CalibrationFactor, HitRate, TrackRecord } from '../../lib/track-record/aggregate';
import { MIN_SWEPT_BANDS } from '../../lib/track-record/aggregate';
import type { Estimate } from '../../lib/track-record/intervals';

/** `0.31 (0.18–0.52)`: the value and its interval, to two significant digits of the interval's half-width. */
export function estimateText(e: Estimate): string {
  const d = decimalsForInterval(e.low, e.high);
  return `${formatFixed(e.value, d)} (${formatFixed(e.low, d)}–${formatFixed(e.high, d)})`;
}

export const NOT_ENOUGH = 'not enough data yet';

/** A side's factor, or why there is none: "0.31 (0.18–0.52)" / "not enough data yet (3 of 10 swept bands)". */
export function factorText(f: CalibrationFactor): string {
  if (f.factor === null) return `${NOT_ENOUGH} (${f.sweptBands} of ${MIN_SWEPT_BANDS} swept bands)`;
  return estimateText(f.factor);
}

/** "64 % (45–80 %) of 22", or "none yet". */
export function rateText(h: HitRate): string {
  if (h.rate === null || h.interval === null) return 'none yet';
  const d = decimalsForInterval(h.interval.low * 100, h.interval.high * 100, 0);
  const pct = (x: number) => formatFixed(x * 100, d);
  return `${pct(h.rate)} % (${pct(h.interval.low)}–${pct(h.interval.high)} %) of ${h.trials}`;
}

/** The popup's one line. */
export function trackRecordSummary(r: TrackRecord): string[] {
  const { swept, notReached } = r.bands;
  const parts = [`${swept} bands swept, ${notReached} not reached`];
  parts.push(
    `realised ÷ estimate: longs ${factorText(r.calibration.long)}, shorts ${factorText(r.calibration.short)}`,
  );
  parts.push(`lift ${r.lift ? estimateText(r.lift) : 'none yet'}`);
  return parts;
}
