import { durationMs } from '../market/interval';
import {
  SERIES_FORMAT,
  type SeriesCandle,
  type SeriesDoc,
  type SeriesOi,
  type VenueSeries,
} from '../market/series';
import { VENUES, type Venue } from '../market/venue';

/**
 * Seeded synthetic market data for the benchmark, the bundled example and tests: a realistic enough
 * `liqlens.series/1` document (volatility clustering, wicks, open interest that builds up and is flushed
 * in deleveraging events, a varying taker split, small per-venue price differences), identical for a
 * seed. Not a market simulator: it only has to make the model's bands form on both sides of the price.
 */
export interface SyntheticOptions {
  seed: number;
  asset?: string;
  venues?: readonly Venue[];
  days?: number;
  /** Candle interval, e.g. `15m`. */
  interval?: string;
  startPrice?: number;
  /** End of the last candle (ms); candles are aligned to the interval before it. */
  endTime?: number;
  /** Typical daily volatility in percent. */
  dailyVolPct?: number;
  /** Total one-sided open interest across the venues at the start, in USD. */
  openInterestUsd?: number;
  /** Deleveraging events per day, on average. */
  flushesPerDay?: number;
  /** Probability that a candle has no open-interest row (a gap in the venue's history). */
  oiGapRate?: number;
}

export const SYNTHETIC_DEFAULTS = {
  asset: 'BTC',
  venues: VENUES,
  days: 7,
  interval: '15m',
  startPrice: 95_000,
  endTime: Date.UTC(2026, 10, 1),
  dailyVolPct: 2,
  openInterestUsd: 20e9,
  flushesPerDay: 0.4,
  oiGapRate: 0,
} as const;

interface VenueProfile {
  instrument: (asset: string) => string;
  /** Share of the total open interest and volume. */
  share: number;
  /** Persistent price premium over the common price, a fraction. */
  basis: number;
  /** Whether candles carry quote volume and taker-buy volume. */
  flow: boolean;
}

const PROFILES: Record<Venue, VenueProfile> = {
  binance: { instrument: (a) => `${a}USDT`, share: 0.38, basis: 0, flow: true },
  bybit: { instrument: (a) => `${a}USDT`, share: 0.24, basis: 0.00015, flow: true },
  okx: { instrument: (a) => `${a}-USDT-SWAP`, share: 0.16, basis: -0.0001, flow: true },
  // Hyperliquid candles carry neither quote volume nor a taker split.
  hyperliquid: { instrument: (a) => a, share: 0.22, basis: 0.0003, flow: false },
};

/** mulberry32: small, fast and good enough for synthetic data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a seed and a stream name, so each venue has its own stream whatever the venue list. */
function streamSeed(seed: number, name: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
}

interface Rng {
  uniform(): number;
  normal(): number;
}

