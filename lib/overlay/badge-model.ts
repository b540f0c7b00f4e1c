import { atRiskFigures } from '../figures/at-risk';
import { type CalibratedAtRisk, calibratedAtRisk } from '../figures/calibrated-at-risk';
import { type AggregateFunding, fundingDetail, venueTotals } from '../figures/venue-totals';
import { formatDuration, formatFundingRate, formatPrice, formatSignedPercent } from '../format';
import { VENUE_LABEL, VENUES, type Venue } from '../market/venue';
import { isStale } from '../messages/staleness';
import type { ViewReply } from '../messages/view-entry';
import type { Side } from '../model/cluster-view';
import type { CalibrationFactor } from '../track-record/calibration-factor';
import type { LivePrice } from './live-price';

export type BadgeState = 'loading' | 'ok' | 'error' | 'unsupported';

export interface BadgeLine {
  direction: 'up' | 'down';
  side: Side;
  /** "↑ Shorts" */
  label: string;
  /** The model's at-risk figure. */
  notionalUsd: number;
  /** The figure shown: the model's, or calibrated when "calibrated at-risk" is on and the side has a factor. */
  usdText: string;
  calibrated: CalibratedAtRisk;
  /** Signed move in %, +3 up and −3 down. */
  movePct: number;
  moveText: string;
  /** The price the move reaches. */
  price: number;
  priceText: string;
}

export interface BadgeFunding extends AggregateFunding {
  text: string;
  /** Says how the figure was made, for the tooltip. */
  detail: string;
}

export interface BadgeModel {
  state: BadgeState;
  /** The asset, or "LiqLens" when there is none. */
  title: string;
  /** Why there are no figures: loading, unsupported, an error; null when there are. */
  message: string | null;
  /** Shorts at risk going up, longs going down, from the live price. */
  lines: [BadgeLine, BadgeLine] | null;
  /** The view's own at-risk figures, from its reference price and its model's move. */
  view: { price: number; movePct: number; upUsd: number; downUsd: number } | null;
  price: LivePrice | null;
  priceText: string | null;
  funding: BadgeFunding | null;
  ageMs: number | null;
  ageText: string | null;
  stale: boolean;
  refreshing: boolean;
  /** Venue failures and other problems, one short line each. */
  notes: string[];
}

export interface BadgeInputs {
  asset: string | null;
  /** Why the page's symbol is not supported (from parseChartSymbol), when it is not. */
  unsupported: string | null;
  reply: ViewReply | null;
  /** The background did not answer the last request (the view shown, if any, is older). */
  requestError: string | null;
  price: LivePrice | null;
  movePct: number;
  now: number;
  /** The track record's factors when "calibrated at-risk" is on; null or absent when it is off. */
  calibration?: Readonly<Record<Side, CalibrationFactor>> | null;
}

const sourceLabel = (source: string): string =>
  (VENUES as readonly string[]).includes(source)
    ? VENUE_LABEL[source as Venue]
    : source === 'coinglass'
      ? 'CoinGlass'
      : source.charAt(0).toUpperCase() + source.slice(1);

const empty = (
  state: BadgeState,
  title: string,
  message: string,
  extra: Partial<BadgeModel> = {},
): BadgeModel => ({
  state,
  title,
  message,
  lines: null,
  view: null,
  price: null,
  priceText: null,
  funding: null,
  ageMs: null,
  ageText: null,
  stale: false,
  refreshing: false,
  notes: [],
  ...extra,
});

function line(
  direction: 'up' | 'down',
  price: number,
  notionalUsd: number,
  movePct: number,
  calibration: BadgeInputs['calibration'],
): BadgeLine {
  const side: Side = direction === 'up' ? 'short' : 'long';
  const signed = direction === 'up' ? movePct : -movePct;
  const calibrated = calibratedAtRisk(notionalUsd, calibration ? calibration[side] : null);
  return {
    direction,
    side,
    label: direction === 'up' ? '↑ Shorts' : '↓ Longs',
    notionalUsd,
    usdText: calibrated.usdText,
    calibrated,
    movePct: signed,
    moveText: formatSignedPercent(signed),
    price,
    priceText: formatPrice(price),
  };
}

/** Everything the badge shows, as text, from the background's reply and the live price; pure. */
export function badgeModel(inputs: BadgeInputs): BadgeModel {
  const { asset, reply, now } = inputs;
  if (inputs.unsupported !== null) return empty('unsupported', asset ?? 'LiqLens', inputs.unsupported);
  if (asset === null) return empty('loading', 'LiqLens', 'Looking for the symbol…');
  const entry = reply?.asset === asset ? reply.entry : null;
  const view = entry?.view && entry.view.asset === asset ? entry.view : null;
  const refreshing = reply?.asset === asset && reply.refreshing;
  if (!view) {
    if (entry?.error) return empty('error', asset, entry.error, { refreshing });
    if (inputs.requestError) return empty('error', asset, inputs.requestError);
    return empty('loading', asset, `Loading ${asset}…`, { refreshing: true });
  }
  const price = inputs.price ?? { price: view.price, source: 'view' as const };
  const risk = atRiskFigures(view, price.price, inputs.movePct);
  const { funding } = venueTotals(view.venues);
  const madeAt = entry?.viewAt ?? view.fetchedAt ?? null;
  const ageMs = madeAt === null ? null : Math.max(0, now - madeAt);
  const stale = reply !== null && isStale(entry, now, reply.periodMs);
  const notes: string[] = [];
  const failures = entry?.failures.length
    ? entry.failures
    : view.venues
        .filter((v) => v.status === 'failed')
        .map((v) => ({ source: v.venue, message: v.message ?? v.failure ?? 'failed' }));
  for (const f of failures) notes.push(`${sourceLabel(f.source)}: ${f.message}`);
  if (entry?.error) notes.push(`Last refresh failed: ${entry.error}`);
  if (inputs.requestError) notes.push(inputs.requestError);
  return {
    state: 'ok',
    title: asset,
    message: null,
    lines: [
      line('up', risk.up.price, risk.up.notionalUsd, risk.movePct, inputs.calibration),
      line('down', risk.down.price, risk.down.notionalUsd, risk.movePct, inputs.calibration),
    ],
    view: {
      price: view.price,
      movePct: view.atRisk.movePct,
      upUsd: view.atRisk.up.notionalUsd,
      downUsd: view.atRisk.down.notionalUsd,
    },
    price,
    priceText: formatPrice(price.price),
    funding: funding && {
      ...funding,
      text: formatFundingRate(funding.rate8h),
      detail: fundingDetail(funding),
    },
    ageMs,
    ageText: ageMs === null ? null : `${formatDuration(ageMs)} ago`,
    stale,
    refreshing,
    notes,
  };
}
