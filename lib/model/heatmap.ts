import { durationMs } from '../market/interval';
import type { SeriesDoc } from '../market/series';
import { binIndex, type Grid, makeGrid } from './bins';
import { sortedCandleTable, WIDTH } from './candle-table';
import { type BucketSide, type LedgerScale, runLedger } from './ledger';
import type { ModelParams } from './params';
import { compareVenues, firstAtOrAfter, medianPrice, windowStart } from './run-model';

/**
 * The map at each candle's close: `times[j]` is the open time of the window's j-th candle (the union of the venues'
 * candles, oldest first), `long[j]` and `short[j]` the map on the grid of `bins` as it stood after that candle.
 */
export interface Heatmap {
  times: number[];
  /** Lower edge and width of the grid (those of the `bins` of the same run). */
  low: number;
  width: number;
  long: Float64Array[];
  short: Float64Array[];
}

const HOUR_MS = 3_600_000;

interface VenueTrack {
  times: Float64Array;
  /** Per side: bucket → bin (−1 off the grid), opening candle, liquidating candle, notional at opening. */
  sides: {
    bin: Int32Array;
    candle: Int32Array;
    liquidatedAt: Int32Array;
    entry: Float64Array;
    size: number;
  }[];
  scale: LedgerScale;
  /** Per opening candle, scratch for the column being computed (`weightsAt`). */
  factor: Float64Array;
  decayOf: Float64Array;
  /** Candle c opens at `times[0] + c · intervalMs`: its age at candle i's close is i + 1 − c candles. */
  regular: boolean;
}

/** One side's open buckets after a candle, in opening order, and the venue's map of them on the grid. */
interface OpenList {
  bin: Int32Array;
  entry: Float64Array;
  candle: Int32Array;
  /** The candle that liquidates the bucket, or the venue's candle count when none does. */
  dies: Int32Array;
  count: number;
  /** Of those, how many were liquidated at the last `mapAt`. */
  dead: number;
  /** The next bucket of the side not yet opened. */
  next: number;
  map: Float64Array;
}

function openList(size: number, bins: number): OpenList {
  return {
    bin: new Int32Array(size),
    entry: new Float64Array(size),
    candle: new Int32Array(size),
    dies: new Int32Array(size),
    count: 0,
    dead: 0,
    next: 0,
    map: new Float64Array(bins),
  };
}

function track(side: BucketSide, entry: Float64Array, grid: Grid): VenueTrack['sides'][number] {
  const bin = new Int32Array(side.size);
  for (let b = 0; b < side.size; b++) bin[b] = binIndex(grid, side.liq[b] as number);
  return { bin, candle: side.candle, liquidatedAt: side.liquidatedAt, entry, size: side.size };
}

/**
 * Adds the buckets opened by candle i (after the older ones: bucket order). The liquidated ones are skipped by `mapAt`
 * and dropped here once they are half the list, so the list is copied a few times, not at every candle.
 */
function advance(list: OpenList, side: VenueTrack['sides'][number], i: number, n: number): void {
  const { bin, entry, candle, dies } = list;
  const compact = list.dead * 2 > list.count;
  let kept = compact ? 0 : list.count;
  for (let a = kept; a < list.count; a++) {
    if ((dies[a] as number) <= i) continue;
    bin[kept] = bin[a] as number;
    entry[kept] = entry[a] as number;
    candle[kept] = candle[a] as number;
    dies[kept] = dies[a] as number;
    kept++;
  }
  let count = kept;
  if (compact) list.dead = 0;
  let b = list.next;
  for (; b < side.size && (side.candle[b] as number) <= i; b++) {
    const at = side.liquidatedAt[b] as number;
    const end = at < 0 ? n : at;
    if (end > i && (side.bin[b] as number) >= 0) {
      bin[count] = side.bin[b] as number;
      entry[count] = side.entry[b] as number;
      candle[count] = side.candle[b] as number;
      dies[count] = end;
      count++;
    }
  }
  list.next = b;
  list.count = count;
}

/**
 * Per opening candle c ≤ i, what one USD opened at c is worth in the map after candle i: `S_i / S_c` (the ledger's
 * ratio) into `factor[c]`, the age decay into `decay[c]`; from `oldest` on, the oldest candle with an open bucket.
 */
function weightsAt(venue: VenueTrack, i: number, oldest: number, intervalMs: number, decay: Decay): void {
  const { m, e, epoch } = venue.scale;
  const { factor, decayOf } = venue;
  const end = (venue.times[i] as number) + intervalMs;
  for (let c = oldest; c <= i; c++) {
    if (epoch[i] !== epoch[c]) factor[c] = 0;
    else {
      const r = (m[i] as number) / (m[c] as number);
      const de = (e[i] as number) - (e[c] as number);
      factor[c] = de === 0 ? r : r * 2 ** de;
    }
    decayOf[c] = venue.regular
      ? (decay.byCandles[i + 1 - c] as number)
      : decay.of(end - (venue.times[c] as number));
  }
}

/** The side's map after candle i into `list.map`, as readOut adds it: `entry · ratio · decay`, in bucket order. */
function mapAt(list: OpenList, venue: VenueTrack, i: number): void {
  const { bin, entry, candle, dies, map } = list;
  const { factor, decayOf } = venue;
  map.fill(0);
  let dead = 0;
  for (let a = 0; a < list.count; a++) {
    if ((dies[a] as number) <= i) {
      dead++;
      continue;
    }
    const c = candle[a] as number;
    const k = bin[a] as number;
    map[k] = (map[k] as number) + (entry[a] as number) * (factor[c] as number) * (decayOf[c] as number);
  }
  list.dead = dead;
}

