import { durationMs } from '../market/interval';
import type { SeriesDoc, VenueSeries } from '../market/series';
import { T, WIDTH } from './candle-table';
import { type HeatmapInputs, heatmapInputs, reusableColumns } from './heatmap-reuse';
import { createDecay, createVenueCuts, type SideMap, venueCutAt } from './heatmap-venue';
import { joinOpenInterest, type Ledger, runLedger } from './ledger';
import type { ModelParams } from './params';
import { priorShares } from './prior-blend';
import { firstAtOrAfter, prepareModel } from './run-model';

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
  /** What it was computed from, for the next run's `previous`, and how many leading columns it took from its own. */
  inputs: HeatmapInputs;
  reused: number;
}

const HOUR_MS = 3_600_000;

/**
 * Adds a venue's side map into a column, as runModel adds it. Into a column no venue has added to yet (all 0), the
 * map is copied: 0 + x is x for the map's values (sums of non-negative terms, never −0).
 */
function addInto(out: Float64Array, side: SideMap, first: boolean): void {
  const { map, low, high } = side;
  if (low > high) return;
  // A loop, not `set` on a subarray: a view a call costs more than the copy.
  if (first) for (let k = low; k <= high; k++) out[k] = map[k] as number;
  else for (let k = low; k <= high; k++) out[k] = (out[k] as number) + (map[k] as number);
}

/**
 * The heatmap of model.md "The map" in chart time. Column j equals, to the bit, the `bins` of `runModel` on the same
 * series cut after candle j (the same marks, so the same price, grid and prior), under v1 and v2 and any parameters:
 * the cut's window ends with candle j, so each venue contributes its candles from `window` before that candle's end
 * up to it (`createVenueCuts`), read out as readOut does at the venue's last candle there, blended under v2 with the
 * prior at the venue's open interest on that candle range, and the venues are added in the model's canonical order.
 * The last column is `bins`.
 *
 * Each venue's ledger runs once, over every candle any column's cut uses; the columns are then read from it
 * incrementally, one pass over the open buckets a column and venue, never a model run. Given the `previous` heatmap
 * of the same asset, the leading columns whose cuts did not change are copied from it (`reusableColumns`): between
 * two candles a refresh changes only the last candle (and the marks, which under v2 move the prior).
 */
export function computeHeatmap(doc: SeriesDoc, modelParams: ModelParams, previous?: Heatmap): Heatmap {
  const { params, venues, price, intervalMs, tables, from, grid } = prepareModel(doc, modelParams);
  const windowMs = durationMs(params.window);
  const allTimes = new Set<number>();
  for (const all of tables) {
    for (let o = firstAtOrAfter(all, from) * WIDTH; o < all.length; o += WIDTH)
      allTimes.add(all[o + T] as number);
  }
  // A typed array sorts numbers without a comparator (a closure per call would run unoptimised after a GC).
  const times = Array.from(Float64Array.from(allTimes).sort());
  // The columns are views on one buffer: a thousand small typed arrays cost more to allocate than the map to fill.
  const cells = new Float64Array(2 * times.length * grid.count);
  const column = (c: number) => cells.subarray(c * grid.count, (c + 1) * grid.count);
  const long = times.map((_, j) => column(j));
  const short = times.map((_, j) => column(times.length + j));
  const inputs = heatmapInputs(params, price, grid, venues, tables);
  const heatmap = { times, low: grid.low, width: grid.width, long, short, inputs, reused: 0 };
  if (times.length === 0) return heatmap;

  // A cut's window starts `window` before the end of its last candle, as runModel's windowStart computes it.
  const cutFrom = (t: number) => t + intervalMs - windowMs;
  const reuse = previous ? reusableColumns(previous, inputs, times, cutFrom(times[0] as number)) : [];
  if (previous) {
    reuse.forEach((p, j) => {
      (long[j] as Float64Array).set(previous.long[p] as Float64Array);
      (short[j] as Float64Array).set(previous.short[p] as Float64Array);
    });
  }
  heatmap.reused = reuse.length;
  if (reuse.length === times.length) return heatmap;
  const prior =
    params.version === 'v2'
      ? {
          long: priorShares(grid, price, params.rangePct, 'long'),
          short: priorShares(grid, price, params.rangePct, 'short'),
        }
      : null;
  const ledgers: { ledger: Ledger; openInterest: VenueSeries['openInterest'] }[] = [];
  venues.forEach((venue, v) => {
    const all = tables[v] as Float64Array;
    const table = all.subarray(firstAtOrAfter(all, cutFrom(times[0] as number)) * WIDTH);
    if (table.length === 0) return;
    ledgers.push({
      ledger: runLedger(table, venue.openInterest, params, { keep: true }),
      openInterest: venue.openInterest,
    });
  });
  const longest = Math.max(...ledgers.map(({ ledger }) => ledger.candles));
  const decay = createDecay(params.halfLifeHours * HOUR_MS, intervalMs, longest);

  const cuts = ledgers.map(({ ledger, openInterest }) =>
    createVenueCuts(
      ledger,
      grid,
      intervalMs,
      decay,
      prior && { ...prior, price, oi: joinOpenInterest(ledger.times, openInterest) },
    ),
  );
  // Column by column, the venues in the model's canonical order, each adding its map as runModel adds it (a column
  // is added to while it is in the cache).
  for (let j = reuse.length; j < times.length; j++) {
    const t = times[j] as number;
    let first = true;
    for (const venue of cuts) {
      const maps = venueCutAt(venue, t, t + intervalMs - windowMs);
      if (maps === null) continue;
      addInto(long[j] as Float64Array, maps[0], first);
      addInto(short[j] as Float64Array, maps[1], first);
      first = false;
    }
  }
  return heatmap;
}
