import { durationMs } from '../market/interval';
import type { SeriesDoc } from '../market/series';
import type { PriceRange } from './types';

/**
 * The traded range of each interval of the engine's candles since `since`, across the venues (highest high,
 * lowest low of the candles opening at the same time), in time order; and the interval's length.
 */
export function priceRangesOf(
  series: SeriesDoc | null,
  since: number,
): { ranges: PriceRange[]; intervalMs: number } {
  if (!series) return { ranges: [], intervalMs: 0 };
  const intervalMs = durationMs(series.interval);
  const byTime = new Map<number, PriceRange>();
  for (const venue of series.venues) {
    for (const [time, , high, low] of venue.candles) {
      if (time + intervalMs <= since) continue;
      const known = byTime.get(time);
      if (!known) byTime.set(time, { time, high, low });
      else {
        known.high = Math.max(known.high, high);
        known.low = Math.min(known.low, low);
      }
    }
  }
  return { ranges: [...byTime.values()].sort((a, b) => a.time - b.time), intervalMs };
}
