import type { Band, Bins } from '../../lib/model/cluster-view';

export interface LadderRow {
  /** Lower and upper price edge of the row. */
  low: number;
  high: number;
  long: number;
  short: number;
  /** The side of a shown band that overlaps this row, if any (short wins a tie: it is drawn above). */
  band: Band['side'] | null;
  /** The row holds the reference price. */
  current: boolean;
}

export interface LadderLayout {
  /** Highest price first, as on a chart's price axis. */
  rows: LadderRow[];
  /** The largest per-row total (long + short), for scaling bars; 0 when the span is empty. */
  maxUsd: number;
}

/**
 * Groups the map's bins into about `rows` rows covering `price ± spanPct %`, on the bins' own grid so
 * that no bin is split between rows.
 */
export function ladderLayout(
  bins: Bins,
  price: number,
  spanPct: number,
  rows: number,
  bands: readonly Band[] = [],
): LadderLayout {
  const n = Math.min(bins.long.length, bins.short.length);
  const perRow = Math.max(1, Math.ceil((2 * price * spanPct) / 100 / rows / bins.width));
  const rowWidth = perRow * bins.width;
  const priceRow = Math.floor((price - bins.low) / rowWidth);
  const half = Math.floor(rows / 2);
  const out: LadderRow[] = [];
  let maxUsd = 0;
  for (let r = priceRow + half; r > priceRow - rows + half; r--) {
    const low = bins.low + r * rowWidth;
    const high = low + rowWidth;
    let long = 0;
    let short = 0;
    for (let k = Math.max(0, r * perRow); k < Math.min(n, (r + 1) * perRow); k++) {
      long += bins.long[k] ?? 0;
      short += bins.short[k] ?? 0;
    }
    let band: LadderRow['band'] = null;
    for (const b of bands) {
      if (b.low < high && b.high > low && band !== 'short') band = b.side;
    }
    maxUsd = Math.max(maxUsd, long + short);
    out.push({ low, high, long, short, band, current: r === priceRow });
  }
  return { rows: out, maxUsd };
}

/**
 * How far the ladder should reach: enough to show the far edge of every listed band with a little
 * margin, at least `minPct`, at most `maxPct` (the map's own range).
 */
export function ladderSpanPct(bands: readonly Band[], price: number, minPct: number, maxPct: number): number {
  let reach = minPct;
  for (const b of bands) {
    const far = Math.max(Math.abs(b.high - price), Math.abs(price - b.low));
    reach = Math.max(reach, (far / price) * 100 * 1.1);
  }
  return Math.min(reach, maxPct);
}
