import type { DisplayOptions } from '../chart/layout';
import type { PriceScale } from '../chart/price-to-y';
import type { Rect } from '../chart/snapshot';
import type { Bins, ClusterView } from '../model/cluster-view';
import type { BadgeCorner } from '../settings/schema';
import type { SiteDefinition } from '../sites/types';
import type { BadgeModel } from './badge-model';
import type { ShownHeatmap } from './heatmap-watch';
import type { TimeAxis } from './layers/types';
import type { LivePrice } from './live-price';
import type { HiddenBy, OverlayMode } from './overlay-state';
import type { PageSymbol } from './page-symbol';

/** Everything the renderer needs; a new object only when something in it changed. */
export interface OverlayViewState {
  mode: OverlayMode;
  reason: string | null;
  hiddenBy: HiddenBy | null;
  siteId: SiteDefinition['id'];
  siteLabel: string;
  symbol: PageSymbol;
  /** The validated pane and scale; only in `aligned` mode. Replaced only when a number in it changed. */
  geometry: { pane: Rect; scale: PriceScale; time?: TimeAxis | null } | null;
  /** The latest snapshot's pane even when it failed validation: an anchor for the ladder, never for bands. */
  snapshotPane: Rect | null;
  view: ClusterView | null;
  /** Hyperliquid's real map for the view's asset while the option is on (the layer "Hyperliquid: real positions"). */
  realPositions: Bins | null;
  price: LivePrice | null;
  display: DisplayOptions;
  rangePct: number;
  corner: BadgeCorner;
  badge: BadgeModel;
  /** The heatmap grid of the shown asset's view (null: off, none yet, or none for this view). */
  heatmap: ShownHeatmap | null;
  /** Which optional layers are on: the settings', with the badge's switch for this tab. */
  layers: { heatmap: boolean; profile: boolean };
  /** The badge is drawn (in every mode but `hidden`, and while `pending`). */
  showBadge: boolean;
  collapsed: boolean;
}

export const sameScale = (a: PriceScale, b: PriceScale) =>
  a.from === b.from && a.to === b.to && a.mode === b.mode && a.height === b.height;

export const sameTime = (a: TimeAxis | null = null, b: TimeAxis | null = null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.t0 === b.t0 &&
    a.x0 === b.x0 &&
    a.spacing === b.spacing &&
    a.intervalMs === b.intervalMs);

export const sameSymbol = (a: PageSymbol, b: PageSymbol) =>
  a === b ||
  (a.status === 'ok' && b.status === 'ok'
    ? a.asset === b.asset && a.raw === b.raw && a.source === b.source
    : a.status === 'unsupported' && b.status === 'unsupported'
      ? a.raw === b.raw && a.reason === b.reason && a.source === b.source
      : a.status === 'unknown' && b.status === 'unknown');

export function sameDisplay(a: DisplayOptions, b: DisplayOptions): boolean {
  for (const key of Object.keys(b) as (keyof DisplayOptions)[]) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

/** Whether the renderer must hear of `b`: every field compared by identity, the symbol by value. */
export function changedState(a: OverlayViewState, b: OverlayViewState): boolean {
  return (
    a.mode !== b.mode ||
    a.reason !== b.reason ||
    a.hiddenBy !== b.hiddenBy ||
    !sameSymbol(a.symbol, b.symbol) ||
    a.geometry !== b.geometry ||
    a.snapshotPane !== b.snapshotPane ||
    a.view !== b.view ||
    a.realPositions !== b.realPositions ||
    a.price !== b.price ||
    a.display !== b.display ||
    a.rangePct !== b.rangePct ||
    a.corner !== b.corner ||
    a.badge !== b.badge ||
    a.showBadge !== b.showBadge ||
    a.collapsed !== b.collapsed ||
    a.heatmap !== b.heatmap ||
    a.layers !== b.layers
  );
}
