import type { SeriesCandle, SeriesOi } from '../market/series';
import { CLOSE, candleTable, HIGH, LOW, QUOTE, T, TAKER_BUY, VOLUME, WIDTH } from './candle-table';
import { liqLong, liqShort } from './liquidation-price';
import type { ModelParams } from './params';

export type LedgerParams = Pick<ModelParams, 'tiers' | 'mmr' | 'split'>;

/** The buckets of one side, in opening order. */
export interface BucketSide {
  size: number;
  liq: Float64Array;
  /**
   * Notional (USD at entry) after the last candle, open-interest drops applied — or, for a liquidated
   * bucket, when it was liquidated.
   */
  usd: Float64Array;
  /** Index of the candle that opened it. */
  candle: Int32Array;
  /** Index of the candle that liquidated it, or −1 when still open after the last candle. */
  liquidatedAt: Int32Array;
}

/** One venue's ledger after its last candle, and what happened on the way (USD at entry). */
export interface Ledger {
  long: BucketSide;
  short: BucketSide;
  /** Open time of each candle, by index. */
  times: Float64Array;
  candles: number;
  openedUsd: number;
  liquidatedUsd: number;
  shrunkUsd: number;
  /** Candles i ≥ 1 that took part in step 1 only (no OI on them or on their predecessor). */
  skippedIntervals: number;
  /** Estimated liquidations of each candle (step 1), per side. */
  liquidatedLongByCandle: Float64Array;
  liquidatedShortByCandle: Float64Array;
  /**
   * With `keep: true` only (for the heatmap): each bucket's notional when opened, before any drop, and each candle's
   * open-interest drop factor (`NO_DROP` on a candle without a drop). With `extendScale` over them, a bucket's value after
   * any candle i, in a ledger that starts at any candle, is `entry · ratio(scale, i, opened)`, as `settle` computes it.
   */
  kept?: { entryLong: Float64Array; entryShort: Float64Array; drop: Float64Array };
}

/** A candle's drop factor when open interest did not fall on it (a factor is never negative). */
export const NO_DROP = -1;

/** The running scale is kept as m · 2^e; m is brought back up by this power of two (exactly). */
const RESCALE_BITS = 512;
const RESCALE_BELOW = 2 ** -RESCALE_BITS;
const RESCALE_BY = 2 ** RESCALE_BITS;

/**
 * model.md "The ledger", candle by candle, computed in passes that give the same figures as running the
 * three steps in order, without ever scanning the open buckets:
 *
 * 1. Forward over the candles: open buckets (step 2, d > 0) and record the cumulative product S_i of the
 *    open-interest drop factors (step 2, d < 0). A bucket opened at candle j is worth N · S_{i−1} / S_j in
 *    step 1 of candle i: every drop shrinks every open bucket by the same factor, so one running product
 *    stands for all of them (kept as mantissa · 2^exponent so it never underflows, and an epoch that
 *    changes when a drop to zero open interest empties the book).
 * 2. Whether and when a bucket is liquidated depends on prices only: a long opened at j dies at the first
 *    i > j with L_i ≤ liq (a short: H_i ≥ liq). Backwards over the candles, a stack holds the candles that
 *    can still be such a first hit (each later one with a strictly lower low), so a bucket finds its
 *    candle by a galloping search from the top of the stack, and a bucket that no candle reaches is
 *    rejected by one comparison with the bottom.
 * 3. Values: liquidated buckets are summed per candle, the others keep N · S_{n−1} / S_j.
 * 4. Forward again over the candles: the open total before each drop gives the shrunk notional.
 *
 * `candles` (tuples, or a `candleTable`) must be sorted by open time; open interest is joined on the
 * open time.
 */
