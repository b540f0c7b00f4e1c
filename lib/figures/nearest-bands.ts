import type { Band } from '../model/cluster-view';
import { bandDistancePct } from './band-distance';

export interface PlacedBand {
  band: Band;
  /** `bandDistancePct`: signed % to the band's near edge; 0 when the band holds the price. */
  distancePct: number;
}

export interface NearestBands {
  /** Closest first. */
  above: PlacedBand[];
  /** Closest first. */
  below: PlacedBand[];
}

/**
 * The `count` bands nearest the price on each side, at or above `minUsd` (a display threshold: it hides small
 * bands without changing the model). A band entirely at or above the price is above, one at or below it is below.
 * A band that straddles the price (low < price < high) is placed where its side liquidates: a short band above
 * (a rise liquidates shorts), a long band below, at distance 0. Ties in distance go to the band nearer the price
 * by its far edge.
 */
export function nearestBands(bands: readonly Band[], price: number, count: number, minUsd = 0): NearestBands {
  const above: PlacedBand[] = [];
  const below: PlacedBand[] = [];
  for (const band of bands) {
    if (band.notionalUsd < minUsd) continue;
    const placed = { band, distancePct: bandDistancePct(band, price) };
    const straddles = band.low < price && price < band.high;
    if (straddles ? band.side === 'short' : band.low >= price) above.push(placed);
    else below.push(placed);
  }
  above.sort((a, b) => a.distancePct - b.distancePct || a.band.high - b.band.high);
  below.sort((a, b) => b.distancePct - a.distancePct || b.band.low - a.band.low);
  return { above: above.slice(0, count), below: below.slice(0, count) };
}
