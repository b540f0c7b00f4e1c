import { decodeHeatmap, type HeatmapGrid } from '../model/heatmap-grid';
import { heatmapPixels } from './layers/heatmap-ramp';
import type { TabRequester } from './tab-messages';

/** A decoded grid with its colours: RGBA, a pixel a cell (`heatmapPixels`), made once per grid with the decoding. */
export interface ShownHeatmap extends HeatmapGrid {
  pixels: Uint8ClampedArray;
}

export interface HeatmapWatchDeps {
  messenger: Pick<TabRequester, 'request'>;
  /** A failed request or undecodable cells: one line, then the last good heatmap stays. */
  report(kind: string, cause: unknown): void;
  onChange(): void;
}

/**
 * The chart tab's heatmap: asked of the background once per view (asset and `fetchedAt`) while the heatmap is on,
 * decoded and coloured once (in the shared script, so that the ramp is not in every site's script), kept until the
 * next view brings another. The last good grid stays while a new one is on its way or
 * fails: the layer draws it only as far as its columns reach, so an older map never pretends to be newer.
 */
export function createHeatmapWatch(deps: HeatmapWatchDeps) {
  let wanted: { asset: string; fetchedAt: number | null } | null = null;
  let grid: { asset: string; value: ShownHeatmap } | null = null;
  let disposed = false;

  async function load(asset: string, fetchedAt: number | null) {
    const result = await deps.messenger.request('getHeatmap', { asset });
    if (disposed || wanted?.asset !== asset || wanted.fetchedAt !== fetchedAt) return;
    if (!result.ok) {
      deps.report('heatmap', new Error(result.error));
      return;
    }
    const cells = result.value.heatmap;
    if (!cells) return;
    const decoded = decodeHeatmap(cells);
    if (!decoded.ok) {
      deps.report('heatmap', new Error(decoded.error));
      return;
    }
    grid = { asset, value: { ...decoded.grid, pixels: heatmapPixels(decoded.grid) } };
    deps.onChange();
  }

  return {
    /** The asset shown, its view's time, and whether the heatmap is on; asks again only when one changed. */
    follow(asset: string | null, fetchedAt: number | null, on: boolean) {
      if (!on || asset === null) {
        wanted = null;
        return;
      }
      if (wanted?.asset === asset && wanted.fetchedAt === fetchedAt) return;
      wanted = { asset, fetchedAt };
      void load(asset, fetchedAt);
    },
    /** The grid for `asset`, or null. */
    grid(asset: string | null): ShownHeatmap | null {
      return grid && grid.asset === asset && wanted !== null ? grid.value : null;
    },
    dispose() {
      disposed = true;
    },
  };
}
