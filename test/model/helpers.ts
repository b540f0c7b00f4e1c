import fc from 'fast-check';
import type { SeriesCandle, SeriesDoc, SeriesOi, VenueSeries } from '../../lib/market/series';
import { VENUES, type Venue } from '../../lib/market/venue';
import type { Bins } from '../../lib/model/cluster-view';
import type { Ledger } from '../../lib/model/ledger';
import { DEFAULT_PARAMS, type ModelParams } from '../../lib/model/params';

export const HOUR = 3_600_000;

/** A candle tuple; quote volume and taker-buy volume default to unknown. */
export function candle(
  t: number,
  high: number,
  low: number,
  close: number,
  volume = 1,
  quote: number | null = null,
  takerBuy: number | null = null,
  open = close,
): SeriesCandle {
  return [t, open, high, low, close, volume, quote, takerBuy];
}

/** A flat candle at `price` (open = high = low = close): entry at the typical price `price`. */
export function flat(
  t: number,
  price: number,
  volume = 1,
  quote: number | null = null,
  takerBuy: number | null = null,
) {
  return candle(t, price, price, price, volume, quote, takerBuy);
}

export function venueSeries(
  venue: Venue,
  candles: SeriesCandle[],
  openInterest: SeriesOi[],
  markPrice = 100,
  instrument = 'X',
): VenueSeries {
  return { venue, instrument, markPrice, candles, openInterest };
}

export function seriesDoc(venues: VenueSeries[], interval = '1h', asset = 'BTC'): SeriesDoc {
  return { format: 'liqlens.series/1', asset, interval, venues };
}

/** Defaults with overrides; one 4x tier and mmr 0 make liquidation prices exact (75 and 125 at 100). */
export function params(overrides: Partial<ModelParams> = {}): ModelParams {
  return { ...DEFAULT_PARAMS, ...overrides };
}

export const SIMPLE: Partial<ModelParams> = { tiers: [[4, 1]], mmr: 0, halfLifeHours: 0, window: '30d' };

export interface OpenBucket {
  side: 'long' | 'short';
  liq: number;
  usd: number;
  candle: number;
}

/** The ledger's buckets still holding notional, sorted by side, liq, candle, notional. */
export function openBuckets(ledger: Ledger): OpenBucket[] {
  const out: OpenBucket[] = [];
  for (const [name, side] of [
    ['long', ledger.long],
    ['short', ledger.short],
  ] as const) {
    for (let b = 0; b < side.size; b++) {
      // Liquidated, or emptied by a drop to zero open interest.
      if ((side.liquidatedAt[b] as number) >= 0 || side.usd[b] === 0) continue;
      out.push({
        side: name,
        liq: side.liq[b] as number,
        usd: side.usd[b] as number,
        candle: side.candle[b] as number,
      });
    }
  }
  return out.sort(
    (a, b) => a.side.localeCompare(b.side) || a.liq - b.liq || a.candle - b.candle || a.usd - b.usd,
  );
}

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s;
}

export function bins(low: number, width: number, long: number[], short: number[] = long.map(() => 0)): Bins {
  return { low, width, long, short };
}

/** |a − b| ≤ tol · max(1, |a|, |b|). */
export function near(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

interface VenueShape {
  /** Relative moves per candle, the wicks above and below, OI steps, gaps, flow. */
  steps: {
    r: number;
    up: number;
    down: number;
    dOi: number;
    oiGap: boolean;
    quote: boolean;
    taker: number | null;
    volume: number;
  }[];
  start: number;
  oi0: number;
}

const venueShapeArb = (maxCandles: number): fc.Arbitrary<VenueShape> =>
  fc.record({
    start: fc.double({ min: 50, max: 200, noNaN: true }),
    oi0: fc.double({ min: 0, max: 1000, noNaN: true }),
    steps: fc.array(
      fc.record({
        r: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
        up: fc.double({ min: 0, max: 0.15, noNaN: true }),
        down: fc.double({ min: 0, max: 0.15, noNaN: true }),
        dOi: fc.oneof(fc.double({ min: -0.6, max: 0.6, noNaN: true }), fc.constant(0), fc.constant(-1)),
        oiGap: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
        quote: fc.boolean(),
        taker: fc.option(fc.double({ min: -0.2, max: 1.2, noNaN: true })),
        volume: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 100, noNaN: true })),
      }),
      { minLength: 1, maxLength: maxCandles },
    ),
  });

/** Builds a venue's candles and OI from a shape: prices positive, OI non-negative, gaps where asked. */
export function buildVenue(venue: Venue, shape: VenueShape, intervalMs: number, t0 = 0): VenueSeries {
  const candles: SeriesCandle[] = [];
  const openInterest: SeriesOi[] = [];
  let price = shape.start;
  let oi = shape.oi0;
  shape.steps.forEach((s, i) => {
    const t = t0 + i * intervalMs;
    const open = price;
    const close = Math.max(1e-3, price * (1 + s.r));
    const high = Math.max(open, close) * (1 + s.up);
    const low = Math.min(open, close) * (1 - s.down);
    const quote = s.quote && s.volume > 0 ? s.volume * ((high + low + close) / 3) * (1 + s.r / 4) : null;
    const taker = s.taker === null ? null : s.taker * s.volume;
    candles.push([t, open, high, low, close, s.volume, quote, taker === null ? null : Math.max(0, taker)]);
    oi = Math.max(0, oi * (1 + s.dOi) + (s.dOi > 0 ? 1 : 0));
    if (!s.oiGap) openInterest.push([t, oi]);
    price = close;
  });
  return { venue, instrument: `${venue.toUpperCase()}-X`, markPrice: price, candles, openInterest };
}

/** Documents of 1–4 distinct venues with random histories (1 h candles). */
export const seriesDocArb = (maxCandles = 40): fc.Arbitrary<SeriesDoc> =>
  fc
    .subarray([...VENUES], { minLength: 1 })
    .chain((venues) =>
      fc.tuple(
        fc.constant(venues),
        fc.array(venueShapeArb(maxCandles), { minLength: venues.length, maxLength: venues.length }),
      ),
    )
    .map(([venues, shapes]) => seriesDoc(venues.map((v, i) => buildVenue(v, shapes[i] as VenueShape, HOUR))));

/** Valid model parameters with random tiers, mmr, split, decay and grid. */
export const paramsArb: fc.Arbitrary<ModelParams> = fc
  .record({
    tiers: fc.array(
      fc.tuple(fc.double({ min: 1.5, max: 125, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true })),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
    mmr: fc.double({ min: 0, max: 0.05, noNaN: true }),
    split: fc.constantFrom('taker' as const, 'even' as const),
    halfLifeHours: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 200, noNaN: true })),
    binPct: fc.double({ min: 0.05, max: 2, noNaN: true }),
    rangePct: fc.double({ min: 5, max: 60, noNaN: true }),
    movePct: fc.double({ min: 0.5, max: 5, noNaN: true }),
  })
  .map(({ tiers, ...rest }) => {
    const total = tiers.reduce((s, [, w]) => s + w, 0);
    return params({
      ...rest,
      tiers: tiers.map(([l, w]) => [l, w / total] as [number, number]),
      window: '30d',
      interval: '1h',
    });
  });

/** One venue, two flat hourly candles at 100, open interest 10 then 11: one opening of 1 at entry 100. */
export function oneOpeningAt100(): SeriesDoc {
  return seriesDoc([
    venueSeries(
      'binance',
      [flat(0, 100), flat(HOUR, 100)],
      [
        [0, 10],
        [HOUR, 11],
      ],
    ),
  ]);
}
