import { decimalsForInterval } from '../../lib/format/interval';
import { formatFixed } from '../../lib/format/number';
import type { HitRate, TrackRecord } from '../../lib/track-record/aggregate';
import { estimateText, factorText } from '../../lib/track-record/factor-text';

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
