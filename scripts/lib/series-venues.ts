import type { SeriesDoc, VenueSeries } from '../../lib/market/series';
import type { VenueView } from '../../lib/model/cluster-view';

const DAY_MS = 86_400_000;

/** Percent change of the last open-interest row over the last row at least 24 h older, if any. */
function change24hPct(rows: VenueSeries['openInterest']): number | null {
  const last = rows.at(-1);
  if (!last) return null;
  for (let i = rows.length - 2; i >= 0; i--) {
    const row = rows[i] as VenueSeries['openInterest'][number];
    if (row[0] <= last[0] - DAY_MS) return row[1] > 0 ? (last[1] / row[1] - 1) * 100 : null;
  }
  return null;
}

/**
 * The per-venue context a series file can give: mark price, open interest and its 24 h change, candle
 * count. A series has no funding, so those fields are null; a venue without open-interest history can
 * only take part in the liquidation step and is shown as `no-ledger`.
 */
export function venueViewFromSeries(series: VenueSeries): VenueView {
  const lastOi = series.openInterest.at(-1);
  const hasLedger = series.openInterest.length >= 2;
  return {
    venue: series.venue,
    instrument: series.instrument,
    status: hasLedger ? 'ok' : 'no-ledger',
    message: hasLedger ? null : 'no open-interest history in the series: price context only',
    failure: null,
    markPrice: series.markPrice,
    fundingRate8h: null,
    fundingRate: null,
    fundingIntervalHours: null,
    nextFundingTime: null,
    openInterestBase: lastOi ? lastOi[1] : null,
    openInterestUsd: lastOi ? lastOi[1] * series.markPrice : null,
    openInterestChange24hPct: change24hPct(series.openInterest),
    candles: series.candles.length,
    lastCandleTime: series.candles.at(-1)?.[0] ?? null,
  };
}

export function venueViewsFromSeries(doc: SeriesDoc): VenueView[] {
  return doc.venues.map(venueViewFromSeries);
}
