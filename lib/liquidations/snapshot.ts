import type { ClusterView } from '../model/cluster-view';
import type { BandSnapshot } from './types';

/** The bands of a view as scored: every band the model made, at the view's time and reference price. */
export function bandSnapshotOf(view: ClusterView, time: number): BandSnapshot {
  return {
    asset: view.asset,
    time,
    price: view.price,
    modelVersion: view.model.version,
    bands: view.bands.map((b) => ({ side: b.side, low: b.low, high: b.high, notionalUsd: b.notionalUsd })),
  };
}
