import { createRandom, mixSeed, normal } from './random';

/**
 * One synthetic perpetual market for a base asset, minute by minute, on four venues that share one
 * price path. Every venue endpoint of the simulator reads from here, so the answers agree with each
 * other: a 15-minute candle is the 15 minutes it covers, the last open-interest history point is the
 * current open interest of that instant, the mark price is the close of the forming minute.
 */
export const SIM_VENUES = ['binance', 'bybit', 'okx', 'hyperliquid'] as const;
export type SimVenue = (typeof SIM_VENUES)[number];

export const MINUTE = 60_000;

export interface VenueProfile {
  /** Price premium over the common path (a fraction). */
  basis: number;
  /** Share of the total traded volume and of the total one-sided open interest. */
  volumeShare: number;
  oiShare: number;
  fundingIntervalHours: number;
  /** Price tick; sizes are rounded to `sizeStep` base units (OKX: contracts × ctVal). */
  tick: number;
  sizeStep: number;
}

export interface MarketOptions {
  asset: string;
  seed: number;
  /** First minute (ms, aligned to the minute) and how many minutes the market covers. */
  start: number;
  minutes: number;
  price0: number;
  /** Total one-sided open interest across the venues at the start, in base units. */
  oi0: number;
  /** Total traded base volume per day across the venues. */
  dailyVolume: number;
  /** OKX contract value in base units (BTC-USDT-SWAP: 0.01). */
  okxCtVal?: number;
  /** Order-book levels per side the venues serve at most. */
  bookLevels?: number;
  profiles?: Partial<Record<SimVenue, Partial<VenueProfile>>>;
}

export interface SimCandle {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  quoteVolume: number;
  takerBuyVolume: number;
  trades: number;
  /** False for the forming candle (its last minute is still running at `now`). */
  complete: boolean;
}

export interface SimFunding {
  /** Rate for one interval (fraction). */
  rate: number;
  intervalHours: number;
  nextFundingTime: number;
}

export interface SimBook {
  bids: [number, number][];
  asks: [number, number][];
}

interface VenueTape {
  profile: VenueProfile;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  quote: Float64Array;
  takerBuy: Float64Array;
  trades: Float64Array;
  /** One-sided open interest at the END of each minute, in base units. */
  oi: Float64Array;
}

export interface Market {
  asset: string;
  seed: number;
  start: number;
  /** End of the last simulated minute (exclusive). */
  end: number;
  okxCtVal: number;
  bookLevels: number;
  profile(venue: SimVenue): VenueProfile;
  /** The candle opening at `t` (aligned to `intervalMs`) as seen at `now`; null outside the market. */
  candle(venue: SimVenue, t: number, intervalMs: number, now: number): SimCandle | null;
  /** One-sided open interest at the instant `at` (the end of the last minute completed by then). */
  openInterest(venue: SimVenue, at: number): number | null;
  /** Mark price at `now`: the close of the minute running at `now`. */
  markPrice(venue: SimVenue, now: number): number;
  /** Traded base volume and price change over the 24 hours before `now`. */
  day(
    venue: SimVenue,
    now: number,
  ): { volume: number; quote: number; open: number; high: number; low: number };
  funding(venue: SimVenue, now: number): SimFunding;
  book(venue: SimVenue, now: number, levels: number): SimBook;
}

const DEFAULT_PROFILES: Record<SimVenue, Omit<VenueProfile, 'tick' | 'sizeStep'>> = {
  binance: { basis: 0, volumeShare: 0.42, oiShare: 0.36, fundingIntervalHours: 8 },
  bybit: { basis: 0.00004, volumeShare: 0.25, oiShare: 0.24, fundingIntervalHours: 8 },
  okx: { basis: -0.00003, volumeShare: 0.18, oiShare: 0.16, fundingIntervalHours: 8 },
  hyperliquid: { basis: 0.00006, volumeShare: 0.15, oiShare: 0.24, fundingIntervalHours: 1 },
};

/** Typed-array read: indices here are always in range. */
const at = (values: Float64Array, index: number): number => values[index] as number;

const roundTo = (value: number, step: number): number => {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Number((Math.round(value / step) * step).toFixed(decimals));
};

/** Significant-figure tick: BTC at 95,000 trades in 0.1 (Hyperliquid: 5 significant figures → 1). */
export const tickFor = (price: number, significant: number): number =>
  10 ** (Math.floor(Math.log10(price)) - significant + 1);

