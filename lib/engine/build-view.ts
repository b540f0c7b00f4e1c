import type { SeriesDoc } from '../market/series';
import type { BookDepthUsd } from '../model/cascade';
import type { ClusterView, SecondOpinion, VenueView } from '../model/cluster-view';
import type { ModelParams } from '../model/params';
import { runModel } from '../model/run-model';

export interface BuildClusterViewInput {
  series: SeriesDoc;
  params: ModelParams;
  depth?: BookDepthUsd;
  /** Per-venue context as the engine saw it (status, funding, open interest); not used by the model. */
  venues: VenueView[];
  secondOpinion?: SecondOpinion | null;
  fetchedAt?: number;
}

/** The model's result with the engine's context: the one object every screen shows. */
export function buildClusterView(input: BuildClusterViewInput): ClusterView {
  const { asset, price, model, bins, bands, atRisk, cascade, diagnostics } = runModel(
    input.series,
    input.params,
    input.depth,
  );
  const view: ClusterView = {
    asset,
    price,
    model,
    bins,
    bands,
    atRisk,
    cascade,
    venues: input.venues,
    diagnostics,
  };
  if (input.secondOpinion !== undefined) view.secondOpinion = input.secondOpinion;
  if (input.fetchedAt !== undefined) view.fetchedAt = input.fetchedAt;
  return view;
}
