import type { SnapshotCheck } from '../chart/validate-snapshot';
import { formatPrice } from '../format/price';
import type { ClusterView } from '../model/cluster-view';

/**
 * A chart that names no instrument (a lightweight-charts page: the library has no symbol, and no crosshair to
 * self-check) is trusted only while its last price could be the page's asset: within the view's mapped range
 * (±rangePct) of the view's price, the rule the live price already follows. Otherwise bands would be drawn on
 * another market's scale; the ladder stands in. Without a view there is nothing to draw and nothing to compare.
 */
export function confirmUnnamedChart(
  check: SnapshotCheck | null,
  view: ClusterView | null,
): SnapshotCheck | null {
  if (!check?.ok || check.snapshot.symbol !== null || view === null) return check;
  const last = check.snapshot.lastPrice;
  if (last === null) {
    return {
      ok: false,
      reason: `the chart names no instrument and shows no price to tell it is ${view.asset}`,
    };
  }
  const tolerance = view.model.params.rangePct / 100;
  if (last > 0 && Math.abs(last / view.price - 1) <= tolerance) return check;
  return {
    ok: false,
    reason:
      `the chart names no instrument and its last price ${formatPrice(last)} is not ${view.asset}'s ` +
      `(${formatPrice(view.price)})`,
  };
}
