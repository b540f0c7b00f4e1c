import { type AtRiskFigure, atRiskFigures, inverseText } from '../figures/at-risk';
import { nearestBands, type PlacedBand } from '../figures/nearest-bands';
import { fundingDetail, venueTotals } from '../figures/venue-totals';
import { formatUsd } from '../format/money';
import { formatFixed } from '../format/number';
import { formatFundingRate, formatPercent, formatShare, formatSignedPercent } from '../format/percent';
import { formatPrice } from '../format/price';
import { formatDuration, formatUtc } from '../format/time';
import { VENUE_LABEL } from '../market/venue';
import type { Cascade, ClusterView, VenueView } from '../model/cluster-view';
import { alignColumns } from './columns';

export interface ReportOptions {
  /** Bands listed on each side of the price. */
  nearest?: number;
  /** The current time (ms), to show how old the data is; the report itself has no clock. */
  now?: number;
}

const SIDE_PLURAL = { long: 'longs', short: 'shorts' } as const;

function bandRows(placed: readonly PlacedBand[], width: number): string[][] {
  return placed.map(({ band, distancePct }) => [
    `${formatPrice(band.low, { step: width })} – ${formatPrice(band.high, { step: width })}`,
    formatSignedPercent(distancePct),
    formatUsd(band.notionalUsd),
    `${formatShare(band.share)} of ${SIDE_PLURAL[band.side]}`,
    // A peak is a bin centre: half a step finer than the edges.
    `peak ${formatPrice(band.peak, { step: width / 2 })}`,
  ]);
}

function headerLines(view: ClusterView, options: ReportOptions): string[] {
  const used = view.venues.filter((v) => v.status === 'ok' || v.status === 'no-ledger').length;
  const source = view.venues.length ? ` (median mark of ${used} venue${used === 1 ? '' : 's'})` : '';
  const lines = [`${view.asset} · price ${formatPrice(view.price)}${source}`];
  const { spanFrom, spanTo, candles } = view.diagnostics;
  if (spanFrom !== null && spanTo !== null) {
    const age = options.now === undefined ? '' : `, ends ${formatDuration(options.now - spanTo)} ago`;
    lines.push(
      `Data     ${formatUtc(spanFrom)} → ${formatUtc(spanTo)} (${formatDuration(spanTo - spanFrom)}, ${formatFixed(candles, 0)} candle${candles === 1 ? '' : 's'}${age})`,
    );
  } else {
    lines.push('Data     no candles');
  }
  const p = view.model.params;
  lines.push(
    `Model    v${view.model.version} · bin ${formatPrice(view.bins.width, { step: view.bins.width })} · range ±${formatPercent(p.rangePct, 0)} · window ${p.window} of ${p.interval} · half-life ${p.halfLifeHours ? `${p.halfLifeHours} h` : 'off'} · split ${p.split}`,
  );
  return lines;
}

function bandLines(view: ClusterView, nearest: number): string[] {
  const { above, below } = nearestBands(view.bands, view.price, nearest);
  const lines = ['', `Nearest bands above ${formatPrice(view.price)} (estimate)`];
  lines.push(...(above.length ? alignColumns(bandRows(above, view.bins.width), '  ', [1, 2]) : ['  none']));
  lines.push(`Nearest bands below ${formatPrice(view.price)} (estimate)`);
  lines.push(...(below.length ? alignColumns(bandRows(below, view.bins.width), '  ', [1, 2]) : ['  none']));
  return lines;
}

function atRiskRow(figure: AtRiskFigure): string[] {
  return [
    figure.direction === 'up' ? 'Up' : 'Down',
    figure.side === 'short' ? 'Shorts' : 'Longs',
    formatUsd(figure.notionalUsd),
    `liquidate by ${formatSignedPercent(figure.movePct)} (${formatPrice(figure.price)})`,
    figure.inverse ? `· ${inverseText(figure)}` : '',
  ];
}

function atRiskLines(view: ClusterView): string[] {
  const { movePct, up, down } = atRiskFigures(view, view.price, view.atRisk.movePct);
  return [
    '',
    `At risk for a ${formatPercent(movePct)} move (estimate)`,
    ...alignColumns([atRiskRow(up), atRiskRow(down)], '  ', [2]),
  ];
}

function cascadeRow(c: Cascade, price: number): string[] {
  const trigger = c.trigger === 'move' ? 'the move' : 'the nearest band';
  const end = `${formatPrice(c.endPrice)} (${formatSignedPercent((c.endPrice / price - 1) * 100)})`;
  return [
    c.direction === 'up' ? 'Up' : 'Down',
    `push to ${formatPrice(c.fromPrice)} (${trigger})`,
    c.stop === 'beyond-depth' ? `→ beyond visible depth past ${end}` : `→ ends ${end}`,
    `${formatUsd(c.liquidatedUsd)} liquidated in ${c.steps} step${c.steps === 1 ? '' : 's'}`,
  ];
}

