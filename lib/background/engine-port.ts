import type { SeriesDoc } from '../market/series';
import type { Venue } from '../market/venue';
import type { ClusterView } from '../model/cluster-view';
import type { ModelParams } from '../model/params';

/** What the background needs from lib/engine's `createEngine(...)`: one refresh per call, warm from the last input. */
export interface RefreshOutcome {
  view: ClusterView;
  series: SeriesDoc;
}

export interface EngineLike {
  refresh(
    asset: string,
    params: ModelParams,
    options: { venues: Venue[]; previous?: { series: SeriesDoc; view: ClusterView | null } },
  ): Promise<RefreshOutcome>;
}
