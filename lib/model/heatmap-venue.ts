import { binIndex, type Grid } from './bins';
import { extendScale, type Ledger, type LedgerScale, NO_DROP } from './ledger';
import { blendSideInto } from './prior-blend';

/** One side's buckets as the ledger opened them, in opening order. */
interface SideBuckets {
  size: number;
  /** Bin of the liquidation price, −1 off the grid. */
  bin: Int32Array;
  candle: Int32Array;
  /** The candle that liquidates the bucket, or the ledger's candle count when none does. */
  dies: Int32Array;
  /** Notional at opening, before any open-interest drop. */
  entry: Float64Array;
}

/**
 * One side's buckets that can be open in the cut, in opening order: appended as their candle enters the cut; the
 * ones liquidated since, or opened at or before the cut's first candle (the `head` of the list), are skipped, and
 * dropped once they are an eighth of the list: a copy now and then costs less than passing them at every cut.
 */
interface OpenList {
  /** Per bucket, three numbers: the candle that liquidates it, its opening candle and its bin. */
  meta: Int32Array;
  entry: Float64Array;
  count: number;
  head: number;
  /** Of the rest, how many were liquidated at the last `mapAt`. */
  dead: number;
  /** The next bucket of the side not yet appended. */
  next: number;
  /** The lowest and highest bin of the list's buckets (−1 and −1 when empty): the map is 0 outside. */
  low: number;
  high: number;
}

/** A side's map at the cut, 0 outside bins `low` … `high` (low > high: all 0). */
export interface SideMap {
  map: Float64Array;
  low: number;
  high: number;
}

function sideBuckets(ledger: Ledger, side: 'long' | 'short', grid: Grid): SideBuckets {
  const { size, liq, candle, liquidatedAt } = ledger[side];
  const kept = ledger.kept;
  if (!kept) throw new Error('the heatmap needs a ledger run with keep: true');
  const bin = new Int32Array(size);
  const dies = new Int32Array(size);
  for (let b = 0; b < size; b++) {
    bin[b] = binIndex(grid, liq[b] as number);
    const at = liquidatedAt[b] as number;
    dies[b] = at < 0 ? ledger.candles : at;
  }
  const entry = side === 'long' ? kept.entryLong : kept.entryShort;
  return { size, bin, candle: candle.subarray(0, size), dies, entry };
}

function openList(size: number): OpenList {
  return {
    meta: new Int32Array(size * 3),
    entry: new Float64Array(size),
    count: 0,
    head: 0,
    dead: 0,
    next: 0,
    low: -1,
    high: -1,
  };
}

/** Brings the list to the cut (lo, i]: appends the buckets opened up to candle i, first compacting when due. */
function advance(list: OpenList, side: SideBuckets, lo: number, i: number): void {
  const { meta, entry } = list;
  while (list.head < list.count && (meta[list.head * 3 + 1] as number) <= lo) list.head++;
  let count = list.count;
  if ((list.dead + list.head) * 8 > list.count) {
    count = 0;
    let low = -1;
    let high = -1;
    for (let a = list.head; a < list.count; a++) {
      const o = a * 3;
      if ((meta[o] as number) <= i) continue;
      const k = meta[o + 2] as number;
      const to = count * 3;
      meta[to] = meta[o] as number;
      meta[to + 1] = meta[o + 1] as number;
      meta[to + 2] = k;
      entry[count] = entry[a] as number;
      count++;
      if (low < 0 || k < low) low = k;
      if (k > high) high = k;
    }
    list.head = 0;
    list.dead = 0;
    list.low = low;
    list.high = high;
  }
  let b = list.next;
  for (; b < side.size && (side.candle[b] as number) <= i; b++) {
    const k = side.bin[b] as number;
    const c = side.candle[b] as number;
    if (k < 0 || c <= lo || (side.dies[b] as number) <= i) continue;
    const to = count * 3;
    meta[to] = side.dies[b] as number;
    meta[to + 1] = c;
    meta[to + 2] = k;
    entry[count] = side.entry[b] as number;
    count++;
    if (list.low < 0 || k < list.low) list.low = k;
    if (k > list.high) list.high = k;
  }
  list.next = b;
  list.count = count;
}

/**
 * The side's map at the cut into `out.map`, as readOut adds it: `entry · ratio · decay` per open bucket, in bucket
 * order. `out.map` holds the previous cut's map, 0 outside its range.
 */
function mapAt(list: OpenList, i: number, factor: Float64Array, decayOf: Float64Array, out: SideMap): void {
  const { meta, entry } = list;
  const { map } = out;
  if (out.low <= out.high) map.fill(0, out.low, out.high + 1);
  let dead = 0;
  const count = list.count;
  for (let a = list.head; a < count; a++) {
    const o = a * 3;
    if ((meta[o] as number) <= i) {
      dead++;
      continue;
    }
    const c = meta[o + 1] as number;
    const k = meta[o + 2] as number;
    map[k] = (map[k] as number) + (entry[a] as number) * (factor[c] as number) * (decayOf[c] as number);
  }
  list.dead = dead;
  out.low = Math.max(list.low, 0);
  out.high = list.high;
}