export function runLedger(
  candles: readonly SeriesCandle[] | Float64Array,
  openInterest: readonly SeriesOi[],
  params: LedgerParams,
  options: { keep?: boolean } = {},
): Ledger {
  const table = candles instanceof Float64Array ? candles : candleTable(candles);
  const n = table.length / WIDTH;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = table[i * WIDTH + T] as number;
  const oi = joinOpenInterest(times, openInterest);

  const tiers = params.tiers;
  const tierCount = tiers.length;
  const leverage = new Float64Array(tierCount);
  const share = new Float64Array(tierCount);
  for (let k = 0; k < tierCount; k++) {
    const tier = tiers[k] as [number, number];
    leverage[k] = tier[0];
    share[k] = tier[1];
  }
  const mmr = params.mmr;
  const taker = params.split === 'taker';

  let openings = 0;
  for (let i = 1; i < n; i++) if ((oi[i] as number) > (oi[i - 1] as number)) openings++;
  const long = bucketSide(openings * tierCount);
  const short = bucketSide(openings * tierCount);

  // Pass 1.
  const dropAt = new Float64Array(n).fill(NO_DROP);
  const openedAt = new Float64Array(n);
  let openedUsd = 0;
  let skippedIntervals = 0;
  for (let i = 1; i < n; i++) {
    const oiNow = oi[i] as number;
    const oiBefore = oi[i - 1] as number;
    if (Number.isNaN(oiNow) || Number.isNaN(oiBefore)) {
      skippedIntervals++;
    } else if (oiNow > oiBefore) {
      const o = i * WIDTH;
      const high = table[o + HIGH] as number;
      const low = table[o + LOW] as number;
      const close = table[o + CLOSE] as number;
      const volume = table[o + VOLUME] as number;
      const quote = table[o + QUOTE] as number;
      const takerBuy = table[o + TAKER_BUY] as number;
      // A zero quote volume beside a positive base volume is a missing figure, not a price of 0 (which
      // would open nothing and lose the OI growth): only a positive Q/V is a known VWAP.
      const entry = quote > 0 && volume > 0 ? quote / volume : (high + low + close) / 3;
      const notional = (oiNow - oiBefore) * entry;
      let longShare = 0.5;
      if (taker && !Number.isNaN(takerBuy) && volume > 0) {
        longShare = takerBuy / volume;
        if (longShare < 0) longShare = 0;
        else if (longShare > 1) longShare = 1;
      }
      const longUsd = notional * longShare;
      const shortUsd = notional * (1 - longShare);
      let opened = 0;
      for (let k = 0; k < tierCount; k++) {
        const lev = leverage[k] as number;
        const w = share[k] as number;
        const l = longUsd * w;
        const s = shortUsd * w;
        opened += l + s;
        if (l > 0) add(long, liqLong(entry, lev, mmr), l, i);
        if (s > 0) add(short, liqShort(entry, lev, mmr), s, i);
      }
      openedAt[i] = opened;
      openedUsd += opened;
    } else if (oiNow < oiBefore) {
      dropAt[i] = Math.max(0, 1 - Math.abs(oiNow - oiBefore) / oiBefore);
    }
  }
  const scale = { m: new Float64Array(n), e: new Int32Array(n), epoch: new Int32Array(n) };
  extendScale(dropAt, scale, 0, 0, n - 1);

  // Passes 2 and 3.
  const liquidatedLongByCandle = new Float64Array(n);
  const liquidatedShortByCandle = new Float64Array(n);
  const kept = options.keep
    ? { entryLong: long.usd.slice(0, long.size), entryShort: short.usd.slice(0, short.size), drop: dropAt }
    : undefined;
  const stack = { candle: new Int32Array(n), reach: new Float64Array(n) };
  findLiquidations(long, 1, table, stack);
  findLiquidations(short, -1, table, stack);
  const liquidatedUsd =
    settle(long, scale, n, liquidatedLongByCandle) + settle(short, scale, n, liquidatedShortByCandle);

  // Pass 4.
  let open = 0;
  let shrunkUsd = 0;
  for (let i = 1; i < n; i++) {
    open -= (liquidatedLongByCandle[i] as number) + (liquidatedShortByCandle[i] as number);
    if (open < 0) open = 0; // rounding only
    const factor = dropAt[i] as number;
    if (factor >= 0 && factor < 1) {
      const kept = open * factor;
      shrunkUsd += open - kept;
      open = kept;
    }
    open += openedAt[i] as number;
  }

  return {
    long,
    short,
    times,
    candles: n,
    openedUsd,
    liquidatedUsd,
    shrunkUsd,
    skippedIntervals,
    liquidatedLongByCandle,
    liquidatedShortByCandle,
    ...(kept ? { kept } : {}),
  };
}

function bucketSide(capacity: number): BucketSide {
  return {
    size: 0,
    liq: new Float64Array(capacity),
    usd: new Float64Array(capacity),
    candle: new Int32Array(capacity),
    liquidatedAt: new Int32Array(capacity),
  };
}

function add(side: BucketSide, liq: number, usd: number, candle: number): void {
  const b = side.size++;
  side.liq[b] = liq;
  side.usd[b] = usd;
  side.candle[b] = candle;
}

/**
 * Pass 2 for one side. Longs (sign 1) die at the first later candle whose low is ≤ their liquidation
 * price; shorts (sign −1) compare −high with −liq, so H ≥ liq reads −H ≤ −liq and the code is shared.
 */
