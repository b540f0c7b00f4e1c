import { durationMs } from '../market/interval';
import type { SeriesDoc, VenueSeries } from '../market/series';
import type { Venue } from '../market/venue';
import { atRiskNotional } from './at-risk';
import { findBands } from './bands';
import { makeGrid } from './bins';
import { sortedCandleTable, T, WIDTH } from './candle-table';
import { type BookDepthUsd, type CascadeDirection, cascade } from './cascade';
import {
  type Band,
  type BandVenue,
  type Bins,
  type Cascade,
  type ClusterView,
  type Diagnostics,
  emptyDiagnostics,
} from './cluster-view';
import { ModelInputError } from './errors';
import { joinOpenInterest, runLedger } from './ledger';
import type { ModelParams } from './params';
import { blendSide, priorShares } from './prior-blend';
import { readOut } from './read-out';

/** What the model computes: the `ClusterView` without the engine's per-venue context. */
export type ModelResult = Omit<ClusterView, 'venues' | 'secondOpinion' | 'fetchedAt'>;

/**
 * A band's notional per venue: each venue map summed over the band's bins, in the canonical venue order (so
 * the sums are order-free), then largest first.
 */
function bandVenues(
  band: Band,
  low: number,
  width: number,
  maps: readonly { venue: Venue; long: Float64Array; short: Float64Array }[],
): BandVenue[] {
  const first = Math.round((band.low - low) / width);
  const last = Math.round((band.high - low) / width) - 1;
  const byVenue = new Map<Venue, number>();
  for (const map of maps) {
    const bins = band.side === 'long' ? map.long : map.short;
    let usd = 0;
    for (let k = first; k <= last; k++) usd += bins[k] as number;
    byVenue.set(map.venue, (byVenue.get(map.venue) ?? 0) + usd);
  }
  return [...byVenue]
    .filter(([, usd]) => usd > 0)
    .map(([venue, notionalUsd]) => ({ venue, notionalUsd }))
    .sort((a, b) => b.notionalUsd - a.notionalUsd || (a.venue < b.venue ? -1 : 1));
}

