import type { BandScore, BandSnapshot, LiqPrint, PriceRange } from './types';

/** A band is scored against the prints of the day after its snapshot. */
export const SCORE_HORIZON_MS = 24 * 3_600_000;
/** Prints are bankruptcy (OKX) or fill prices, a little beyond the liquidation price: ±0.5 % of P around the band. */
export const SCORE_TOLERANCE = 0.005;

/** A snapshot with its bands' realised notional so far, as stored. */
export interface ScoredSnapshot {
  snapshot: BandSnapshot;
  /** Per band, in the snapshot's order. */
  realised: number[];
}

export const scoredSnapshot = (snapshot: BandSnapshot): ScoredSnapshot => ({
  snapshot,
  realised: snapshot.bands.map(() => 0),
});

export const horizonOf = (snapshot: BandSnapshot) => snapshot.time + SCORE_HORIZON_MS;

/** Adds the prints that fall in the snapshot's bands and horizon; true when a figure changed. */
export function scorePrints(scored: ScoredSnapshot, prints: readonly LiqPrint[]): boolean {
  const { snapshot, realised } = scored;
  const pad = snapshot.price * SCORE_TOLERANCE;
  const end = horizonOf(snapshot);
  let changed = false;
  for (const print of prints) {
    if (print.time <= snapshot.time || print.time > end) continue;
    for (let i = 0; i < snapshot.bands.length; i++) {
      const band = snapshot.bands[i] as BandSnapshot['bands'][number];
      if (band.side !== print.side || print.price < band.low - pad || print.price > band.high + pad) continue;
      realised[i] = (realised[i] ?? 0) + print.notionalUsd;
      changed = true;
    }
  }
  return changed;
}

/** Did price trade into [low, high] in (from, to]? `ranges` are intervals of `intervalMs` opening at `time`. */
export function sweptBetween(
  ranges: readonly PriceRange[],
  intervalMs: number,
  low: number,
  high: number,
  from: number,
  to: number,
): boolean {
  return ranges.some((r) => r.time + intervalMs > from && r.time <= to && r.low <= high && r.high >= low);
}

/** The stored figures as one `BandScore` per band, scored up to `now` (or the horizon, when it has passed). */
export function bandScores(
  scored: ScoredSnapshot,
  now: number,
  ranges: readonly PriceRange[],
  intervalMs: number,
): BandScore[] {
  const { snapshot } = scored;
  const horizonEnd = Math.min(horizonOf(snapshot), Math.max(now, snapshot.time));
  return snapshot.bands.map((band, i) => ({
    asset: snapshot.asset,
    snapshotTime: snapshot.time,
    price: snapshot.price,
    side: band.side,
    low: band.low,
    high: band.high,
    notionalUsd: band.notionalUsd,
    realisedUsd: scored.realised[i] ?? 0,
    horizonEnd,
    swept: sweptBetween(ranges, intervalMs, band.low, band.high, snapshot.time, horizonEnd),
  }));
}