function findLiquidations(
  side: BucketSide,
  sign: 1 | -1,
  table: Float64Array,
  stack: { candle: Int32Array; reach: Float64Array },
): void {
  const n = table.length / WIDTH;
  const field = sign === 1 ? LOW : HIGH;
  // Candles that can be a first hit, latest at the bottom; their reach rises strictly towards the top.
  const stackCandle = stack.candle;
  const stackReach = stack.reach;
  let size = 0;
  let next = n - 1;
  const { liq, liquidatedAt, candle: opened } = side;
  for (let b = side.size - 1; b >= 0; b--) {
    const j = opened[b] as number;
    while (next > j) {
      const r = sign * (table[next * WIDTH + field] as number);
      // A candle with a lower or equal reach comes first and hits whenever the later one would.
      while (size > 0 && (stackReach[size - 1] as number) >= r) size--;
      stackCandle[size] = next;
      stackReach[size] = r;
      size++;
      next--;
    }
    const x = sign * (liq[b] as number);
    if (size === 0 || (stackReach[0] as number) > x) {
      liquidatedAt[b] = -1;
      continue;
    }
    // The first hit is the topmost entry with reach ≤ x; all entries below it qualify too.
    let hi = size - 1;
    if ((stackReach[hi] as number) <= x) {
      liquidatedAt[b] = stackCandle[hi] as number;
      continue;
    }
    // Gallop down from the top: stackReach[hi] > x, find lo with stackReach[lo] ≤ x.
    let step = 1;
    let lo = hi - step;
    while (lo > 0 && (stackReach[lo] as number) > x) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    if (lo < 0) lo = 0;
    // Invariant: stackReach[lo] ≤ x < stackReach[hi].
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((stackReach[mid] as number) <= x) lo = mid;
      else hi = mid;
    }
    liquidatedAt[b] = stackCandle[lo] as number;
  }
}

/** The cumulative open-interest drop product S_i per candle, as mantissa · 2^exponent within an epoch. */
export interface LedgerScale {
  m: Float64Array;
  e: Int32Array;
  epoch: Int32Array;
}

/**
 * The running scale of a ledger that starts at candle `start` (S = 1 there), written for candles `from` … `to`; the
 * candles `start` … `from − 1` must hold it already (`from = start` begins afresh). `drop[i]` is candle i's
 * open-interest drop factor, `NO_DROP` for none; a drop to zero empties the book and starts a new epoch.
 */
export function extendScale(
  drop: Float64Array,
  scale: LedgerScale,
  start: number,
  from: number,
  to: number,
): void {
  if (to < from) return;
  const { m: scaleM, e: scaleE, epoch } = scale;
  let m = 1;
  let e = 0;
  let ep = 0;
  let i = from;
  if (from > start) {
    m = scaleM[from - 1] as number;
    e = scaleE[from - 1] as number;
    ep = epoch[from - 1] as number;
  } else {
    scaleM[start] = 1;
    scaleE[start] = 0;
    epoch[start] = 0;
    i = start + 1;
  }
  for (; i <= to; i++) {
    const factor = drop[i] as number;
    if (factor === 0) {
      ep++;
      m = 1;
      e = 0;
    } else if (factor !== NO_DROP) {
      m *= factor;
      if (m < RESCALE_BELOW) {
        m *= RESCALE_BY;
        e -= RESCALE_BITS;
      }
    }
    scaleM[i] = m;
    scaleE[i] = e;
    epoch[i] = ep;
  }
}

/** S_a / S_b for a ≥ b: 0 across an emptied book. */
export function ratio(scale: LedgerScale, a: number, b: number): number {
  if (scale.epoch[a] !== scale.epoch[b]) return 0;
  const r = (scale.m[a] as number) / (scale.m[b] as number);
  const de = (scale.e[a] as number) - (scale.e[b] as number);
  return de === 0 ? r : r * 2 ** de;
}

/** Pass 3 for one side: values at liquidation (summed per candle) or after the last candle. */
function settle(side: BucketSide, scale: LedgerScale, n: number, byCandle: Float64Array): number {
  let total = 0;
  const { usd, candle, liquidatedAt } = side;
  for (let b = 0; b < side.size; b++) {
    const j = candle[b] as number;
    const at = liquidatedAt[b] as number;
    if (at >= 0) {
      const value = (usd[b] as number) * ratio(scale, at - 1, j);
      usd[b] = value;
      byCandle[at] = (byCandle[at] as number) + value;
      total += value;
    } else {
      usd[b] = (usd[b] as number) * ratio(scale, n - 1, j);
    }
  }
  return total;
}

function isSorted(rows: readonly SeriesOi[]): boolean {
  for (let j = 1; j < rows.length; j++)
    if ((rows[j] as SeriesOi)[0] < (rows[j - 1] as SeriesOi)[0]) return false;
  return true;
}

/**
 * Open interest per candle (NaN where none), joined on the open time; for a repeated time the last row
 * wins. A merge of two sorted lists: hashing millisecond timestamps in a Map costs more than the ledger.
 */
export function joinOpenInterest(times: Float64Array, openInterest: readonly SeriesOi[]): Float64Array {
  const rows = isSorted(openInterest) ? openInterest : [...openInterest].sort((a, b) => a[0] - b[0]);
  const oi = new Float64Array(times.length).fill(Number.NaN);
  let j = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    while (j < rows.length && (rows[j] as SeriesOi)[0] < t) j++;
    while (j < rows.length && (rows[j] as SeriesOi)[0] === t) oi[i] = (rows[j++] as SeriesOi)[1];
  }
  return oi;
}
