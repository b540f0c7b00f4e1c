import type { DisplayOptions } from '../../lib/chart/layout';
import type { Band, Bins } from '../../lib/model/cluster-view';
import type { ShownHeatmap } from '../../lib/overlay/heatmap-watch';
import { type BandsData, bandsLayer } from '../../lib/overlay/layers/bands';
import type { HeatmapData } from '../../lib/overlay/layers/heatmap';
import { heatmapLayer } from '../../lib/overlay/layers/heatmap';
import { labelsLayer } from '../../lib/overlay/layers/labels';
import { linesLayer } from '../../lib/overlay/layers/lines';
import type { LayerEntry } from '../../lib/overlay/layers/painter';
import { type PositionsData, positionsLayer } from '../../lib/overlay/layers/positions';
import { makePrintsLayer, type PrintsData } from '../../lib/overlay/layers/prints';
import { type ProfileData, profileLayer } from '../../lib/overlay/layers/profile';
import type { RealisedShown } from '../../lib/overlay/realised-follower';
import type { OverlayViewState } from '../../lib/overlay/view-state';
import { bitmapMaker, makeBitmap } from './bitmaps';
import { paintRealisedMarks } from './paint-realised-marks';

/** The realised prints' layer, painting with the marks painter. */
export const printsLayer = makePrintsLayer(paintRealisedMarks);

/** One bitmap per heatmap grid, a pixel a cell: made once, blitted on every frame. */
const heatmaps = new WeakMap<ShownHeatmap, HeatmapData | null>();

function heatmapData(doc: Document, grid: ShownHeatmap): HeatmapData | null {
  if (heatmaps.has(grid)) return heatmaps.get(grid) ?? null;
  const bitmap = makeBitmap(doc, grid.columns, grid.rows, (ctx) => {
    const image = ctx.createImageData(grid.columns, grid.rows);
    image.data.set(grid.pixels);
    ctx.putImageData(image, 0, 0);
  });
  const data = bitmap ? { grid, bitmap } : null;
  heatmaps.set(grid, data);
  return data;
}

/**
 * Per data source, the layer data last made from it with the given display: the same object while neither changes,
 * so that layouts can cache per data object and a frame allocates no data.
 */
function keptPer<K extends object, D>(make: (key: K, display: DisplayOptions) => D) {
  const kept = new WeakMap<K, { display: DisplayOptions; data: D }>();
  return (key: K, display: DisplayOptions): D => {
    const k = kept.get(key);
    if (k && k.display === display) return k.data;
    const data = make(key, display);
    kept.set(key, { display, data });
    return data;
  };
}

const bandsData = keptPer<readonly Band[], BandsData>((bands, display) => ({ bands, display }));
const profiles = new WeakMap<Bins, { display: DisplayOptions; doc: Document | null; data: ProfileData }>();

/** The profile's data, with the bitmaps its bars are blitted from (made in `doc`; none without a document). */
function profileData(bins: Bins, display: DisplayOptions, doc: Document | null): ProfileData {
  const kept = profiles.get(bins);
  if (kept && kept.display === display && kept.doc === doc) return kept.data;
  const data = {
    bins,
    longColor: display.longColor,
    shortColor: display.shortColor,
    bitmaps: doc ? bitmapMaker(doc) : null,
  };
  profiles.set(bins, { display, doc, data });
  return data;
}

const positionsData = keptPer<Bins, PositionsData>((bins, display) => ({
  bins,
  longColor: display.longColor,
  shortColor: display.shortColor,
}));
const printsData = keptPer<RealisedShown, PrintsData>((shown, display) => ({
  prints: shown.summary.marks,
  now: shown.now,
  longColor: display.longColor,
  shortColor: display.shortColor,
}));

type LayerState = Pick<OverlayViewState, 'view' | 'heatmap' | 'layers' | 'display' | 'realPositions'>;

interface Entries {
  main: LayerEntry[];
  prints: LayerEntry[];
}

/** The last entries made, and what they were made from: a frame of a pan changes none of it and allocates nothing. */
let last: {
  doc: Document | null;
  state: LayerState;
  realised: RealisedShown | null;
  entries: Entries;
} | null = null;

const sameSources = (a: LayerState, b: LayerState) =>
  a.view === b.view &&
  a.heatmap === b.heatmap &&
  a.layers === b.layers &&
  a.display === b.display &&
  a.realPositions === b.realPositions;

/**
 * The layers of a state with their data, for the painter: `main` on the surface's canvas, `prints` (the realised
 * marks) on a canvas of their own, so that a new print repaints only the marks. Each surface takes the layers drawn
 * on it (`Layer.surfaces`): the ladder has no heatmap, positions or marks.
 */
export function layerEntries(
  doc: Document | null,
  state: LayerState,
  realised: RealisedShown | null = null,
): Entries {
  if (last && last.doc === doc && last.realised === realised && sameSources(last.state, state))
    return last.entries;
  const { view, display } = state;
  const main: LayerEntry[] = [];
  if (doc && state.layers.heatmap && state.heatmap)
    main.push({ layer: heatmapLayer, data: heatmapData(doc, state.heatmap) });
  if (view) {
    const bands = bandsData(view.bands, display);
    main.push({ layer: bandsLayer, data: bands });
    if (state.layers.profile) main.push({ layer: profileLayer, data: profileData(view.bins, display, doc) });
    main.push({ layer: linesLayer, data: bands }, { layer: labelsLayer, data: bands });
  }
  if (state.realPositions)
    main.push({ layer: positionsLayer, data: positionsData(state.realPositions, display) });
  const prints: LayerEntry[] = realised ? [{ layer: printsLayer, data: printsData(realised, display) }] : [];
  const entries = { main, prints };
  last = { doc, state: { ...state }, realised, entries };
  return entries;
}
