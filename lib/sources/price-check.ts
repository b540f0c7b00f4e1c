import type { Venue } from '../market/venue';

/** How far (as a fraction) a venue's mark price may sit from the others' median and still be the same thing. */
export const PRICE_TOLERANCE = 0.05;

/**
 * Venues whose mark price does not agree with the others: a different token under the same ticker, or an
 * instrument quoted per 1,000 that no `ASSET_UNITS` entry converts. Their candles, open interest and book
 * must not enter the aggregated map. A venue is off when its mark is more than `tolerance` from the median
 * of all marks; when that leaves no majority that agrees (two venues apart, or a split), every venue is
 * returned, since none can be told to be right.
 */
export function priceOutliers(marks: Partial<Record<Venue, number>>, tolerance = PRICE_TOLERANCE): Venue[] {
  const entries = Object.entries(marks).filter(([, p]) => typeof p === 'number' && p > 0) as [
    Venue,
    number,
  ][];
  if (entries.length < 2) return [];
  const sorted = entries.map(([, p]) => p).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] as number)
      : Math.sqrt((sorted[mid - 1] as number) * (sorted[mid] as number));
  // Either way round: 1,000× above and 1,000× below are equally off. The epsilon keeps 105 vs 100 within 5 %.
  const gap = (p: number) => Math.max(p / median, median / p) - 1;
  const off = entries.filter(([, p]) => gap(p) > tolerance + 1e-9).map(([v]) => v);
  return off.length * 2 >= entries.length ? entries.map(([v]) => v) : off;
}
