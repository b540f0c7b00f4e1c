import { atRiskNotional } from '../model/at-risk';
import type { Bins } from '../model/cluster-view';

/** Bins are pooled into buckets of about this share of the price before the maps are compared. */
export const AGREEMENT_BUCKET_PCT = 1;

/**
 * How far the estimate's Hyperliquid map and the real one agree in shape, on the same grid: both maps (long
 * and short side by side) are pooled into buckets of about 1 % of the price, each is scaled to a total of 1,
 * and the agreement is the sum over buckets of the smaller of the two shares (histogram intersection). 1: the
 * same distribution; 0: no bucket in common. It compares where the notional sits, not how much there is (the
 * real map covers only the accounts scanned). Null when either map is empty.
 */
export function mapAgreement(estimate: Bins, real: Bins, price: number): number | null {
  if (estimate.long.length !== real.long.length || estimate.width !== real.width || estimate.low !== real.low)
    throw new RangeError('the two maps are not on the same grid');
  const pool = Math.max(1, Math.round((price * AGREEMENT_BUCKET_PCT) / 100 / estimate.width));
  const shares = (bins: Bins): number[] | null => {
    const buckets: number[] = [];
    for (const side of [bins.long, bins.short]) {
      for (let k = 0; k < side.length; k++) {
        const b = buckets.length - (k % pool === 0 ? 0 : 1);
        buckets[b] = (buckets[b] ?? 0) + (side[k] as number);
      }
    }
    const total = buckets.reduce((a, b) => a + b, 0);
    return total > 0 ? buckets.map((v) => v / total) : null;
  };
  const p = shares(estimate);
  const q = shares(real);
  if (!p || !q) return null;
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += Math.min(p[i] as number, q[i] as number);
  return Math.min(1, sum);
}

export interface AtRiskPair {
  movePct: number;
  /** Shorts liquidated by a rise of movePct (USD): real, and the estimate's Hyperliquid part. */
  up: { real: number; estimated: number | null };
  down: { real: number; estimated: number | null };
}

/** Real against estimated Hyperliquid at-risk for the move, by the model's at-risk rule on both maps. */
export function atRiskPair(real: Bins, estimate: Bins | null, price: number, movePct: number): AtRiskPair {
  return {
    movePct,
    up: {
      real: atRiskNotional(real, price, 'short', movePct),
      estimated: estimate ? atRiskNotional(estimate, price, 'short', movePct) : null,
    },
    down: {
      real: atRiskNotional(real, price, 'long', movePct),
      estimated: estimate ? atRiskNotional(estimate, price, 'long', movePct) : null,
    },
  };
}