/**
 * readOut's decay of an age (end − open time), by the same expression as readOut's, so the same doubles. On a regular
 * series the age is a whole number of candles, so the decays are a table by age in candles, computed once.
 */
export interface Decay {
  halfLifeMs: number;
  byCandles: Float64Array;
}

export function decayOfAge(halfLifeMs: number, age: number): number {
  return halfLifeMs > 0 ? Math.exp(-(age / halfLifeMs) * Math.LN2) : 1;
}

export function createDecay(halfLifeMs: number, intervalMs: number, candles: number): Decay {
  const byCandles = new Float64Array(candles + 2);
  for (let k = 0; k < byCandles.length; k++) byCandles[k] = decayOfAge(halfLifeMs, k * intervalMs);
  return { halfLifeMs, byCandles };
}

/** The first and last bin that hold anything (low > high when none does). */
function support(values: Float64Array): { low: number; high: number } {
  let low = 0;
  let high = values.length - 1;
  while (low <= high && values[low] === 0) low++;
  while (high >= low && values[high] === 0) high--;
  return low <= high ? { low, high } : { low: 0, high: -1 };
}

function openingCandles(sides: readonly SideBuckets[], n: number): Int32Array {
  const opens = new Uint8Array(n);
  for (const side of sides) {
    for (let b = 0; b < side.size; b++) if ((side.bin[b] as number) >= 0) opens[side.candle[b] as number] = 1;
  }
  const out: number[] = [];
  for (let c = 0; c < n; c++) if (opens[c] === 1) out.push(c);
  return Int32Array.from(out);
}

/** Whether candle c opens at `times[0] + c · intervalMs` for every c. */
function isRegular(times: Float64Array, intervalMs: number): boolean {
  const t0 = times[0] as number;
  for (let c = 1; c < times.length; c++) if ((times[c] as number) !== t0 + c * intervalMs) return false;
  return true;
}

/** Model v2's inputs that do not change along the columns (model.md "Model v2"). */
export interface PriorInput {
  long: Float64Array;
  short: Float64Array;
  price: number;
  /** The venue's open interest joined on the ledger's candles (NaN where none). */
  oi: Float64Array;
}

/** One venue's state along the cuts (`createVenueCuts`); read with `venueCutAt`. */
export interface VenueCuts {
  n: number;
  times: Float64Array;
  intervalMs: number;
  decay: Decay;
  drop: Float64Array;
  regular: boolean;
  sides: readonly [SideBuckets, SideBuckets];
  lists: readonly [OpenList, OpenList];
  maps: [SideMap, SideMap];
  scale: LedgerScale;
  /** The candles that opened a bucket on the grid: the only ones whose weights a map reads. */
  openers: Int32Array;
  factor: Float64Array;
  decayOf: Float64Array;
  /** The cut last read (lo … i), and the pointers of the next: its first and last candle. */
  lo: number;
  i: number;
  first: number;
  last: number;
  prior: PriorInput | null;
  /** Under v2, each side's blend, 0 outside the prior's bins and the map's, and where it was last written. */
  blended: [SideMap, SideMap] | null;
  priorSupport: readonly [{ low: number; high: number }, { low: number; high: number }] | null;
  /** The latest candle with open interest at or before each candle. */
  lastOiAt: Int32Array;
}

/**
 * One venue's part of runModel's map on a cut of the series: the venue's candles lo … i of its ledger (the ledger
 * run once, with `keep`, over every candle any cut uses). A cut's own ledger would start at candle lo: it opens
 * buckets from candle lo + 1 on, and its running scale starts at 1 there, so the scale is extended here from lo
 * (`extendScale`, the ledger's own arithmetic) and the buckets opened at or before lo are left out. Cuts come in
 * order of time: lo and i never decrease, so the work is incremental. State and functions, not closures: a closure
 * made per call would lose its optimised code to every full garbage collection.
 */
