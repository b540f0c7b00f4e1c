import type { TimeAxis } from '../overlay/layers/types';
import { timeToX } from '../overlay/layers/types';
import type { TimeRead } from './snapshot';

const MINUTE = 60_000;
const MAX_INTERVAL_MS = 31 * 24 * 60 * MINUTE;

/**
 * A Charting Library resolution in ms: `15` (minutes), `1S`, `1D`, `1W`, `1M` (30 days, only for the check);
 * null when it is not one of these forms.
 */
export function resolutionMs(resolution: string | null): number | null {
  if (resolution === null) return null;
  const m = /^(\d*)([SDWM]?)$/.exec(resolution.trim().toUpperCase());
  if (!m) return null;
  const n = m[1] === '' ? 1 : Number(m[1]);
  if (!(n > 0)) return null;
  const unit = { '': MINUTE, S: 1_000, D: 1_440 * MINUTE, W: 10_080 * MINUTE, M: 43_200 * MINUTE }[
    m[2] as '' | 'S' | 'D' | 'W' | 'M'
  ];
  return n * unit;
}

/**
 * What a resolution says the interval must be: `ms`, or null when it names none or names months (which vary and are
 * not checked). One entry remembered: a chart's resolution stays put while it pans, and this runs on every snapshot.
 */
let expected: { resolution: string | null; ms: number | null } = { resolution: null, ms: null };
function expectedIntervalMs(resolution: string | null): number | null {
  if (expected.resolution !== resolution) {
    const ms = resolutionMs(resolution);
    expected = { resolution, ms: ms !== null && !resolution?.toUpperCase().endsWith('M') ? ms : null };
  }
  return expected.ms;
}

/**
 * The time axis, only when it proves itself (fail closed, like the price scale): a sane spacing and interval, an
 * interval that agrees with the chart's resolution when it names one (months vary and are not checked), at least
 * two known candles that the linear mapping puts within 1 px of where the chart says they are, and the first and
 * last visible candles inside the pane (± one candle). Otherwise null: no heatmap, never a shifted one.
 */
export function verifyTimeAxis(
  read: TimeRead | null | undefined,
  paneWidth: number,
  resolution: string | null,
) {
  if (!read) return null;
  const { t0, x0, spacing, intervalMs, checks, visible } = read;
  if (!(spacing > 0.05 && spacing <= 2_000) || !(intervalMs >= 1_000 && intervalMs <= MAX_INTERVAL_MS))
    return null;
  const named = expectedIntervalMs(resolution);
  if (named !== null && named !== intervalMs) return null;
  const axis: TimeAxis = { t0, x0, spacing, intervalMs };
  // At least two distinct candles: some check's time differs from the first's.
  let distinct = false;
  for (const check of checks) {
    if (Math.abs(timeToX(axis, check.t) - check.x) > 1) return null;
    if (check.t !== checks[0]?.t) distinct = true;
  }
  if (!distinct) return null;
  if (visible) {
    const first = timeToX(axis, visible.from);
    const last = timeToX(axis, visible.to);
    if (first < -spacing || first > paneWidth + spacing) return null;
    if (last < -spacing || last > paneWidth + spacing) return null;
  }
  return axis;
}