export function createMarket(options: MarketOptions): Market {
  const { asset, seed, start, minutes, price0, oi0, dailyVolume } = options;
  if (start % MINUTE !== 0) throw new Error('market start must be aligned to the minute');
  const okxCtVal = options.okxCtVal ?? 0.01;
  const bookLevels = options.bookLevels ?? 200;
  const profiles = {} as Record<SimVenue, VenueProfile>;
  for (const venue of SIM_VENUES) {
    const tick = venue === 'hyperliquid' ? tickFor(price0, 5) : tickFor(price0, 6);
    const sizeStep = venue === 'okx' ? okxCtVal / 100 : venue === 'hyperliquid' ? 0.00001 : 0.001;
    profiles[venue] = { ...DEFAULT_PROFILES[venue], tick, sizeStep, ...options.profiles?.[venue] };
  }

  // The common path: regimes of trend and range, with rare flushes that knock open interest down.
  const random = createRandom(mixSeed(seed, asset, 'path'));
  const sigma = 0.00055;
  const price = new Float64Array(minutes);
  const ret = new Float64Array(minutes);
  const totalOi = new Float64Array(minutes);
  const activity = new Float64Array(minutes);
  let x = Math.log(price0);
  let anchor = x;
  let oi = oi0;
  let drift = 0;
  let regimeLeft = 0;
  let trending = false;
  for (let m = 0; m < minutes; m++) {
    if (regimeLeft-- <= 0) {
      const pick = random();
      trending = pick < 0.6;
      drift = trending ? (pick < 0.3 ? 1 : -1) * sigma * (0.04 + 0.05 * random()) : 0;
      regimeLeft = Math.round((6 + 18 * random()) * 60);
      anchor = x;
    }
    let r = drift + sigma * normal(random);
    if (!trending) r += 0.002 * (anchor - x);
    r += 0.0005 * (Math.log(price0) - x) * 0.01;
    let flush = false;
    if (random() < 1 / 2500) {
      r += (random() < 0.5 ? -1 : 1) * sigma * (8 + 8 * random());
      flush = true;
    }
    x += r;
    price[m] = Math.exp(x);
    ret[m] = r;
    const intensity = 0.6 + Math.abs(r) / sigma;
    activity[m] = intensity;
    // Open interest builds in trends and while ranging quietly, bleeds after flushes, and is pulled back
    // towards its starting level so that a long market stays in a realistic band.
    let d = (trending ? 0.00004 : 0.000012) * intensity * oi + 0.00004 * normal(random) * oi;
    if (flush) d -= (0.01 + 0.02 * random()) * oi;
    d += 0.0004 * (oi0 - oi);
    oi = Math.max(oi0 * 0.3, oi + d);
    totalOi[m] = oi;
  }

  const perMinuteVolume = dailyVolume / 1440;
  const tapes = {} as Record<SimVenue, VenueTape>;
  for (const venue of SIM_VENUES) {
    const profile = profiles[venue];
    const vr = createRandom(mixSeed(seed, asset, venue));
    const tape: VenueTape = {
      profile,
      open: new Float64Array(minutes),
      high: new Float64Array(minutes),
      low: new Float64Array(minutes),
      close: new Float64Array(minutes),
      volume: new Float64Array(minutes),
      quote: new Float64Array(minutes),
      takerBuy: new Float64Array(minutes),
      trades: new Float64Array(minutes),
      oi: new Float64Array(minutes),
    };
    let noise = 0;
    let prevClose = roundTo(price0 * (1 + profile.basis), profile.tick);
    for (let m = 0; m < minutes; m++) {
      noise = 0.9 * noise + 0.004 * normal(vr);
      const close = roundTo(at(price, m) * (1 + profile.basis + 0.00003 * normal(vr)), profile.tick);
      const open = prevClose;
      const wick = () => Math.abs(normal(vr)) * sigma * 0.35;
      const high = roundTo(Math.max(open, close) * (1 + wick()), profile.tick);
      const low = roundTo(Math.min(open, close) * (1 - wick()), profile.tick);
      const volume = roundTo(
        perMinuteVolume * profile.volumeShare * at(activity, m) * (0.7 + 0.6 * vr()),
        profile.sizeStep,
      );
      const buyShare = Math.min(0.95, Math.max(0.05, 0.5 + (0.22 * at(ret, m)) / sigma + 0.06 * normal(vr)));
      tape.open[m] = open;
      tape.high[m] = high;
      tape.low[m] = low;
      tape.close[m] = close;
      tape.volume[m] = volume;
      tape.quote[m] = volume * ((open + high + low + close) / 4);
      tape.takerBuy[m] = roundTo(volume * buyShare, profile.sizeStep);
      tape.trades[m] = Math.max(1, Math.round(volume * 40 * (0.8 + 0.4 * vr())));
      tape.oi[m] = roundTo(at(totalOi, m) * profile.oiShare * (1 + noise), profile.sizeStep);
      prevClose = close;
    }
    tapes[venue] = tape;
  }

  const end = start + minutes * MINUTE;
  /** Index of the minute running at `at` (may be out of range). */
  const minuteAt = (at: number) => Math.floor((at - start) / MINUTE);
  const clampIndex = (m: number) => Math.min(minutes - 1, Math.max(0, m));

  return {
    asset,
    seed,
    start,
    end,
    okxCtVal,
    bookLevels,
    profile: (venue) => profiles[venue],
    candle(venue, t, intervalMs, now) {
      if (t < start || t >= now || t >= end) return null;
      const tape = tapes[venue];
      const first = minuteAt(t);
      const stop = Math.min(minuteAt(t + intervalMs), minuteAt(now - 1) + 1, minutes);
      let high = -Infinity;
      let low = Infinity;
      let volume = 0;
      let quote = 0;
      let takerBuy = 0;
      let trades = 0;
      for (let m = first; m < stop; m++) {
        high = Math.max(high, at(tape.high, m));
        low = Math.min(low, at(tape.low, m));
        volume += at(tape.volume, m);
        quote += at(tape.quote, m);
        takerBuy += at(tape.takerBuy, m);
        trades += at(tape.trades, m);
      }
      return {
        t,
        open: at(tape.open, first),
        high,
        low,
        close: at(tape.close, stop - 1),
        volume,
        quoteVolume: quote,
        takerBuyVolume: takerBuy,
        trades,
        complete: t + intervalMs <= now && t + intervalMs <= end,
      };
    },
    openInterest(venue, instant) {
      const m = minuteAt(instant) - 1;
      if (m < 0) return null;
      return at(tapes[venue].oi, clampIndex(m));
    },
    markPrice(venue, now) {
      return at(tapes[venue].close, clampIndex(minuteAt(now)));
    },
    day(venue, now) {
      const tape = tapes[venue];
      const last = clampIndex(minuteAt(now));
      const first = clampIndex(last - 1439);
      let volume = 0;
      let quote = 0;
      let high = -Infinity;
      let low = Infinity;
      for (let m = first; m <= last; m++) {
        volume += at(tape.volume, m);
        quote += at(tape.quote, m);
        high = Math.max(high, at(tape.high, m));
        low = Math.min(low, at(tape.low, m));
      }
      return { volume, quote, open: at(tape.open, first), high, low };
    },
    funding(venue, now) {
      const profile = profiles[venue];
      const tape = tapes[venue];
      const last = clampIndex(minuteAt(now));
      const then = clampIndex(last - 480);
      // Funding leans with the last eight hours' move: longs pay in a rally.
      const move = at(tape.close, last) / at(tape.close, then) - 1;
      const rate8h = 0.0001 + 0.0004 * Math.tanh(move / 0.02);
      const period = profile.fundingIntervalHours * 3_600_000;
      return {
        rate: Number(((rate8h * profile.fundingIntervalHours) / 8).toFixed(8)),
        intervalHours: profile.fundingIntervalHours,
        nextFundingTime: Math.floor(now / period) * period + period,
      };
    },
    book(venue, now, levels) {
      const profile = profiles[venue];
      const mark = this.markPrice(venue, now);
      const br = createRandom(mixSeed(seed, asset, venue, 'book', minuteAt(now)));
      const count = Math.min(levels, bookLevels);
      const side = (sign: 1 | -1): [number, number][] => {
        const out: [number, number][] = [];
        let price = roundTo(mark + sign * profile.tick, profile.tick);
        for (let k = 0; k < count; k++) {
          // Levels thin out and spread away from the mark: 200 levels reach about 2 %.
          const gap = Math.max(
            profile.tick,
            roundTo(mark * 0.00002 * (1 + k * 0.1) * (0.5 + br()), profile.tick),
          );
          if (k > 0) price = roundTo(price + sign * gap, profile.tick);
          const size = roundTo(
            perMinuteVolume * profile.volumeShare * 0.08 * (1 + k / 40) * (0.2 + 1.6 * br()),
            profile.sizeStep,
          );
          out.push([price, Math.max(profile.sizeStep, size)]);
        }
        return out;
      };
      return { bids: side(-1), asks: side(1) };
    },
  };
}

/** BTC as the fixtures use it: ten days of minutes ending at `end` (rounded up to the minute). */
export function createBtcMarket(end: number, seed = 20260101, days = 10): Market {
  const minutes = days * 1440;
  return createMarket({
    asset: 'BTC',
    seed,
    start: Math.ceil(end / MINUTE) * MINUTE - minutes * MINUTE,
    minutes,
    price0: 95_000,
    oi0: 220_000,
    dailyVolume: 420_000,
  });
}
