import type { VenueView } from '../model/cluster-view';

export interface AggregateFunding {
  /** 8-hour funding rate as a fraction (0.0001 = 0.01 %), signed. */
  rate8h: number;
  /** `oi-weighted`: weighted by each venue's open interest in USD; `mean`: plain mean, when some OI is missing. */
  method: 'oi-weighted' | 'mean';
  venues: number;
}

/**
 * One funding figure for the badge: the mean of the venues' 8-hour rates (`fundingRate8h`, already normalised from
 * each venue's own interval), weighted by open interest in USD when every contributing venue reports it, so that a
 * small venue's outlier does not dominate. Failed and disabled venues do not count.
 */
export function aggregateFunding(venues: readonly VenueView[]): AggregateFunding | null {
  const used = venues.filter(
    (v) =>
      (v.status === 'ok' || v.status === 'no-ledger') &&
      v.fundingRate8h !== null &&
      Number.isFinite(v.fundingRate8h),
  );
  if (used.length === 0) return null;
  const weighted = used.every((v) => v.openInterestUsd !== null && v.openInterestUsd > 0);
  if (weighted) {
    let sum = 0;
    let weight = 0;
    for (const v of used) {
      const w = v.openInterestUsd as number;
      sum += (v.fundingRate8h as number) * w;
      weight += w;
    }
    return { rate8h: sum / weight, method: 'oi-weighted', venues: used.length };
  }
  const sum = used.reduce((acc, v) => acc + (v.fundingRate8h as number), 0);
  return { rate8h: sum / used.length, method: 'mean', venues: used.length };
}
