import type { Band } from '../model/cluster-view';

/**
 * A band's distance from the price, in signed %: to its near edge (`low` for a band above the price, `high` for one
 * below), 0 when the band holds the price. The one distance every face shows unlabelled: how far the price must
 * move before it enters the band.
 */
export function bandDistancePct(band: Pick<Band, 'low' | 'high'>, price: number): number {
  if (band.low >= price) return ((band.low - price) / price) * 100;
  if (band.high <= price) return ((band.high - price) / price) * 100;
  return 0;
}

/** The distance from the price to the band's peak bin, in signed %: shown only with the word "peak" beside it. */
export function peakDistancePct(band: Pick<Band, 'peak'>, price: number): number {
  return ((band.peak - price) / price) * 100;
}