function addInto(out: Float64Array, map: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) + (map[k] as number);
}

/**
 * readOut's decay of an age (end − open time), by the same expression as readOut's, so the same doubles. On a regular
 * series the age is a whole number of candles, so the decays are a table by age in candles, computed once.
 */
interface Decay {
  of(age: number): number;
  byCandles: Float64Array;
}

function createDecay(halfLifeMs: number, intervalMs: number, candles: number): Decay {
  const of = (age: number): number => (halfLifeMs > 0 ? Math.exp(-(age / halfLifeMs) * Math.LN2) : 1);
  const byCandles = new Float64Array(candles + 2);
  for (let k = 0; k < byCandles.length; k++) byCandles[k] = of(k * intervalMs);
  return { of, byCandles };
}

/** Whether candle c of the venue opens at `times[0] + c · intervalMs` for every c. */
function isRegular(times: Float64Array, intervalMs: number): boolean {
  const t0 = times[0] as number;
  for (let c = 1; c < times.length; c++) if ((times[c] as number) !== t0 + c * intervalMs) return false;
  return true;
}

/**
 * The heatmap of model.md "The map" in chart time. Each venue's ledger runs once over the window; column j reads it
 * out as the model's `readOut` would after the venue's last candle at or before `times[j]`: a bucket opened by then
 * and not liquidated by then is worth `entry · S_i / S_opened` (the ledger's own `settle` arithmetic), decayed by
 * its age at that candle's close, and the venues are summed in the model's canonical order. So column j equals, to
 * the bit, the `bins` of `runModel` on the same series cut after candle j (same marks, so the same grid) — as long
 * as the series holds no candle older than the window, which is what the engine keeps. The last column is `bins`.
 *
 * The work is incremental along the candles: each side keeps its open buckets in opening order (`advance` appends,
 * and drops the liquidated once they are many), and a column costs one pass over them (`mapAt`) plus one ratio and
 * decay per opening candle (`weightsAt`), never a model run.
 */
export function computeHeatmap(doc: SeriesDoc, modelParams: ModelParams): Heatmap {
  const params =
    modelParams.interval === doc.interval ? modelParams : { ...modelParams, interval: doc.interval };
  const venues = [...doc.venues].sort(compareVenues);
  const price = medianPrice(venues.map((v) => v.markPrice));
  const intervalMs = durationMs(doc.interval);
  const tables = venues.map((v) => sortedCandleTable(v.candles));
  const from = windowStart(tables, intervalMs, durationMs(params.window));
  const grid = makeGrid(price, params.binPct, params.rangePct);
  const halfLifeMs = params.halfLifeHours * HOUR_MS;

  const tracks: VenueTrack[] = [];
  const allTimes = new Set<number>();
  venues.forEach((venue, v) => {
    const all = tables[v] as Float64Array;
    const table = all.subarray(firstAtOrAfter(all, from) * WIDTH);
    if (table.length === 0) return;
    const ledger = runLedger(table, venue.openInterest, params, { keep: true });
    const kept = ledger.kept;
    if (!kept) return;
    for (const t of ledger.times) allTimes.add(t);
    tracks.push({
      times: ledger.times,
      sides: [track(ledger.long, kept.entryLong, grid), track(ledger.short, kept.entryShort, grid)],
      scale: kept.scale,
      factor: new Float64Array(ledger.candles),
      decayOf: new Float64Array(ledger.candles),
      regular: isRegular(ledger.times, intervalMs),
    });
  });
  const times = [...allTimes].sort((a, b) => a - b);

  // The columns are views on one buffer: a thousand small typed arrays cost more to allocate than the map to fill.
  const cells = new Float64Array(2 * times.length * grid.count);
  const column = (c: number) => cells.subarray(c * grid.count, (c + 1) * grid.count);
  const long = times.map((_, j) => column(j));
  const short = times.map((_, j) => column(times.length + j));
  const decay = createDecay(halfLifeMs, intervalMs, times.length);
  // Venue by venue (the model's canonical order), each column adds the venue's map as runModel adds it. The first
  // venue of a column is copied: 0 + x is x for the map's values (sums of non-negative terms, never −0).
  const started = new Uint8Array(times.length);
  for (const venue of tracks) {
    const n = venue.times.length;
    const open = venue.sides.map((side) => openList(side.size, grid.count));
    let i = -1;
    for (let j = 0; j < times.length; j++) {
      const t = times[j] as number;
      const moved = i;
      while (i + 1 < n && (venue.times[i + 1] as number) <= t) i++;
      if (i < 0) continue;
      if (i !== moved) {
        let oldest = i;
        for (let s = 0; s < 2; s++) {
          const list = open[s] as OpenList;
          advance(list, venue.sides[s] as VenueTrack['sides'][number], i, n);
          if (list.count > 0) oldest = Math.min(oldest, list.candle[0] as number);
        }
        weightsAt(venue, i, oldest, intervalMs, decay);
      }
      for (let s = 0; s < 2; s++) {
        const list = open[s] as OpenList;
        // A venue with no new candle since the last column has the same map.
        if (i !== moved) mapAt(list, venue, i);
        const out = (s === 0 ? long[j] : short[j]) as Float64Array;
        if (started[j] === 1) addInto(out, list.map);
        else out.set(list.map);
      }
      started[j] = 1;
    }
  }
  return { times, low: grid.low, width: grid.width, long, short };
}
