import { durationMs } from '../market/interval';
import type { SeriesDoc } from '../market/series';
import type { ClusterView } from '../model/cluster-view';
import { computeHeatmap, type Heatmap } from '../model/heatmap';
import { encodeHeatmap, type HeatmapCells } from '../model/heatmap-cells';

export interface HeatmapSource {
  get(asset: string): Promise<{ view: ClusterView | null } | null>;
  getSeries(asset: string): Promise<SeriesDoc | null>;
}

export interface HeatmapReply {
  fetchedAt: number | null;
  heatmap: HeatmapCells | null;
}

/** How many assets' last heatmaps are kept for the next refresh (each a few MB for 7 d × 15 m). */
export const KEPT_HEATMAPS = 4;

/**
 * The heatmap of each asset's cached view, computed when a chart tab first asks for it after a refresh: one ledger
 * run per venue over the view's own series and parameters (`computeHeatmap`), encoded to 8-bit cells once, and kept
 * in memory until the view changes (a worker restart just computes it again). The asset's last heatmap is kept too,
 * so the next one copies the columns the refresh did not change (between two candles, all but the last under v1).
 */
export function createHeatmapCache(source: HeatmapSource) {
  const kept = new Map<string, { fetchedAt: number | null; reply: Promise<HeatmapReply> }>();
  const last = new Map<string, Heatmap>();
  async function compute(asset: string, view: ClusterView): Promise<HeatmapReply> {
    const series = await source.getSeries(asset);
    const fetchedAt = view.fetchedAt ?? null;
    if (!series || series.asset !== view.asset) return { fetchedAt, heatmap: null };
    const heatmap = computeHeatmap(series, view.model.params, last.get(asset));
    // Most recent last; a few megabytes an asset, so only the assets asked for lately.
    last.delete(asset);
    last.set(asset, heatmap);
    for (const old of last.keys()) if (last.size > KEPT_HEATMAPS) last.delete(old);
    return { fetchedAt, heatmap: encodeHeatmap(heatmap, durationMs(series.interval)) };
  }
  return {
    async get(asset: string): Promise<HeatmapReply> {
      const view = (await source.get(asset))?.view ?? null;
      if (!view) return { fetchedAt: null, heatmap: null };
      const fetchedAt = view.fetchedAt ?? null;
      const hit = kept.get(asset);
      if (hit && hit.fetchedAt === fetchedAt) return hit.reply;
      const reply = compute(asset, view).catch(() => ({ fetchedAt, heatmap: null }));
      kept.set(asset, { fetchedAt, reply });
      return reply;
    },
  };
}
