import type { ClusterView } from '../model/cluster-view';

export type PriceSource = 'chart' | 'title' | 'view';

export interface LivePrice {
  price: number;
  source: PriceSource;
}

export interface LivePriceInputs {
  view: ClusterView | null;
  /** The chart's last price (the bridge's onTick close), already known to be for this asset; null when none. */
  chartPrice: number | null;
  /** The title's last price, already known not to name another asset; null when none. */
  titlePrice: number | null;
}

/**
 * The price the overlay measures distances and at-risk figures from between refreshes: the chart's, else the
 * title's, else the view's reference price. A live price outside the view's mapped range (±rangePct) is a misread
 * or another instrument, and is ignored.
 */
export function chooseLivePrice(inputs: LivePriceInputs): LivePrice | null {
  const { view } = inputs;
  if (!view) return null;
  const tolerance = view.model.params.rangePct / 100;
  const plausible = (p: number | null): p is number =>
    p !== null && Number.isFinite(p) && p > 0 && Math.abs(p / view.price - 1) <= tolerance;
  if (plausible(inputs.chartPrice)) return { price: inputs.chartPrice, source: 'chart' };
  if (plausible(inputs.titlePrice)) return { price: inputs.titlePrice, source: 'title' };
  return { price: view.price, source: 'view' };
}
