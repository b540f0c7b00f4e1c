import type { VenueSeries } from '../market/series';
import type { Grid } from './bins';
import { T, WIDTH } from './candle-table';
import { joinOpenInterest } from './ledger';
import type { ModelParams } from './params';
import { firstAtOrAfter } from './run-model';

/** What a heatmap was computed from, kept beside it so that the next run on the same asset can reuse its columns. */
export interface HeatmapInputs {
  /** The parameters as JSON, and whether they are v2's (whose prior the price places). */
  params: string;
  v2: boolean;
  price: number;
  low: number;
  width: number;
  bins: number;
  /** Per venue in the model's canonical order: its candles (a candle table) and its open interest joined on them. */
  venues: { key: string; table: Float64Array; oi: Float64Array }[];
}

export function heatmapInputs(
  params: ModelParams,
  price: number,
  grid: Grid,
  venues: readonly VenueSeries[],
  tables: readonly Float64Array[],
): HeatmapInputs {
  return {
    params: JSON.stringify(params),
    v2: params.version === 'v2',
    price,
    low: grid.low,
    width: grid.width,
    bins: grid.count,
    venues: venues.map((venue, v) => {
      const table = tables[v] as Float64Array;
      const times = new Float64Array(table.length / WIDTH);
      for (let i = 0; i < times.length; i++) times[i] = table[i * WIDTH + T] as number;
      return {
        key: JSON.stringify([venue.venue, venue.instrument]),
        table,
        oi: joinOpenInterest(times, venue.openInterest),
      };
    }),
  };
}

type VenueInputs = HeatmapInputs['venues'][number];

/**
 * The open time of the first candle from `from` on where the two venues' series differ (a field of a candle, the open
 * interest on it, or a candle only one of them has); +∞ when they agree.
 */
function firstDifference(a: VenueInputs, b: VenueInputs, from: number): number {
  const na = a.table.length / WIDTH;
  const nb = b.table.length / WIDTH;
  let x = firstAtOrAfter(a.table, from);
  let y = firstAtOrAfter(b.table, from);
  for (; x < na && y < nb; x++, y++) {
    const ox = x * WIDTH;
    const oy = y * WIDTH;
    let same = Object.is(a.oi[x], b.oi[y]);
    for (let f = 0; f < WIDTH && same; f++) same = Object.is(a.table[ox + f], b.table[oy + f]);
    if (!same) return Math.min(a.table[ox + T] as number, b.table[oy + T] as number);
  }
  if (x < na) return a.table[x * WIDTH + T] as number;
  if (y < nb) return b.table[y * WIDTH + T] as number;
  return Number.POSITIVE_INFINITY;
}

/**
 * Which leading columns of a new heatmap are the previous heatmap's, unchanged: column j is the map of the series
 * cut after `times[j]`, read over that cut's window only, so it is the same when the parameters, the grid (and under
 * v2 the price, which places the prior) are, and every venue's candles and open interest from the first column's
 * window start up to `times[j]` are. Returns, per reusable column, its index in the previous heatmap.
 */
export function reusableColumns(
  previous: { inputs: HeatmapInputs; times: readonly number[] },
  inputs: HeatmapInputs,
  times: readonly number[],
  from: number,
): number[] {
  const before = previous.inputs;
  if (
    before.params !== inputs.params ||
    before.low !== inputs.low ||
    before.width !== inputs.width ||
    before.bins !== inputs.bins ||
    (inputs.v2 && before.price !== inputs.price) ||
    before.venues.length !== inputs.venues.length
  )
    return [];
  let until = Number.POSITIVE_INFINITY;
  for (let v = 0; v < inputs.venues.length; v++) {
    const a = before.venues[v] as VenueInputs;
    const b = inputs.venues[v] as VenueInputs;
    if (a.key !== b.key) return [];
    until = Math.min(until, firstDifference(a, b, from));
  }
  const out: number[] = [];
  let p = 0;
  for (const t of times) {
    if (!(t < until)) break;
    while (p < previous.times.length && (previous.times[p] as number) < t) p++;
    if (previous.times[p] !== t) break;
    out.push(p);
  }
  return out;
}
