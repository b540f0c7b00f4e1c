import { formatDuration } from '../format/time';
import type { SourceFailure } from '../http/types';
import type { OiPoint } from '../market/types';
import { VENUE_LABEL, type Venue } from '../market/venue';
import type { VenueStatus, VenueView } from '../model/cluster-view';
import type { VenueState } from './series-cache';
import { oiChange24hPct } from './snapshot-history';

/** A failure's sentence, starting with the venue's name so it reads alone in a list. */
export function failureSentence(venue: Venue, failure: Pick<SourceFailure, 'message'>): string {
  const label = VENUE_LABEL[venue];
  return failure.message.includes(label) ? failure.message : `${label}: ${failure.message}`;
}

/** "… ; showing its data from 12 min ago" for a failed venue whose last good data is still used. */
export function staleSentence(sentence: string, fetchedAt: number, now: number): string {
  return `${sentence}; showing its last good data, from ${formatDuration(now - fetchedAt)} ago`;
}

/** `45 min`, `2 h`, `3 h 45 min`. */
export function hoursAndMinutes(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "Hyperliquid: building open-interest history (2 h of 4 h)". */
export function buildingHistorySentence(venue: Venue, coveredMs: number, neededMs: number): string {
  return `${VENUE_LABEL[venue]}: building open-interest history (${hoursAndMinutes(coveredMs)} of ${hoursAndMinutes(neededMs)})`;
}

export function disabledView(venue: Venue, instrument: string): VenueView {
  return {
    venue,
    instrument,
    status: 'disabled',
    message: null,
    failure: null,
    markPrice: null,
    fundingRate8h: null,
    fundingRate: null,
    fundingIntervalHours: null,
    nextFundingTime: null,
    openInterestBase: null,
    openInterestUsd: null,
    openInterestChange24hPct: null,
    candles: 0,
    lastCandleTime: null,
  };
}

export function failedView(venue: Venue, instrument: string, message: string, failure: string): VenueView {
  return { ...disabledView(venue, instrument), status: 'failed', message, failure };
}

/**
 * A venue's context from its state: funding, current open interest (one side) in base and USD (× mark),
 * its 24-hour change from `history` (the venue's or the engine's own), candle count and last candle.
 */
export function stateView(
  state: VenueState,
  status: VenueStatus,
  message: string | null,
  failure: string | null,
  history: readonly OiPoint[],
): VenueView {
  const lastHistory = history[history.length - 1];
  const base = state.openInterestNow ?? lastHistory?.oi ?? null;
  const lastCandle = state.candles[state.candles.length - 1];
  return {
    venue: state.venue,
    instrument: state.instrument,
    status,
    message,
    failure,
    markPrice: state.markPrice,
    fundingRate8h: state.funding?.rate8h ?? null,
    fundingRate: state.funding?.rate ?? null,
    fundingIntervalHours: state.funding?.intervalHours ?? null,
    nextFundingTime: state.funding?.nextFundingTime ?? null,
    ...(state.clockSkewMs === undefined ? {} : { clockSkewMs: state.clockSkewMs }),
    openInterestBase: base,
    openInterestUsd: base === null ? null : base * state.markPrice,
    openInterestChange24hPct: oiChange24hPct(history),
    candles: state.candles.length,
    lastCandleTime: lastCandle ? lastCandle[0] : null,
  };
}
