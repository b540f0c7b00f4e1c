import type { SeriesDoc, VenueSeries } from '../../lib/market/series';
import { VENUES } from '../../lib/market/venue';
import type { VenueView } from '../../lib/model/cluster-view';
import type { ModelParams } from '../../lib/model/params';
import { type VenueUsage, venueUsage } from '../../lib/model/run-model';

const DAY_MS = 86_400_000;

type OiRow = VenueSeries['openInterest'][number];

/** Open-interest rows by time; for a repeated time the last row wins, as in the model's join. */
function byTime(rows: readonly OiRow[]): OiRow[] {
  const last = new Map<number, OiRow>();
  for (const row of rows) last.set(row[0], row);
  return [...last.values()].sort((a, b) => a[0] - b[0]);
}

/** Percent change of the latest open-interest row over the latest row at least 24 h older, if any. */
function change24hPct(rows: readonly OiRow[]): number | null {
  const last = rows.at(-1);
  if (!last) return null;
  for (let i = rows.length - 2; i >= 0; i--) {
    const row = rows[i] as OiRow;
    if (row[0] <= last[0] - DAY_MS) return row[1] > 0 ? (last[1] / row[1] - 1) * 100 : null;
  }
  return null;
}

function noLedgerMessage(series: VenueSeries, usage: VenueUsage): string {
  if (usage.candles === 0) {
    return series.candles.length === 0
      ? 'no candles in the series: price context only'
      : 'no candles within the window: price context only';
  }
  return series.openInterest.length === 0
    ? 'no open-interest history in the series: price context only'
    : 'no two consecutive candles with open interest: price context only';
}

/**
 * The per-venue context a series file can give: mark price, the latest open interest and its 24 h
 * change, candle count. A series has no funding, so those fields are null. `ok` means the model used the
 * venue's data: some interval in the window has open interest at both ends; any other venue only gives
 * its mark price to P and is shown as `no-ledger`.
 */
export function venueViewFromSeries(series: VenueSeries, usage: VenueUsage): VenueView {
  const rows = byTime(series.openInterest);
  const lastOi = rows.at(-1);
  const hasLedger = usage.ledgerIntervals > 0;
  let lastCandleTime: number | null = null;
  for (const c of series.candles) if (lastCandleTime === null || c[0] > lastCandleTime) lastCandleTime = c[0];
  return {
    venue: series.venue,
    instrument: series.instrument,
    status: hasLedger ? 'ok' : 'no-ledger',
    message: hasLedger ? null : noLedgerMessage(series, usage),
    failure: null,
    markPrice: series.markPrice,
    fundingRate8h: null,
    fundingRate: null,
    fundingIntervalHours: null,
    nextFundingTime: null,
    openInterestBase: lastOi ? lastOi[1] : null,
    openInterestUsd: lastOi ? lastOi[1] * series.markPrice : null,
    openInterestChange24hPct: change24hPct(rows),
    candles: series.candles.length,
    lastCandleTime,
  };
}

/**
 * One view per venue of the series, in the canonical venue order (then by instrument), so that the
 * output does not depend on the order the venues were listed in, as the model's does not.
 */
export function venueViewsFromSeries(doc: SeriesDoc, params: ModelParams): VenueView[] {
  const usage = venueUsage(doc, params);
  const rank = (v: VenueView) => VENUES.indexOf(v.venue);
  return doc.venues
    .map((series, v) => venueViewFromSeries(series, usage[v] as VenueUsage))
    .sort(
      (a, b) => rank(a) - rank(b) || (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0),
    );
}
