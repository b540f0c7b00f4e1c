import { atRiskNotional } from '../model/at-risk';
import type { AtRisk, ClusterView } from '../model/cluster-view';

export interface LiveAtRisk extends AtRisk {
  /** True when these are the view's own figures (same price and move), not recomputed. */
  fromView: boolean;
}

/**
 * At-risk notional for `movePct` each way from the live `price`, read off the view's bins with the model's own rule
 * (lib/model/at-risk.ts): no network, so the badge follows the chart between refreshes. At the view's own price and
 * move it returns the view's figures unchanged.
 */
export function liveAtRisk(view: ClusterView, price: number, movePct: number): LiveAtRisk {
  if (price === view.price && movePct === view.atRisk.movePct) return { ...view.atRisk, fromView: true };
  const x = movePct / 100;
  return {
    movePct,
    up: { price: price * (1 + x), notionalUsd: atRiskNotional(view.bins, price, 'short', movePct) },
    down: { price: price * (1 - x), notionalUsd: atRiskNotional(view.bins, price, 'long', movePct) },
    fromView: false,
  };
}
