import { atRiskNotional, moveToLiquidate } from '../../lib/model/at-risk';
import type { Cascade, ClusterView, Side, VenueView } from '../../lib/model/cluster-view';
import { type LadderLayout, ladderLayout, ladderSpanPct } from './ladder-layout';
import { type NearestBands, nearestBands } from './nearest-bands';

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

export interface AtRiskLine {
  direction: 'up' | 'down';
  /** Shorts liquidate on the way up, longs on the way down. */
  side: Side;
  movePct: number;
  price: number;
  notionalUsd: number;
  /** "$1B of shorts: +1.8 %": a round notional and the smallest move (signed, in %) that liquidates it. */
  inverse: { usd: number; movePct: number } | null;
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
  /** Across the venues that answered: OI-weighted funding, summed OI and its 24 h change. */
  venueTotal: VenueTotal;
  failedVenues: VenueView[];
  fetchedAt: number | null;
}

export interface VenueTotal {
  fundingRate8h: number | null;
  openInterestUsd: number | null;
  openInterestChange24hPct: number | null;
}

export const LADDER_ROWS = 41;

/** Everything the popup shows, derived from one view; pure, so it is tested without a DOM. */
export function popupModel(view: ClusterView, display: PopupDisplay): PopupModel {
  const { price, bins } = view;
  const bands = nearestBands(view.bands, price, display.bandsPerSide, display.minBandUsd);
  const listed = [...bands.above, ...bands.below].map((b) => b.band);
  const span = ladderSpanPct(listed, price, display.movePct * 1.5, view.model.params.rangePct);
  return {
    asset: view.asset,
    price,
    binWidth: bins.width,
    bands,
    atRisk: [atRiskLine(view, 'up', display.movePct), atRiskLine(view, 'down', display.movePct)],
    ladder: ladderLayout(bins, price, span, LADDER_ROWS, listed),
    venues: view.venues,
    venueTotal: venueTotal(view.venues),
    failedVenues: view.venues.filter((v) => v.status === 'failed'),
    fetchedAt: view.fetchedAt ?? null,
  };
}

function atRiskLine(view: ClusterView, direction: 'up' | 'down', movePct: number): AtRiskLine {
  const side: Side = direction === 'up' ? 'short' : 'long';
  const sign = direction === 'up' ? 1 : -1;
  const stored = direction === 'up' ? view.atRisk.up : view.atRisk.down;
  // The stored figure is the model's own; a different display move is read off the same bins.
  const notionalUsd =
    view.atRisk.movePct === movePct
      ? stored.notionalUsd
      : atRiskNotional(view.bins, view.price, side, movePct);
  const price = view.atRisk.movePct === movePct ? stored.price : view.price * (1 + (sign * movePct) / 100);
  const usd = roundNotional(notionalUsd);
  const move = usd > 0 ? moveToLiquidate(view.bins, view.price, side, usd) : null;
  return {
    direction,
    side,
    movePct: sign * movePct,
    price,
    notionalUsd,
    inverse: move === null ? null : { usd, movePct: sign * move },
    cascade: view.cascade.find((c) => c.direction === direction && c.trigger === 'nearest-band') ?? null,
  };
}

/** The largest 1-2-5 × 10^k not above `usd` ($1.45B → $1B), so the inverse move stays within the badge's. */
export function roundNotional(usd: number): number {
  if (!(usd > 0) || !Number.isFinite(usd)) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(usd));
  for (const step of [5, 2, 1]) {
    if (step * magnitude <= usd) return step * magnitude;
  }
  return magnitude;
}

/**
 * Funding weighted by open interest; open interest summed; its 24 h change as the change of the sum
 * (each venue's OI a day ago is OI / (1 + change)), only when every venue in the sum reports a change.
 */
export function venueTotal(venues: readonly VenueView[]): VenueTotal {
  let oi = 0;
  let weighted = 0;
  let weight = 0;
  let now = 0;
  let before = 0;
  let any = false;
  let changeMissing = false;
  for (const v of venues) {
    if (v.status === 'failed' || v.status === 'disabled' || v.openInterestUsd === null) continue;
    any = true;
    oi += v.openInterestUsd;
    if (v.fundingRate8h !== null) {
      weighted += v.fundingRate8h * v.openInterestUsd;
      weight += v.openInterestUsd;
    }
    if (v.openInterestChange24hPct === null) changeMissing = true;
    else {
      now += v.openInterestUsd;
      before += v.openInterestUsd / (1 + v.openInterestChange24hPct / 100);
    }
  }
  return {
    fundingRate8h: weight > 0 ? weighted / weight : null,
    openInterestUsd: any ? oi : null,
    openInterestChange24hPct: !changeMissing && before > 0 ? (now / before - 1) * 100 : null,
  };
}
