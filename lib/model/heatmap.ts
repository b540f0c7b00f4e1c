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
}

function track(side: BucketSide, entry: Float64Array, grid: Grid): VenueTrack['sides'][number] {
  const bin = new Int32Array(side.size);
  for (let b = 0; b < side.size; b++) bin[b] = binIndex(grid, side.liq[b] as number);
  return { bin, candle: side.candle, liquidatedAt: side.liquidatedAt, entry, size: side.size };
}

/**
 * The heatmap of model.md "The map" in chart time. Each venue's ledger runs once over the window; column j reads it
 * out as the model's `readOut` would after the venue's last candle at or before `times[j]`: a bucket opened by then
 * and not liquidated by then is worth `entry · S_i / S_opened` (the ledger's own `settle` arithmetic), decayed by
 * its age at that candle's close, and the venues are summed in the model's canonical order. So column j equals, to
 * the bit, the `bins` of `runModel` on the same series cut after candle j (same marks, so the same grid) — as long
 * as the series holds no candle older than the window, which is what the engine keeps. The last column is `bins`.
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
    });
  });
  const times = [...allTimes].sort((a, b) => a - b);

  const long: Float64Array[] = [];
  const short: Float64Array[] = [];
  for (let j = 0; j < times.length; j++) {
    long.push(new Float64Array(grid.count));
    short.push(new Float64Array(grid.count));
  }
  // readOut's decay depends only on the age (end − open time), a whole number of candles on a regular series: one
  // exp per age in candles. The same expression as readOut's, so the same doubles.
  const byCandles = new Float64Array(times.length + 2).fill(Number.NaN);
  const decayOf = (age: number): number => {
    if (!(halfLifeMs > 0)) return 1;
    const k = age / intervalMs;
    if (k >= 0 && k < byCandles.length && Number.isInteger(k) && k * intervalMs === age) {
      const d = byCandles[k] as number;
      if (!Number.isNaN(d)) return d;
      const fresh = Math.exp(-(age / halfLifeMs) * Math.LN2);
      byCandles[k] = fresh;
      return fresh;
    }
    return Math.exp(-(age / halfLifeMs) * Math.LN2);
  };
  const venueMap = new Float64Array(grid.count);
  // Venue by venue (the model's canonical order), each column adds the venue's map as runModel adds it.
  for (const venue of tracks) {
    const n = venue.times.length;
    const factor = new Float64Array(n);
    const decay = new Float64Array(n);
    const open = venue.sides.map((side) => ({ ids: new Int32Array(side.size), count: 0, next: 0 }));
    let i = -1;
    for (let j = 0; j < times.length; j++) {
      const t = times[j] as number;
      const moved = i;
      while (i + 1 < n && (venue.times[i + 1] as number) <= t) i++;
      if (i < 0) continue;
      const end = (venue.times[i] as number) + intervalMs;
      let oldest = i;
      for (let s = 0; s < 2; s++) {
        const side = venue.sides[s] as VenueTrack['sides'][number];
        const list = open[s] as (typeof open)[number];
        if (i !== moved) {
          // Drop the buckets liquidated by now, then add those opened by now (in order, after the older ones).
          let kept = 0;
          for (let a = 0; a < list.count; a++) {
            const b = list.ids[a] as number;
            const at = side.liquidatedAt[b] as number;
            if (at < 0 || at > i) list.ids[kept++] = b;
          }
          list.count = kept;
          while (list.next < side.size && (side.candle[list.next] as number) <= i) {
            const b = list.next++;
            const at = side.liquidatedAt[b] as number;
            if ((at < 0 || at > i) && (side.bin[b] as number) >= 0) list.ids[list.count++] = b;
          }
        }
        if (list.count > 0) oldest = Math.min(oldest, side.candle[list.ids[0] as number] as number);
      }
      // Per opening candle: S_i / S_opened (the ledger's ratio) and the decay at this close.
      const { m, e, epoch } = venue.scale;
      for (let c = oldest; c <= i; c++) {
        if (epoch[i] !== epoch[c]) factor[c] = 0;
        else {
          const r = (m[i] as number) / (m[c] as number);
          const de = (e[i] as number) - (e[c] as number);
          factor[c] = de === 0 ? r : r * 2 ** de;
        }
        decay[c] = decayOf(end - (venue.times[c] as number));
      }
      for (let s = 0; s < 2; s++) {
        const side = venue.sides[s] as VenueTrack['sides'][number];
        const list = open[s] as (typeof open)[number];
        venueMap.fill(0);
        for (let a = 0; a < list.count; a++) {
          const b = list.ids[a] as number;
          const c = side.candle[b] as number;
          const k = side.bin[b] as number;
          venueMap[k] =
            (venueMap[k] as number) +
            (side.entry[b] as number) * (factor[c] as number) * (decay[c] as number);
        }
        const out = (s === 0 ? long[j] : short[j]) as Float64Array;
        for (let k = 0; k < grid.count; k++) out[k] = (out[k] as number) + (venueMap[k] as number);
      }
    }
  }
  return { times, low: grid.low, width: grid.width, long, short };
}
