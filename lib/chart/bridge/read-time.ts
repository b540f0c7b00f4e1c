import type { TimeRead } from '../snapshot';
import { call, finiteOrNull, get } from './read-chart';

/**
 * The chart's time axis, read in the page (untrusted: the overlay checks it, `lib/chart/time-axis.ts`). Times are
 * the libraries' unix seconds, posted in ms; x is pane-relative CSS px of a candle's centre.
 */

/** Binary-search steps for a candle's edge: spacing / 2^12 px, far below a pixel. */
const EDGE_STEPS = 12;

const seconds = (x: unknown): number | null => {
  const t = finiteOrNull(x);
  return t !== null && t > 0 ? t : null;
};

/** How close (px) a remembered candle edge must still be: far below a pixel, above the bisection's own error. */
const EDGE_TOLERANCE = 0.01;

/** The candle edges found by the last read, kept between frames by `createClTimeReader`. */
interface Edges {
  t: number;
  barSpacing: number;
  paneWidth: number;
  left: number;
  right: number;
}

/**
 * The Charting Library: `getTimeScale().coordinateToTime(x)` gives the candle under x, a step function of x. The
 * two edges of the candle at the pane's middle (found by bisection) give its centre and the spacing, the candle
 * one spacing to the right the interval; the first and last visible candles of `getVisibleRange()` are then
 * looked up at their predicted centres as the checks, and `barSpacing()` must agree with the measured width.
 *
 * The right edge is the left one plus `barSpacing()` when the chart puts it there (two lookups, to within
 * EDGE_TOLERANCE px on both sides); only a chart whose candles are not that wide has it bisected too, and then fails
 * the width check below.
 *
 * With `memory` (one per chart, `createClTimeReader`), edges found on an earlier read are taken again when the chart
 * still puts them there, each to within EDGE_TOLERANCE px on both sides (four lookups instead of a bisection's
 * dozen); the checks are made on every read all the same.
 */
export function readClTime(
  chart: unknown,
  paneWidth: number,
  memory?: { edges: Edges | null },
): TimeRead | null {
  const scale = call(chart, 'getTimeScale');
  const toTime = (x: number) => seconds(call(scale, 'coordinateToTime', x));
  const barSpacing = finiteOrNull(call(scale, 'barSpacing'));
  if (barSpacing === null || !(barSpacing > 0) || !(paneWidth > 2 * barSpacing)) return null;
  const mid = paneWidth / 2;
  const t = toTime(mid);
  if (t === null) return null;
  const edge = (dir: 1 | -1): number | null => {
    // `inside` has time t, `outside` another (or none); a candle is at most barSpacing wide.
    let inside = mid;
    let outside = mid + dir * barSpacing * 1.01;
    if (toTime(outside) === t) return null;
    for (let i = 0; i < EDGE_STEPS; i++) {
      const x = (inside + outside) / 2;
      if (toTime(x) === t) inside = x;
      else outside = x;
    }
    return (inside + outside) / 2;
  };
  const known = memory?.edges;
  const stillThere =
    known !== null &&
    known !== undefined &&
    known.t === t &&
    known.barSpacing === barSpacing &&
    known.paneWidth === paneWidth &&
    toTime(known.left + EDGE_TOLERANCE) === t &&
    toTime(known.left - EDGE_TOLERANCE) !== t &&
    toTime(known.right - EDGE_TOLERANCE) === t &&
    toTime(known.right + EDGE_TOLERANCE) !== t;
  const left = stillThere ? known.left : edge(-1);
  // A candle is barSpacing wide: the right edge is where that puts it when two lookups agree, else bisected too.
  const fromLeft = left === null ? null : left + barSpacing;
  const right = stillThere
    ? known.right
    : fromLeft !== null && toTime(fromLeft - EDGE_TOLERANCE) === t && toTime(fromLeft + EDGE_TOLERANCE) !== t
      ? fromLeft
      : edge(1);
  if (memory)
    memory.edges = left !== null && right !== null ? { t, barSpacing, paneWidth, left, right } : null;
  if (left === null || right === null) return null;
  // The measured width is good to a few thousandths of a px; the chart's own figure is exact when it agrees, and
  // any error in it shows in the checks at the pane's far candles.
  if (Math.abs(right - left - barSpacing) > 0.05) return null;
  const spacing = barSpacing;
  const x0 = (left + right) / 2;
  const next = toTime(x0 + spacing);
  if (next === null || !(next > t)) return null;
  const intervalMs = (next - t) * 1000;
  const range = call(chart, 'getVisibleRange');
  const from = seconds(get(range, 'from'));
  const to = seconds(get(range, 'to'));
  const checks: TimeRead['checks'] = [];
  for (const candle of [from, to]) {
    if (candle === null) continue;
    const x = x0 + (((candle - t) * 1000) / intervalMs) * spacing;
    const found = toTime(x);
    if (found !== null) checks.push({ t: found * 1000, x });
  }
  return {
    t0: t * 1000,
    x0,
    spacing,
    intervalMs,
    checks,
    visible: from !== null && to !== null ? { from: from * 1000, to: to * 1000 } : null,
  };
}

/** `readClTime` for one chart, remembering the candle edges it found from one read to the next. */
export function createClTimeReader(): (chart: unknown, paneWidth: number) => TimeRead | null {
  const memory: { edges: Edges | null } = { edges: null };
  return (chart, paneWidth) => readClTime(chart, paneWidth, memory);
}

/** A bar's time from `series.dataByIndex(index, direction)` (numbers only: business-day strings are not mapped). */
function barTime(series: unknown, index: number, direction: 1 | -1): { t: number; index: number } | null {
  const bar = call(series, 'dataByIndex', index, direction);
  const t = seconds(get(bar, 'time'));
  return t === null ? null : { t, index };
}

/**
 * lightweight-charts: `timeScale().timeToCoordinate(t)` gives a candle's centre directly. The reference is the first
 * visible candle, the spacing `options().barSpacing`, the interval the gap between two neighbouring bars; the last
 * visible candle and one in the middle are the checks.
 */
export function readLwcTime(chart: unknown, series: unknown): TimeRead | null {
  const timeScale = call(chart, 'timeScale');
  const spacing = finiteOrNull(get(call(timeScale, 'options'), 'barSpacing'));
  const logical = call(timeScale, 'getVisibleLogicalRange');
  const lo = finiteOrNull(get(logical, 'from'));
  const hi = finiteOrNull(get(logical, 'to'));
  if (spacing === null || !(spacing > 0) || lo === null || hi === null) return null;
  const first = barTime(series, Math.max(0, Math.ceil(lo)), 1);
  const last = barTime(series, Math.floor(hi), -1);
  if (!first || !last || !(last.t > first.t)) return null;
  const second = barTime(series, Math.max(0, Math.ceil(lo)) + 1, 1);
  if (!second || !(second.t > first.t)) return null;
  const intervalMs = (second.t - first.t) * 1000;
  const xAt = (t: number) => finiteOrNull(call(timeScale, 'timeToCoordinate', t));
  const x0 = xAt(first.t);
  if (x0 === null) return null;
  const middle = barTime(series, Math.round((Math.ceil(lo) + Math.floor(hi)) / 2), -1);
  const checks: TimeRead['checks'] = [];
  for (const known of [middle, last]) {
    if (!known) continue;
    const x = xAt(known.t);
    if (x !== null) checks.push({ t: known.t * 1000, x });
  }
  return {
    t0: first.t * 1000,
    x0,
    spacing,
    intervalMs,
    checks,
    visible: { from: first.t * 1000, to: last.t * 1000 },
  };
}