function cascadeLines(view: ClusterView): string[] {
  if (!view.cascade.length) return ['', 'Cascade  not estimated (no order-book depth given)'];
  return [
    '',
    'Cascade (estimate against resting depth only, not validated; the book is not assumed to refill)',
    ...alignColumns(view.cascade.map((c) => cascadeRow(c, view.price))),
  ];
}

function venueRow(v: VenueView): string[] {
  const label = VENUE_LABEL[v.venue];
  if (v.status === 'failed' || v.status === 'disabled') {
    return [label, v.instrument, v.status, v.message ?? v.failure ?? ''];
  }
  const oi =
    v.openInterestUsd === null
      ? 'OI n/a'
      : `OI ${formatUsd(v.openInterestUsd)}${v.openInterestChange24hPct === null ? '' : ` (${formatSignedPercent(v.openInterestChange24hPct)} 24h)`}`;
  const funding = v.fundingRate8h === null ? '' : `funding ${formatFundingRate(v.fundingRate8h)} / 8h`;
  // Messages name their venue for screens that show them alone; the row already does.
  const message = v.message?.replace(new RegExp(`^${label}: `), '') ?? null;
  const status = v.status === 'ok' ? 'ok' : `no ledger${message ? `: ${message}` : ''}`;
  return [
    label,
    v.instrument,
    v.markPrice === null ? 'mark n/a' : `mark ${formatPrice(v.markPrice)}`,
    oi,
    funding,
    status,
  ];
}

function venueLines(view: ClusterView): string[] {
  if (!view.venues.length) return [];
  const rows = view.venues.map(venueRow);
  // A series file has no funding: drop a column that is empty on every row rather than leave a gap.
  const width = Math.max(...rows.map((r) => r.length));
  const keep = Array.from({ length: width }, (_, i) => rows.some((r) => (r[i] ?? '') !== ''));
  return ['', 'Venues', ...alignColumns(rows.map((r) => r.filter((_, i) => keep[i]))), ...totalLines(view)];
}

/** The figures across venues, by the rule every face uses (lib/figures/venue-totals.ts). */
function totalLines(view: ClusterView): string[] {
  const { funding, openInterestUsd, openInterestChange24hPct } = venueTotals(view.venues);
  const parts: string[] = [];
  if (openInterestUsd !== null) {
    const change =
      openInterestChange24hPct === null ? '' : ` (${formatSignedPercent(openInterestChange24hPct)} 24h)`;
    parts.push(`OI ${formatUsd(openInterestUsd)}${change}`);
  }
  if (funding)
    parts.push(
      `funding ${formatFundingRate(funding.rate8h)} / 8h (${fundingDetail(funding).replace('8-hour funding: ', '')})`,
    );
  return parts.length ? [`  All venues: ${parts.join(' · ')}`] : [];
}

function secondOpinionLines(view: ClusterView): string[] {
  const so = view.secondOpinion;
  if (!so) return [];
  if (so.status === 'failed') return ['', `CoinGlass  failed${so.message ? `: ${so.message}` : ''}`];
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  return [
    '',
    `CoinGlass  second opinion on the same bins: longs ${formatUsd(sum(so.long))}, shorts ${formatUsd(sum(so.short))}`,
  ];
}

function diagnosticLines(view: ClusterView): string[] {
  const d = view.diagnostics;
  return [
    '',
    'Diagnostics',
    `  opened ${formatUsd(d.openedNotionalUsd)} · liquidated ${formatUsd(d.liquidatedNotionalUsd)} · shrunk ${formatUsd(d.shrunkNotionalUsd)} · open ${formatUsd(d.openNotionalUsd)} (decayed ${formatUsd(d.decayedNotionalUsd)})`,
    `  outside the bins ${formatUsd(d.droppedNotionalUsd)} · intervals without open interest ${formatFixed(d.skippedIntervals, 0)}${buildingNote(view)}`,
  ];
}

/** Venues still building their own history are in the input without open interest: every candle of theirs counts. */
function buildingNote(view: ClusterView): string {
  const building = view.venues.filter((v) => v.status === 'no-ledger').map((v) => VENUE_LABEL[v.venue]);
  return building.length > 0 && view.diagnostics.skippedIntervals > 0
    ? ` (including every candle of ${building.join(', ')}, which has no open-interest history yet)`
    : '';
}

/** The readable report of a ClusterView, as lines without trailing newlines. Pure: same view, same text. */
export function clusterReport(view: ClusterView, options: ReportOptions = {}): string[] {
  return [
    ...headerLines(view, options),
    ...bandLines(view, options.nearest ?? 3),
    ...atRiskLines(view),
    ...cascadeLines(view),
    ...venueLines(view),
    ...secondOpinionLines(view),
    ...diagnosticLines(view),
  ];
}
