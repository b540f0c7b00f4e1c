import type { DisplayOptions } from '../../lib/chart/layout';
import type { Bins } from '../../lib/model/cluster-view';
import type { HeatmapGrid } from '../../lib/model/heatmap-grid';
import type { HeatmapData } from '../../lib/overlay/layers/heatmap';
import { heatmapLayer } from '../../lib/overlay/layers/heatmap';
import { heatmapPixels } from '../../lib/overlay/layers/heatmap-ramp';
import type { LayerEntry } from '../../lib/overlay/layers/painter';
import { type ProfileData, profileLayer } from '../../lib/overlay/layers/profile';
import type { OverlayViewState } from '../../lib/overlay/view-state';
import { bitmapMaker, makeBitmap } from './bitmaps';

/** One bitmap per heatmap grid, a pixel a cell: made once, blitted on every frame. */
const heatmaps = new WeakMap<HeatmapGrid, HeatmapData | null>();

function heatmapData(doc: Document, grid: HeatmapGrid): HeatmapData | null {
  if (heatmaps.has(grid)) return heatmaps.get(grid) ?? null;
  const bitmap = makeBitmap(doc, grid.columns, grid.rows, (ctx) => {
    const image = ctx.createImageData(grid.columns, grid.rows);
    image.data.set(heatmapPixels(grid));
    ctx.putImageData(image, 0, 0);
  });
  const data = bitmap ? { grid, bitmap } : null;
  heatmaps.set(grid, data);
  return data;
}

const profiles = new WeakMap<Bins, ProfileData>();

/** The profile's data, with the bitmaps its bars are blitted from (made in `doc`; none without a document). */
function profileData(bins: Bins, display: DisplayOptions, doc: Document | null): ProfileData {
  const kept = profiles.get(bins);
  if (kept && kept.longColor === display.longColor && kept.shortColor === display.shortColor) return kept;
  const data = {
    bins,
    longColor: display.longColor,
    shortColor: display.shortColor,
    bitmaps: doc ? bitmapMaker(doc) : null,
  };
  profiles.set(bins, data);
  return data;
}

/** The optional layers of a state, each with its data (the same objects while nothing in them changes). */
export function layerEntries(
  doc: Document | null,
  state: Pick<OverlayViewState, 'view' | 'heatmap' | 'layers' | 'display'>,
): { under: LayerEntry[]; over: LayerEntry[] } {
  const under: LayerEntry[] = [];
  const over: LayerEntry[] = [];
  if (doc && state.layers.heatmap && state.heatmap)
    under.push({ layer: heatmapLayer, data: heatmapData(doc, state.heatmap) });
  if (state.layers.profile && state.view)
    over.push({ layer: profileLayer, data: profileData(state.view.bins, state.display, doc) });
  return { under, over };
}
