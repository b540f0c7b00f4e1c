import type { SeriesDoc } from '../market/series';
import type { FidelityRow } from './csv';

const HOUR_MS = 3_600_000;
export const WARM_UP_MS = 30 * 24 * HOUR_MS;
export const STEP_MS = 6 * HOUR_MS;
export const HORIZONS = { h4: 4, h24: 24 } as const;
export type Horizon = keyof typeof HORIZONS;
export type Side = 'long' | 'short';

/** The traded range and the realised liquidations of the hours [t, t + horizon). */
export interface FidelityWindow {
  high: number;
  low: number;
  realisedLongUsd: number;
  realisedShortUsd: number;
}

/** One scored hour: the 30 days before it as a series, the price and open interest at t, what came next. */
export interface FidelityPoint {
  time: number;
  /** P: the close of the hour before t. */
  price: number;
  /** Open interest at P, USD. */
  oiUsd: number;
  series: SeriesDoc;
  windows: Record<Horizon, FidelityWindow>;
}

export interface PointSelection {
  points: FidelityPoint[];
  /** Candidate hours left out because an hour of their 24 h window, or the hour before them, is missing. */
  skipped: number;
}

/**
 * The scored hours of docs/model.md "Fidelity": t = first row + 30 days + k · 6 h, as long as the 24 h
 * after t are in the file, restricted to from ≤ t < to. A missing hour is a gap, never zero liquidations:
 * a candidate whose window or whose P hour is missing is skipped and counted.
 */
export function selectPoints(rows: readonly FidelityRow[], from = -Infinity, to = Infinity): PointSelection {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return { points: [], skipped: 0 };
  const index = new Map<number, number>();
  rows.forEach((row, i) => {
    index.set(row.time, i);
  });
  const points: FidelityPoint[] = [];
  let skipped = 0;
  for (let t = first.time + WARM_UP_MS; t + HORIZONS.h24 * HOUR_MS <= last.time + HOUR_MS; t += STEP_MS) {
    if (t < from || t >= to) continue;
    const before = index.get(t - HOUR_MS);
    const start = index.get(t);
    const end = index.get(t + (HORIZONS.h24 - 1) * HOUR_MS);
    if (
      before === undefined ||
      start === undefined ||
      end === undefined ||
      end - start !== HORIZONS.h24 - 1
    ) {
      skipped++;
      continue;
    }
    const p = rows[before] as FidelityRow;
    points.push({
      time: t,
      price: p.close,
      oiUsd: p.oiUsd,
      series: historySeries(rows, before, t),
      windows: { h4: window(rows, start, HORIZONS.h4), h24: window(rows, start, HORIZONS.h24) },
    });
  }
  return { points, skipped };
}

function window(rows: readonly FidelityRow[], start: number, hours: number): FidelityWindow {
  let high = -Infinity;
  let low = Infinity;
  let realisedLongUsd = 0;
  let realisedShortUsd = 0;
  for (let i = start; i < start + hours; i++) {
    const row = rows[i] as FidelityRow;
    high = Math.max(high, row.high);
    low = Math.min(low, row.low);
    realisedLongUsd += row.liqLongUsd;
    realisedShortUsd += row.liqShortUsd;
  }
  return { high, low, realisedLongUsd, realisedShortUsd };
}

/**
 * The 30 days before t as one `binance` venue at 1 h: no volume in the file, so the entry is the typical
 * price and the split one half; open interest in base units = oi_close / close.
 */
function historySeries(rows: readonly FidelityRow[], last: number, t: number): SeriesDoc {
  let first = last;
  while (first > 0 && (rows[first - 1] as FidelityRow).time >= t - WARM_UP_MS) first--;
  const slice = rows.slice(first, last + 1);
  return {
    format: 'liqlens.series/1',
    asset: 'BTC',
    interval: '1h',
    venues: [
      {
        venue: 'binance',
        instrument: 'BTCUSDT',
        markPrice: (rows[last] as FidelityRow).close,
        candles: slice.map((r) => [r.time, r.open, r.high, r.low, r.close, 0, null, null]),
        openInterest: slice.map((r) => [r.time, r.oiUsd / r.close]),
      },
    ],
  };
}
