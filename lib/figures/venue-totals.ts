import type { VenueView } from '../model/cluster-view';

export interface AggregateFunding {
  /** 8-hour funding rate as a fraction (0.0001 = 0.01 %), signed, weighted by open interest in USD. */
  rate8h: number;
  /** Venues in the figure. */
  venues: number;
  /** Venues that answered with a funding rate but no open interest: left out of the weighted figure. */
  leftOut: number;
}

export interface VenueTotals {
  funding: AggregateFunding | null;
  /** Open interest in USD summed over the venues that answered with one; null when none did. */
  openInterestUsd: number | null;
  /**
   * The 24 h change of that sum in % (each venue's OI a day ago is OI / (1 + change)); null unless every venue in
   * the sum reports its change.
   */
  openInterestChange24hPct: number | null;
}

/** A venue whose figures count: its data came in this refresh (`ok`, or `no-ledger`: context without a map). */
export const answered = (v: VenueView): boolean => v.status === 'ok' || v.status === 'no-ledger';

/**
 * The figures across venues, one rule for every face: funding is the mean of the venues' 8-hour rates
 * (`fundingRate8h`, already normalised from each venue's own interval) weighted by open interest in USD, over the
 * venues that answered with both; a venue with a rate but no open interest is left out and counted in `leftOut`,
 * so that no unweighted outlier enters the figure. Failed and disabled venues do not count.
 */
export function venueTotals(venues: readonly VenueView[]): VenueTotals {
  let oi = 0;
  let weighted = 0;
  let weight = 0;
  let inFunding = 0;
  let leftOut = 0;
  let now = 0;
  let before = 0;
  let any = false;
  let changeMissing = false;
  for (const v of venues) {
    if (!answered(v)) continue;
    const rate = v.fundingRate8h;
    const usd = v.openInterestUsd;
    const hasOi = usd !== null && Number.isFinite(usd);
    if (rate !== null && Number.isFinite(rate)) {
      if (hasOi && usd > 0) {
        weighted += rate * usd;
        weight += usd;
        inFunding += 1;
      } else leftOut += 1;
    }
    if (!hasOi) continue;
    any = true;
    oi += usd;
    if (v.openInterestChange24hPct === null) changeMissing = true;
    else {
      now += usd;
      before += usd / (1 + v.openInterestChange24hPct / 100);
    }
  }
  return {
    funding: weight > 0 ? { rate8h: weighted / weight, venues: inFunding, leftOut } : null,
    openInterestUsd: any ? oi : null,
    openInterestChange24hPct: any && !changeMissing && before > 0 ? (now / before - 1) * 100 : null,
  };
}

/** "8-hour funding: mean of 3 venues, weighted by open interest (1 without open interest left out)". */
export function fundingDetail(funding: AggregateFunding): string {
  const n = (count: number) => `${count} venue${count === 1 ? '' : 's'}`;
  const left = funding.leftOut > 0 ? ` (${n(funding.leftOut)} without open interest left out)` : '';
  return `8-hour funding: mean of ${n(funding.venues)}, weighted by open interest${left}`;
}
