import { blockBootstrap, percentileInterval } from './bootstrap';
import { type FidelityPoint, HORIZONS, type Horizon, type Side, STEP_MS } from './points';
import { spearman } from './spearman';

/** A scored forecaster: at-risk USD per point, horizon and side. */
export interface Forecast {
  name: string;
  atRisk: Record<Horizon, Record<Side, Float64Array>>;
}

export type Rhos = Record<Horizon, Record<Side, number | null>>;

export interface ForecastScore {
  name: string;
  rho: Rhos;
  /** Mean of the defined ρ. */
  j: number | null;
  /** Σ at-risk ÷ Σ realised over the points, 24 h, per side and both. */
  calibration24h: { long: number | null; short: number | null; both: number | null };
}

export interface Difference {
  /** J(a) − J(b). */
  of: string;
  against: string;
  diff: number | null;
  /** 95 % block-bootstrap interval. */
  low: number | null;
  high: number | null;
}

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Days per block. */
  blockDays: number;
  level: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 1000, seed: 11, blockDays: 4, level: 0.95 };

const SIDES: readonly Side[] = ['short', 'long'];
const HORIZON_NAMES = Object.keys(HORIZONS) as Horizon[];

/** Realised liquidations per horizon and side, in point order. */
export function realisedOf(points: readonly FidelityPoint[]): Record<Horizon, Record<Side, Float64Array>> {
  const pick = (h: Horizon, side: Side) =>
    Float64Array.from(points, (p) =>
      side === 'long' ? p.windows[h].realisedLongUsd : p.windows[h].realisedShortUsd,
    );
  return {
    h4: { short: pick('h4', 'short'), long: pick('h4', 'long') },
    h24: { short: pick('h24', 'short'), long: pick('h24', 'long') },
  };
}

/** The null of docs/model.md: oi × max(0, high/P − 1) for shorts, its mirror oi × max(0, 1 − low/P) for longs. */
export function nullForecast(points: readonly FidelityPoint[]): Forecast {
  const pick = (h: Horizon, side: Side) =>
    Float64Array.from(points, (p) =>
      side === 'short'
        ? p.oiUsd * Math.max(0, p.windows[h].high / p.price - 1)
        : p.oiUsd * Math.max(0, 1 - p.windows[h].low / p.price),
    );
  return {
    name: 'null',
    atRisk: {
      h4: { short: pick('h4', 'short'), long: pick('h4', 'long') },
      h24: { short: pick('h24', 'short'), long: pick('h24', 'long') },
    },
  };
}

function subset(values: Float64Array, indices: Int32Array | null): Float64Array {
  if (indices === null) return values;
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i] as number] as number;
  return out;
}

function isConstant(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/**
 * ρ per horizon and side. Null where the realised figure is the same at every point (nothing to rank);
 * 0 where the forecast is constant and the realised is not (a forecast that ranks nothing), so every
 * forecaster is averaged over the same cells.
 */
export function rhos(
  forecast: Forecast,
  realised: Record<Horizon, Record<Side, Float64Array>>,
  indices: Int32Array | null = null,
): Rhos {
  const out = { h4: { short: null, long: null }, h24: { short: null, long: null } } as Rhos;
  for (const h of HORIZON_NAMES) {
    for (const side of SIDES) {
      const y = subset(realised[h][side], indices);
      if (y.length < 2 || isConstant(y)) continue;
      const x = subset(forecast.atRisk[h][side], indices);
      out[h][side] = isConstant(x) ? 0 : spearman(x, y);
    }
  }
  return out;
}

export function jOf(rho: Rhos): number | null {
  const values = HORIZON_NAMES.flatMap((h) => SIDES.map((s) => rho[h][s])).filter(
    (v): v is number => v !== null,
  );
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function ratio(a: Float64Array, b: Float64Array): number | null {
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    sa += a[i] as number;
    sb += b[i] as number;
  }
  return sb > 0 ? sa / sb : null;
}

export function scoreForecast(
  forecast: Forecast,
  realised: Record<Horizon, Record<Side, Float64Array>>,
): ForecastScore {
  const rho = rhos(forecast, realised);
  const both = (f: Record<Side, Float64Array>) =>
    Float64Array.from(f.long, (v, i) => v + (f.short[i] as number));
  return {
    name: forecast.name,
    rho,
    j: jOf(rho),
    calibration24h: {
      long: ratio(forecast.atRisk.h24.long, realised.h24.long),
      short: ratio(forecast.atRisk.h24.short, realised.h24.short),
      both: ratio(both(forecast.atRisk.h24), both(realised.h24)),
    },
  };
}

/** J(a) − J(b) on the points, and its block-bootstrap interval (the same resamples for both). */
export function difference(
  a: Forecast,
  b: Forecast,
  realised: Record<Horizon, Record<Side, Float64Array>>,
  options: BootstrapOptions,
): Difference {
  const n = realised.h24.long.length;
  const diffOn = (indices: Int32Array | null): number | null => {
    const ja = jOf(rhos(a, realised, indices));
    const jb = jOf(rhos(b, realised, indices));
    return ja === null || jb === null ? null : ja - jb;
  };
  const block = Math.round((options.blockDays * 86_400_000) / STEP_MS);
  const values = n < 2 ? [] : blockBootstrap(n, block, options.resamples, options.seed, diffOn);
  const interval = percentileInterval(values, options.level);
  return {
    of: a.name,
    against: b.name,
    diff: diffOn(null),
    low: interval?.low ?? null,
    high: interval?.high ?? null,
  };
}