function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  let spare: number | null = null;
  return {
    uniform: next,
    normal() {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      // Box–Muller; 1 − u keeps the logarithm finite.
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/** The market every venue trades: one price path with clustered volatility, and the open-interest level. */
interface MarketStep {
  open: number;
  high: number;
  low: number;
  close: number;
  /** Return in units of the current volatility: drives volume and the taker split. */
  z: number;
  /** Multiplier of the starting open interest. */
  oi: number;
  /** Activity multiplier (flushes trade heavily). */
  activity: number;
}

function simulateMarket(o: Required<SyntheticOptions>, n: number, intervalMs: number): MarketStep[] {
  const rng = createRng(streamSeed(o.seed, 'market'));
  const perDay = 86_400_000 / intervalMs;
  const baseVar = (o.dailyVolPct / 100) ** 2 / perDay;
  const alpha = 0.08;
  const beta = 0.9;
  const omega = baseVar * (1 - alpha - beta);
  // Weak pull back to the start price (half-life a day and a half) keeps the walk range-bound, as bands need.
  const kappa = Math.LN2 / (1.5 * perDay);
  const flushChance = o.flushesPerDay / perDay;
  const oiDrift = 0.02 / perDay;
  const oiNoise = 0.0015 * Math.sqrt(intervalMs / 900_000);
  const logStart = Math.log(o.startPrice);

  const steps: MarketStep[] = [];
  let variance = baseVar;
  let lastReturn = 0;
  let logPrice = logStart;
  let logOi = 0;
  let flushLeft = 0;
  let flushDrop = 0;
  let flushDir = -1;
  for (let i = 0; i < n; i++) {
    variance = omega + alpha * lastReturn ** 2 + beta * variance;
    const sigma = Math.sqrt(variance);
    if (flushLeft === 0 && rng.uniform() < flushChance) {
      flushLeft = 1 + Math.floor(rng.uniform() * 4);
      flushDrop = (0.02 + rng.uniform() * 0.04) / flushLeft;
      flushDir = rng.uniform() < 0.65 ? -1 : 1;
    }
    let z = rng.normal();
    if (rng.uniform() < 0.01) z *= 3;
    let r = sigma * z - kappa * (logPrice - logStart);
    let wick = Math.abs(rng.normal()) * 0.6 * sigma;
    let activity = 1;
    if (flushLeft > 0) {
      // A flush: a hard move in one direction, a long wick, open interest dropping, heavy trading.
      r += flushDir * sigma * (1.5 + rng.uniform() * 2);
      wick += sigma * (1 + rng.uniform() * 3);
      logOi += Math.log(1 - flushDrop);
      activity = 3;
      flushLeft--;
    } else {
      logOi += oiDrift + oiNoise * rng.normal() + 0.3 * r;
    }
    const open = Math.exp(logPrice);
    logPrice += r;
    const close = Math.exp(logPrice);
    const upper = Math.abs(rng.normal()) * 0.6 * sigma + (flushDir > 0 && activity > 1 ? wick : 0);
    const lower = Math.abs(rng.normal()) * 0.6 * sigma + (flushDir < 0 && activity > 1 ? wick : 0);
    steps.push({
      open,
      close,
      high: Math.max(open, close) * Math.exp(upper + (rng.uniform() < 0.03 ? wick : 0)),
      low: Math.min(open, close) * Math.exp(-lower - (rng.uniform() < 0.03 ? wick : 0)),
      z: r / sigma,
      oi: Math.exp(logOi),
      activity,
    });
    lastReturn = r;
  }
  return steps;
}

function venueSeries(
  o: Required<SyntheticOptions>,
  venue: Venue,
  market: MarketStep[],
  start: number,
  intervalMs: number,
): VenueSeries {
  const profile = PROFILES[venue];
  const rng = createRng(streamSeed(o.seed, venue));
  const priceDecimals = Math.max(0, 5 - Math.floor(Math.log10(o.startPrice)));
  const baseDecimals = Math.min(8, Math.max(0, Math.floor(Math.log10(o.startPrice)) - 2));
  const oiBase = (o.openInterestUsd * profile.share) / o.startPrice;
  // A day's volume runs at about twice the open interest.
  const volumeBase = (2 * oiBase * intervalMs) / 86_400_000;

  const candles: SeriesCandle[] = [];
  const openInterest: SeriesOi[] = [];
  let prevClose = round(market[0]?.open ?? o.startPrice, priceDecimals);
  let basisNoise = 0;
  let oiNoise = 0;
  let takerNoise = 0;
  for (let i = 0; i < market.length; i++) {
    const m = market[i] as MarketStep;
    const t = start + i * intervalMs;
    basisNoise = 0.8 * basisNoise + 0.00004 * rng.normal();
    const k = 1 + profile.basis + basisNoise;
    const open = prevClose;
    const close = round(m.close * k, priceDecimals);
    const high = round(
      Math.max(m.high * k * (1 + Math.abs(rng.normal()) * 0.00005), open, close),
      priceDecimals,
    );
    const low = round(
      Math.min(m.low * k * (1 - Math.abs(rng.normal()) * 0.00005), open, close),
      priceDecimals,
    );
    const volume = round(
      volumeBase * m.activity * (0.3 + 0.7 * Math.abs(m.z)) * Math.exp(0.25 * rng.normal()),
      baseDecimals,
    );
    takerNoise = 0.7 * takerNoise + 0.04 * rng.normal();
    const buyShare = Math.min(0.95, Math.max(0.05, 0.5 + 0.2 * Math.tanh(0.8 * m.z) + takerNoise));
    const quote = profile.flow ? Math.round(volume * ((open + high + low + close) / 4)) : null;
    const takerBuy = profile.flow ? round(volume * buyShare, baseDecimals) : null;
    candles.push([t, open, high, low, close, volume, quote, takerBuy]);

    oiNoise = 0.9 * oiNoise + 0.001 * rng.normal();
    const oi = round(oiBase * m.oi * (1 + oiNoise), baseDecimals);
    if (!(o.oiGapRate > 0 && rng.uniform() < o.oiGapRate)) openInterest.push([t, Math.max(0, oi)]);
    prevClose = close;
  }
  const markPrice = round(prevClose * (1 + 0.00002 * rng.normal()), priceDecimals);
  return { venue, instrument: profile.instrument(o.asset), markPrice, candles, openInterest };
}

export function syntheticSeries(options: SyntheticOptions): SeriesDoc {
  const o: Required<SyntheticOptions> = { ...SYNTHETIC_DEFAULTS, ...options };
  const intervalMs = durationMs(o.interval);
  const n = Math.round((o.days * 86_400_000) / intervalMs);
  const end = Math.floor(o.endTime / intervalMs) * intervalMs;
  const start = end - n * intervalMs;
  const market = simulateMarket(o, n, intervalMs);
  return {
    format: SERIES_FORMAT,
    asset: o.asset,
    interval: o.interval,
    venues: o.venues.map((venue) => venueSeries(o, venue, market, start, intervalMs)),
  };
}

/** Resting order-book depth in USD per price level, merged across venues (the model's `BookDepthUsd`). */
export interface SyntheticDepth {
  bids: [price: number, usd: number][];
  asks: [price: number, usd: number][];
}

export interface SyntheticDepthOptions {
  seed: number;
  price: number;
  /** Levels per side. */
  levels?: number;
  /** Distance between levels, in percent of the price. */
  stepPct?: number;
  /** USD resting within 1 % of the price on each side, roughly. */
  usdWithin1Pct?: number;
}

/** A seeded order book around `price`: thin near the touch, thicker further out, with a few walls. */
export function syntheticDepth(options: SyntheticDepthOptions): SyntheticDepth {
  const { seed, price, levels = 400, stepPct = 0.01, usdWithin1Pct = 150e6 } = options;
  const rng = createRng(streamSeed(seed, 'depth'));
  const decimals = Math.max(0, 5 - Math.floor(Math.log10(price)));
  const levelsIn1Pct = 1 / stepPct;
  // Density grows linearly with distance, from 1× at the touch to 2× at 1 %: 1.5× on average there.
  const base = usdWithin1Pct / (levelsIn1Pct * 1.5);
  const side = (sign: 1 | -1): [number, number][] => {
    const out: [number, number][] = [];
    for (let k = 1; k <= levels; k++) {
      const distance = (k * stepPct) / 100;
      const wall = rng.uniform() < 0.02 ? 5 + rng.uniform() * 10 : 1;
      const usd = base * (1 + distance * 100) * wall * Math.exp(0.4 * rng.normal());
      out.push([round(price * (1 + sign * distance), decimals), Math.round(usd)]);
    }
    return out;
  };
  return { bids: side(-1), asks: side(1) };
}

/**
 * The same market a refresh later, between two candles: every venue's last candle revised (a higher high, more
 * volume) and its last open-interest reading too, the rest untouched. For the heatmap's reuse across refreshes (its
 * bench case and its tests).
 */
export function withLastCandleRevised(doc: SeriesDoc): SeriesDoc {
  return {
    ...doc,
    venues: doc.venues.map((v) => ({
      ...v,
      candles: v.candles.map((c, i) =>
        i === v.candles.length - 1
          ? ([c[0], c[1], c[2] * 1.002, c[3], c[4], c[5] * 1.5, c[6], c[7]] as typeof c)
          : c,
      ),
      openInterest: v.openInterest.map(([t, oi], i) => [
        t,
        i === v.openInterest.length - 1 ? oi * 1.001 : oi,
      ]),
    })),
  };
}
