import type { Band } from '../../lib/model/cluster-view';

export interface NearBand {
  band: Band;
  /** Signed distance from the price to the band's near edge, in %; 0 when the band holds the price. */
  distancePct: number;
}

export interface NearestBands {
  /** Closest first. */
  above: NearBand[];
  /** Closest first. */
  below: NearBand[];
}

/**
 * The `count` bands nearest the price on each side of it, at or above `minUsd` (the display threshold:
 * hides small bands without changing the model). A band that holds the price goes where its side
 * liquidates: shorts above, longs below.
 */
export function nearestBands(bands: readonly Band[], price: number, count: number, minUsd = 0): NearestBands {
  const above: NearBand[] = [];
  const below: NearBand[] = [];
  for (const band of bands) {
    if (band.notionalUsd < minUsd) continue;
    const holdsPrice = band.low <= price && price < band.high;
    if (band.low >= price || (holdsPrice && band.side === 'short')) {
      above.push({ band, distancePct: holdsPrice ? 0 : ((band.low - price) / price) * 100 });
    } else {
      below.push({ band, distancePct: holdsPrice ? 0 : ((band.high - price) / price) * 100 });
    }
  }
  above.sort((a, b) => a.band.low - b.band.low);
  below.sort((a, b) => b.band.high - a.band.high);
  return { above: above.slice(0, count), below: below.slice(0, count) };
}