/** Median of the venues' mark prices (mean of the middle two when even). */
export function medianPrice(prices: readonly number[]): number {
  const sorted = [...prices].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) throw new ModelInputError('no mark price');
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function compareVenues(a: VenueSeries, b: VenueSeries): number {
  if (a.venue !== b.venue) return a.venue < b.venue ? -1 : 1;
  if (a.instrument !== b.instrument) return a.instrument < b.instrument ? -1 : 1;
  // Two entries for one instrument: any total order on the content keeps the result order-free.
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

export function firstAtOrAfter(table: Float64Array, t: number): number {
  let lo = 0;
  let hi = table.length / WIDTH;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table[mid * WIDTH + T] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open time from which candles are used: `window` before the end of the latest candle across the venues. */
export function windowStart(tables: readonly Float64Array[], intervalMs: number, windowMs: number): number {
  let end = Number.NEGATIVE_INFINITY;
  for (const table of tables) {
    if (table.length > 0) end = Math.max(end, (table[table.length - WIDTH + T] as number) + intervalMs);
  }
  return end - windowMs;
}

/** The venue's latest open interest within its window (base units), 0 when it has none. */
function lastOpenInterest(times: Float64Array, openInterest: VenueSeries['openInterest']): number {
  const oi = joinOpenInterest(times, openInterest);
  for (let i = oi.length - 1; i >= 0; i--) if (!Number.isNaN(oi[i] as number)) return oi[i] as number;
  return 0;
}

/** How much of one venue's series the model uses. */
export interface VenueUsage {
  /** Candles inside the window. */
  candles: number;
  /** Of their intervals, those with open interest at both ends: the ones that can open or shrink buckets. */
  ledgerIntervals: number;
}

/**
 * Per venue of `doc`, in its order, what `runModel` uses of it, without running the ledger: a venue with
 * no ledger interval contributes nothing to the map (its candles only liquidate, and it opens nothing).
 */
export function venueUsage(doc: SeriesDoc, params: ModelParams): VenueUsage[] {
  const tables = doc.venues.map((v) => sortedCandleTable(v.candles));
  const from = windowStart(tables, durationMs(doc.interval), durationMs(params.window));
  return doc.venues.map((venue, v) => {
    const all = tables[v] as Float64Array;
    const start = firstAtOrAfter(all, from);
    const candles = all.length / WIDTH - start;
    const times = new Float64Array(candles);
    for (let i = 0; i < candles; i++) times[i] = all[(start + i) * WIDTH + T] as number;
    const oi = joinOpenInterest(times, venue.openInterest);
    let ledgerIntervals = 0;
    for (let i = 1; i < candles; i++) {
      if (!Number.isNaN(oi[i] as number) && !Number.isNaN(oi[i - 1] as number)) ledgerIntervals++;
    }
    return { candles, ledgerIntervals };
  });
}

/** The parts every reading of the model shares: parameters, venues in canonical order, price, window, grid. */
export function prepareModel(doc: SeriesDoc, modelParams: ModelParams) {
  const params =
    modelParams.interval === doc.interval ? modelParams : { ...modelParams, interval: doc.interval };
  const venues = [...doc.venues].sort(compareVenues);
  const price = medianPrice(venues.map((v) => v.markPrice));
  const intervalMs = durationMs(doc.interval);
  const tables = venues.map((v) => sortedCandleTable(v.candles));
  const from = windowStart(tables, intervalMs, durationMs(params.window));
  const grid = makeGrid(price, params.binPct, params.rangePct);
  return { params, venues, price, intervalMs, tables, from, grid };
}

/**
 * One venue's part of `runModel`'s map, on the same grid (the grid of every venue's median price): what the
 * estimate says of that venue alone. Null when the document has no candle of it in the window.
 */
export function venueBins(doc: SeriesDoc, modelParams: ModelParams, venue: Venue): Bins | null {
  const { params, venues, intervalMs, tables, from, grid } = prepareModel(doc, modelParams);
  const long = new Array<number>(grid.count).fill(0);
  const short = new Array<number>(grid.count).fill(0);
  let found = false;
  venues.forEach((v, i) => {
    if (v.venue !== venue) return;
    const all = tables[i] as Float64Array;
    const table = all.subarray(firstAtOrAfter(all, from) * WIDTH);
    const count = table.length / WIDTH;
    if (count === 0) return;
    found = true;
    const venueEnd = (table[(count - 1) * WIDTH + T] as number) + intervalMs;
    const map = readOut(runLedger(table, v.openInterest, params), grid, params.halfLifeHours, venueEnd);
    for (let k = 0; k < grid.count; k++) {
      long[k] = (long[k] as number) + (map.long[k] as number);
      short[k] = (short[k] as number) + (map.short[k] as number);
    }
  });
  return found ? { low: grid.low, width: grid.width, long, short } : null;
}

/**
 * The model of model.md (v1, or v2 when `params.version` says so), pure and deterministic: the same document gives the same result to the bit
 * whatever the order of its venues (venues are processed in a canonical order and summed in it).
 *
 * The candle duration is the document's `interval`, and the parameters carried in the result say so
 * even when `params.interval` differs. Only candles that open within `params.window` before the end of
 * the latest candle across the venues are used, so the result matches the parameters it carries.
 */
export function runModel(doc: SeriesDoc, modelParams: ModelParams, depth?: BookDepthUsd): ModelResult {
  const { params, venues, price, intervalMs, tables, from, grid } = prepareModel(doc, modelParams);
  const long = new Float64Array(grid.count);
  const short = new Float64Array(grid.count);
  const diagnostics: Diagnostics = emptyDiagnostics();

  const v2 = params.version === 'v2';
  const prior = v2
    ? {
        long: priorShares(grid, price, params.rangePct, 'long'),
        short: priorShares(grid, price, params.rangePct, 'short'),
      }
    : null;

  const venueMaps: { venue: Venue; long: Float64Array; short: Float64Array }[] = [];
  venues.forEach((venue, v) => {
    const all = tables[v] as Float64Array;
    const table = all.subarray(firstAtOrAfter(all, from) * WIDTH);
    const count = table.length / WIDTH;
    if (count === 0) return;
    const ledger = runLedger(table, venue.openInterest, params);
    const first = table[T] as number;
    const venueEnd = (table[(count - 1) * WIDTH + T] as number) + intervalMs;
    const map = readOut(ledger, grid, params.halfLifeHours, venueEnd);
    if (prior !== null) {
      const oiUsd = lastOpenInterest(ledger.times, venue.openInterest) * price;
      map.long = blendSide(map.long, prior.long, oiUsd);
      map.short = blendSide(map.short, prior.short, oiUsd);
    }
    venueMaps.push({ venue: venue.venue, long: map.long, short: map.short });
    for (let k = 0; k < grid.count; k++) {
      long[k] = (long[k] as number) + (map.long[k] as number);
      short[k] = (short[k] as number) + (map.short[k] as number);
    }
    diagnostics.skippedIntervals += ledger.skippedIntervals;
    diagnostics.droppedNotionalUsd += map.droppedUsd;
    diagnostics.openedNotionalUsd += ledger.openedUsd;
    diagnostics.liquidatedNotionalUsd += ledger.liquidatedUsd;
    diagnostics.shrunkNotionalUsd += ledger.shrunkUsd;
    diagnostics.openNotionalUsd += map.openUsd;
    diagnostics.decayedNotionalUsd += map.decayedUsd;
    diagnostics.candles += count;
    diagnostics.spanFrom = diagnostics.spanFrom === null ? first : Math.min(diagnostics.spanFrom, first);
    diagnostics.spanTo = diagnostics.spanTo === null ? venueEnd : Math.max(diagnostics.spanTo, venueEnd);
  });

  const bins: Bins = { low: grid.low, width: grid.width, long: Array.from(long), short: Array.from(short) };
  const bands = findBands(bins, params.minBinUsd, grid).map((band) => ({
    ...band,
    venues: bandVenues(band, grid.low, grid.width, venueMaps),
  }));
  const up = price * (1 + params.movePct / 100);
  const down = price * (1 - params.movePct / 100);

  return {
    asset: doc.asset,
    price,
    model: { version: v2 ? '2' : '1', params },
    bins,
    bands,
    atRisk: {
      movePct: params.movePct,
      up: { price: up, notionalUsd: atRiskNotional(bins, price, 'short', params.movePct) },
      down: { price: down, notionalUsd: atRiskNotional(bins, price, 'long', params.movePct) },
    },
    cascade: depth ? cascades(bins, bands, price, depth, up, down) : [],
    diagnostics,
  };
}

/**
 * Per direction: a push to the at-risk move price, and a push into the nearest band beyond P, up to its peak. A push
 * that stops at the band's near edge liquidates none of it (notional is spread evenly within bins), so it would say
 * nothing about the band; the peak is where a trader expects the cluster to fire. Up, the candidates are the short
 * bands whose peak lies above P — a band P sits inside counts, as the nearest — and the nearest is the lowest (bands of
 * one side never overlap); down, the long bands whose peak lies below P, the highest.
 */
function cascades(
  bins: Bins,
  bands: readonly Band[],
  price: number,
  depth: BookDepthUsd,
  up: number,
  down: number,
): Cascade[] {
  const out: Cascade[] = [];
  const run = (direction: CascadeDirection, trigger: Cascade['trigger'], q0: number): void => {
    out.push({ direction, trigger, fromPrice: q0, ...cascade(bins, price, depth, direction, q0) });
  };
  run('up', 'move', up);
  let above: Band | null = null;
  let below: Band | null = null;
  for (const band of bands) {
    if (band.side === 'short' && band.peak > price && (above === null || band.low < above.low)) above = band;
    if (band.side === 'long' && band.peak < price && (below === null || band.high > below.high)) below = band;
  }
  if (above !== null) run('up', 'nearest-band', above.peak);
  run('down', 'move', down);
  if (below !== null) run('down', 'nearest-band', below.peak);
  return out;
}
