import { type AtRiskFigure, atRiskFigures } from '../../lib/figures/at-risk';
import { type NearestBands, nearestBands } from '../../lib/figures/nearest-bands';
import { type VenueTotals, venueTotals } from '../../lib/figures/venue-totals';
import type { Cascade, ClusterView, VenueView } from '../../lib/model/cluster-view';
import { type LadderLayout, ladderLayout, ladderSpanPct } from './ladder-layout';

/** What the popup needs from the settings. */
export interface PopupDisplay {
  longColor: string;
  shortColor: string;
  /** The move of the at-risk figures, in % (3 = ±3 %). */
  movePct: number;
  /** Bands below this notional are not listed (display only). */
  minBandUsd: number;
  bandsPerSide: number;
}

export interface AtRiskLine extends AtRiskFigure {
  /** The cascade from a push to the nearest band in this direction, if the model produced one. */
  cascade: Cascade | null;
}

export interface PopupModel {
  asset: string;
  price: number;
  binWidth: number;
  bands: NearestBands;
  atRisk: [AtRiskLine, AtRiskLine];
  ladder: LadderLayout;
  venues: VenueView[];
  /** Across the venues that answered: OI-weighted funding, summed OI and its 24 h change (lib/figures). */
  venueTotals: VenueTotals;
  failedVenues: VenueView[];
  fetchedAt: number | null;
}

export const LADDER_ROWS = 41;

/** Everything the popup shows, derived from one view; pure, so it is tested without a DOM. */
export function popupModel(view: ClusterView, display: PopupDisplay): PopupModel {
  const { price, bins } = view;
  const bands = nearestBands(view.bands, price, display.bandsPerSide, display.minBandUsd);
  const listed = [...bands.above, ...bands.below].map((b) => b.band);
  const risk = atRiskFigures(view, price, display.movePct);
  const span = ladderSpanPct(listed, price, display.movePct * 1.5, view.model.params.rangePct);
  return {
    asset: view.asset,
    price,
    binWidth: bins.width,
    bands,
    atRisk: [withCascade(view, risk.up), withCascade(view, risk.down)],
    ladder: ladderLayout(bins, price, span, LADDER_ROWS, listed),
    venues: view.venues,
    venueTotals: venueTotals(view.venues),
    failedVenues: view.venues.filter((v) => v.status === 'failed'),
    fetchedAt: view.fetchedAt ?? null,
  };
}

function withCascade(view: ClusterView, figure: AtRiskFigure): AtRiskLine {
  const cascade =
    view.cascade.find((c) => c.direction === figure.direction && c.trigger === 'nearest-band') ?? null;
  return { ...figure, cascade };
}
