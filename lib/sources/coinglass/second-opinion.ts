import { formatPrice } from '../../format/price';
import type { SourceFailure } from '../../http/types';
import { binIndex, gridOf } from '../../model/bins';
import type { Bins, SecondOpinion } from '../../model/cluster-view';
import type { LiquidationLevel } from './aggregated-map';

/**
 * The CoinGlass map on our bin grid. The map does not say which side a level belongs to; as liquidation
 * maps are read, what lies above the price is shorts' liquidations and what lies below is longs'. A level
 * exactly at the price is split evenly. Levels outside the grid are left out.
 */
export function toSecondOpinion(
  levels: readonly LiquidationLevel[],
  bins: Pick<Bins, 'low' | 'width' | 'long'>,
  price: number,
): SecondOpinion {
  const grid = gridOf(bins);
  const long = new Array<number>(grid.count).fill(0);
  const short = new Array<number>(grid.count).fill(0);
  let placed = 0;
  for (const level of levels) {
    const k = binIndex(grid, level.price);
    if (k < 0 || !(level.usd > 0)) continue;
    placed++;
    if (level.price > price) short[k] = (short[k] ?? 0) + level.usd;
    else if (level.price < price) long[k] = (long[k] ?? 0) + level.usd;
    else {
      long[k] = (long[k] ?? 0) + level.usd / 2;
      short[k] = (short[k] ?? 0) + level.usd / 2;
    }
  }
  const priced = levels.filter((l) => l.usd > 0);
  if (placed === 0 && priced.length > 0) return offTheMap(priced, price);
  return { source: 'coinglass', status: 'ok', message: null, long, short };
}

/**
 * A map none of whose levels lies on the grid is not CoinGlass's view of this chart (a token quoted in
 * other units, or another token under the name): said, rather than shown as an empty map.
 */
function offTheMap(levels: readonly LiquidationLevel[], price: number): SecondOpinion {
  const prices = levels.map((l) => l.price);
  const low = formatPrice(Math.min(...prices));
  const high = formatPrice(Math.max(...prices));
  return {
    source: 'coinglass',
    status: 'failed',
    message: `CoinGlass's map lies outside this chart's range (its levels run ${low} … ${high}, the price is ${formatPrice(price)}): not shown`,
    long: [],
    short: [],
  };
}

/** A second opinion that could not be had, with the failure's message (never the key). */
export function failedSecondOpinion(failure: SourceFailure): SecondOpinion {
  return { source: 'coinglass', status: 'failed', message: failure.message, long: [], short: [] };
}
