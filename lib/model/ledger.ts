import type { SeriesCandle, SeriesOi } from '../market/series';
import { BucketHeap } from './bucket-heap';
import { liqLong, liqShort } from './liquidation-price';
import type { ModelParams } from './params';

export type LedgerParams = Pick<ModelParams, 'tiers' | 'mmr' | 'split'>;

/** One venue's open buckets after its last candle, and what happened on the way (USD at entry). */
export interface Ledger {
  /** Keys are −liq. */
  long: BucketHeap;
  /** Keys are liq. */
  short: BucketHeap;
  /** Every stored amount times `scale` is the bucket's current notional (O(1) shrinking on OI drops). */
  scale: number;
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
}

/** Below this the scale is folded into the stored amounts, so they never overflow. */
const MIN_SCALE = 1e-150;

/**
 * The ledger of model.md, candle by candle. `candles` must be sorted by open time; open interest is
 * joined on the open time.
 */
export function runLedger(
  candles: readonly SeriesCandle[],
  openInterest: readonly SeriesOi[],
  params: LedgerParams,
): Ledger {
  const n = candles.length;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = (candles[i] as SeriesCandle)[0];
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

  // Most buckets die young (the high tiers sit within 1 % of entry): a quarter of all pushes is plenty to start.
  const capacity = Math.min(1 << 18, Math.max(64, (n * tierCount) >> 2));
  const long = new BucketHeap(capacity);
  const short = new BucketHeap(capacity);
  const liquidatedLongByCandle = new Float64Array(n);
  const liquidatedShortByCandle = new Float64Array(n);

  let scale = 1;
  /** Sum of stored amounts over both heaps. */
  let unscaledOpen = 0;
  let openedUsd = 0;
  let liquidatedUsd = 0;
  let shrunkUsd = 0;
  let skippedIntervals = 0;

  for (let i = 1; i < n; i++) {
    const candle = candles[i] as SeriesCandle;
    const high = candle[2];
    const low = candle[3];

    // 1. Liquidate: longs with liq ≥ low (key = −liq ≤ −low), shorts with liq ≤ high.
    let popped = 0;
    const negLow = -low;
    while (long.size > 0 && (long.key[0] as number) <= negLow) popped += long.pop();
    if (popped > 0) {
      const usd = popped * scale;
      liquidatedLongByCandle[i] = usd;
      liquidatedUsd += usd;
      unscaledOpen -= popped;
    }
    popped = 0;
    while (short.size > 0 && (short.key[0] as number) <= high) popped += short.pop();
    if (popped > 0) {
      const usd = popped * scale;
      liquidatedShortByCandle[i] = usd;
      liquidatedUsd += usd;
      unscaledOpen -= popped;
    }
    // The running sum only drifts by rounding; never let it go negative (or stay non-zero when empty).
    if ((long.size === 0 && short.size === 0) || unscaledOpen < 0) unscaledOpen = 0;

    // 2. Open or close.
    const oiNow = oi[i] as number;
    const oiBefore = oi[i - 1] as number;
    if (Number.isNaN(oiNow) || Number.isNaN(oiBefore)) {
      skippedIntervals++;
      continue;
    }
    const d = oiNow - oiBefore;
    if (d > 0) {
      const close = candle[4];
      const volume = candle[5];
      const quote = candle[6];
      const takerBuy = candle[7];
      const entry = quote !== null && volume > 0 ? quote / volume : (high + low + close) / 3;
      const notional = d * entry;
      let longShare = 0.5;
      if (taker && takerBuy !== null && volume > 0) {
        longShare = takerBuy / volume;
        if (longShare < 0) longShare = 0;
        else if (longShare > 1) longShare = 1;
      }
      const longUsd = notional * longShare;
      const shortUsd = notional * (1 - longShare);
      for (let k = 0; k < tierCount; k++) {
        const lev = leverage[k] as number;
        const w = share[k] as number;
        const l = longUsd * w;
        const s = shortUsd * w;
        openedUsd += l + s;
        if (l > 0) {
          const u = l / scale;
          long.push(-liqLong(entry, lev, mmr), u, i);
          unscaledOpen += u;
        }
        if (s > 0) {
          const u = s / scale;
          short.push(liqShort(entry, lev, mmr), u, i);
          unscaledOpen += u;
        }
      }
    } else if (d < 0) {
      const factor = Math.max(0, 1 - Math.abs(d) / oiBefore);
      const openUsd = unscaledOpen * scale;
      if (factor === 0) {
        shrunkUsd += openUsd;
        long.clear();
        short.clear();
        unscaledOpen = 0;
        scale = 1;
      } else {
        shrunkUsd += openUsd - openUsd * factor;
        scale *= factor;
        if (scale < MIN_SCALE) {
          unscaledOpen = long.rescale(scale) + short.rescale(scale);
          scale = 1;
        }
      }
    }
  }

  return {
    long,
    short,
    scale,
    times,
    candles: n,
    openedUsd,
    liquidatedUsd,
    shrunkUsd,
    skippedIntervals,
    liquidatedLongByCandle,
    liquidatedShortByCandle,
  };
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
function joinOpenInterest(times: Float64Array, openInterest: readonly SeriesOi[]): Float64Array {
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