export function createVenueCuts(
  ledger: Ledger,
  grid: Grid,
  intervalMs: number,
  decay: Decay,
  prior: PriorInput | null,
): VenueCuts {
  const n = ledger.candles;
  const times = ledger.times;
  const sides = [sideBuckets(ledger, 'long', grid), sideBuckets(ledger, 'short', grid)] as const;
  const lastOiAt = new Int32Array(n);
  if (prior) for (let x = 0, at = -1; x < n; x++) lastOiAt[x] = at = Number.isNaN(prior.oi[x]) ? at : x;
  return {
    n,
    times,
    intervalMs,
    decay,
    drop: ledger.kept?.drop ?? new Float64Array(n).fill(NO_DROP),
    regular: isRegular(times, intervalMs),
    sides,
    lists: [openList(sides[0].size), openList(sides[1].size)],
    maps: [
      { map: new Float64Array(grid.count), low: 0, high: -1 },
      { map: new Float64Array(grid.count), low: 0, high: -1 },
    ],
    scale: { m: new Float64Array(n), e: new Int32Array(n), epoch: new Int32Array(n) },
    openers: openingCandles(sides, n),
    factor: new Float64Array(n),
    decayOf: new Float64Array(n),
    lo: -1,
    i: -1,
    first: 0,
    last: -1,
    prior,
    blended: prior
      ? [
          { map: new Float64Array(grid.count), ...support(prior.long) },
          { map: new Float64Array(grid.count), ...support(prior.short) },
        ]
      : null,
    priorSupport: prior ? [support(prior.long), support(prior.short)] : null,
    lastOiAt,
  };
}

/** Index in `openers` of the first candle at or after c. */
function firstOpenerFrom(openers: Int32Array, c: number): number {
  let low = 0;
  let high = openers.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((openers[mid] as number) < c) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Per opening candle c of the cut, `S_i / S_c` into `factor[c]` and the age decay into `decayOf[c]`. */
function weightsAt(venue: VenueCuts, oldest: number): void {
  const { i, times, openers, factor, decayOf, regular, decay } = venue;
  const end = (times[i] as number) + venue.intervalMs;
  const { byCandles } = decay;
  const { m, e, epoch } = venue.scale;
  const mi = m[i] as number;
  const ei = e[i] as number;
  const epochI = epoch[i] as number;
  for (let o = firstOpenerFrom(openers, oldest); o < openers.length; o++) {
    const c = openers[o] as number;
    if (c > i) break;
    // The ledger's ratio(scale, i, c), written out: called a million times, it is not inlined.
    const de = ei - (e[c] as number);
    const r = mi / (m[c] as number);
    factor[c] = epoch[c] !== epochI ? 0 : de === 0 ? r : r * 2 ** de;
    decayOf[c] = regular
      ? (byCandles[i + 1 - c] as number)
      : decayOfAge(decay.halfLifeMs, end - (times[c] as number));
  }
}

/** The venue's side maps (v1, or v2 when a prior is given) on the cut lo … i; null when it has no candle there. */
function cut(venue: VenueCuts, lo: number, i: number): readonly [SideMap, SideMap] | null {
  if (i < lo) return null;
  const { maps, blended, prior } = venue;
  if (lo === venue.lo && i === venue.i) return blended ?? maps;
  if (lo !== venue.lo) extendScale(venue.drop, venue.scale, lo, lo, i);
  else extendScale(venue.drop, venue.scale, lo, venue.i + 1, i);
  venue.lo = lo;
  venue.i = i;
  let oldest = i;
  for (let s = 0; s < 2; s++) {
    const list = venue.lists[s] as OpenList;
    advance(list, venue.sides[s] as SideBuckets, lo, i);
    if (list.head < list.count) oldest = Math.min(oldest, list.meta[list.head * 3 + 1] as number);
  }
  weightsAt(venue, oldest);
  for (let s = 0; s < 2; s++)
    mapAt(venue.lists[s] as OpenList, i, venue.factor, venue.decayOf, maps[s] as SideMap);
  if (!prior || !blended || !venue.priorSupport) return maps;
  const at = venue.lastOiAt[i] as number;
  const oiUsd = (at >= lo ? (prior.oi[at] as number) : 0) * prior.price;
  for (let s = 0; s < 2; s++) {
    const side = blended[s] as SideMap;
    const map = maps[s] as SideMap;
    const fixed = venue.priorSupport[s] as { low: number; high: number };
    // The union of the prior's bins, the map's and those written last time (the formula gives 0 where none holds).
    side.low = Math.min(fixed.low, side.low, map.low <= map.high ? map.low : fixed.low);
    side.high = Math.max(fixed.high, side.high, map.high);
    blendSideInto(side.map, map.map, s === 0 ? prior.long : prior.short, oiUsd, side.low, side.high);
  }
  return blended;
}

/**
 * The venue's side maps on the cut of the series after time `time` whose window starts at `from`: its candles from
 * the first at or after `from` to the last at or before `time`. Null when it has none there.
 */
export function venueCutAt(venue: VenueCuts, time: number, from: number): readonly [SideMap, SideMap] | null {
  const { times, n } = venue;
  while (venue.last + 1 < n && (times[venue.last + 1] as number) <= time) venue.last++;
  while (venue.first < n && (times[venue.first] as number) < from) venue.first++;
  return cut(venue, venue.first, venue.last);
}
