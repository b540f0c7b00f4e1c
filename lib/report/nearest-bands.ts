import type { Band, ClusterView } from '../model/cluster-view';

export interface PlacedBand {
  band: Band;
  /** Signed distance from the price to the band's near edge, in percent; 0 when the price is inside it. */
  distancePct: number;
}

/**
 * Bands above the price (their middle at or above it) and below it, each ordered from the nearest out,
 * at most `limit` per side.
 */
export function nearestBands(
  view: Pick<ClusterView, 'bands' | 'price'>,
  limit = 3,
): { above: PlacedBand[]; below: PlacedBand[] } {
  const p = view.price;
  const above: PlacedBand[] = [];
  const below: PlacedBand[] = [];
  for (const band of view.bands) {
    if ((band.low + band.high) / 2 >= p)
      above.push({ band, distancePct: (Math.max(0, band.low - p) / p) * 100 });
    else below.push({ band, distancePct: (Math.min(0, band.high - p) / p) * 100 });
  }
  above.sort((a, b) => a.distancePct - b.distancePct || a.band.low - b.band.low);
  below.sort((a, b) => b.distancePct - a.distancePct || b.band.high - a.band.high);
  return { above: above.slice(0, limit), below: below.slice(0, limit) };
}
