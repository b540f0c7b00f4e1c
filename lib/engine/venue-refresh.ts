import type { SourceFailure } from '../http/types';
import { candleProblem } from '../market/sanity';
import type { SeriesCandle, SeriesOi } from '../market/series';
import type { Candle, Depth, OiPoint, VenueSnapshot } from '../market/types';
import { VENUE_LABEL } from '../market/venue';
import type { SourceResult, VenueSource } from '../sources/types';
import { ok } from '../util/result';
import type { OiSnapshotStore } from './oi-snapshot-store';
import type { VenueState } from './series-cache';
import { alignSnapshots } from './snapshot-history';

export interface CandleWindow {
  /** Open times of the first and last complete candle of the window. */
  fromOpen: number;
  toOpen: number;
}

export interface VenueRefreshInput {
  source: VenueSource;
  asset: string;
  interval: string;
  intervalMs: number;
  /** The window ending at a given venue time. */
  windowAt: (venueTime: number) => CandleWindow;
  /** The local clock; ages of books and states are judged on it. */
  now: number;
  /** The venue's last good state for this interval, if any; used warm when it covers the window. */
  previous: VenueState | null;
  oiStore: OiSnapshotStore;
  depthMaxAgeMs: number;
  /**
   * Another venue's history is being fetched in this refresh: a book past its age waits for the next
   * refresh (unless twice as old), so that a candle close and the books do not land in one burst.
   */
  deferDepth: boolean;
}

export type VenueRefreshOutcome =
  | {
      ok: true;
      state: VenueState;
      /** The window this refresh fetched, on the venue's clock. */
      window: CandleWindow;
      mode: 'cold' | 'warm';
      /** The history the 24-hour change is read from (for snapshot venues it reaches back a day). */
      history: OiPoint[];
      /** Whether the venue publishes its own history (false: the engine's snapshots). */
      ownHistory: boolean;
      depthFailure: SourceFailure | null;
    }
  | { ok: false; failure: SourceFailure; mode: 'cold' | 'warm' };

const DAY = 24 * 3_600_000;
/** Before any perpetual's history: a venue time earlier than this is not a clock. */
const EARLIEST_VENUE_TIME = Date.UTC(2017, 0, 1);

/**
 * The venue's own time, from its snapshot (response body or Date header), when it is plausible; else the local
 * clock. Candles close on the venue's clock, so a window computed on it asks for exactly the candles the venue
 * has, whatever the user's clock says; and a recorded replay stays consistent with itself on any later day.
 */
export function venueTime(snapshotTime: number, now: number): number {
  const plausible =
    Number.isFinite(snapshotTime) && snapshotTime >= EARLIEST_VENUE_TIME && snapshotTime <= now + DAY;
  return plausible ? snapshotTime : now;
}

/** Where a kept state's venue clock stands now: its time at fetch, moved on by the local time since. */
export function keptVenueTime(state: VenueState, now: number): number {
  return now + (state.clockSkewMs ?? 0);
}

const toSeriesCandle = (c: Candle): SeriesCandle => [
  c.t,
  c.open,
  c.high,
  c.low,
  c.close,
  c.volume,
  c.quoteVolume,
  c.takerBuyVolume,
];

/** Cached rows and new rows by time (new ones win), kept within [from, to], ascending. */
function mergeRows<R extends [number, ...unknown[]]>(
  cached: readonly R[],
  fresh: readonly R[],
  from: number,
  to: number,
) {
  const byTime = new Map<number, R>();
  for (const row of cached) byTime.set(row[0], row);
  for (const row of fresh) byTime.set(row[0], row);
  return [...byTime.values()].filter((r) => r[0] >= from && r[0] <= to).sort((a, b) => a[0] - b[0]);
}

/** A candle whose prices cannot be (high below low, open or close outside the range) fails its venue. */
function impossibleCandle(
  venue: VenueSource['venue'],
  candles: readonly Candle[],
  instrument: string,
): SourceFailure | null {
  for (const c of candles) {
    const problem = candleProblem(c.open, c.high, c.low, c.close);
    if (problem) {
      return {
        kind: 'bad-response',
        host: venue,
        endpoint: 'candles',
        message: `${VENUE_LABEL[venue]} candles: the ${instrument} candle at ${new Date(c.t).toISOString()} is impossible: ${problem}`,
      };
    }
  }
  return null;
}

function empty(
  venue: VenueSource['venue'],
  endpoint: string,
  what: string,
  instrument: string,
): SourceFailure {
  return {
    kind: 'bad-response',
    host: venue,
    endpoint,
    message: `${VENUE_LABEL[venue]} returned no ${what} for ${instrument}`,
  };
}

/**
 * One venue's part of a refresh. Cold: the whole window of candles and open-interest history. Warm
 * (a previous state that covers the window): only the candles and history points after the cached ones,
 * and nothing at all while no new candle has closed. Always the snapshot (mark, funding, current OI);
 * the book when the cached one is older than `depthMaxAgeMs`. Requests run in parallel. Venues without
 * a published history (Hyperliquid) get one from the snapshot store, fed here with each snapshot.
 */
export async function refreshVenue(input: VenueRefreshInput): Promise<VenueRefreshOutcome> {
  const { source, asset, interval, intervalMs, now } = input;
  const instrument = source.instrument(asset);
  // The snapshot comes first: its time sets the window.
  const snapshot = await source.snapshot(asset);
  if (!snapshot.ok) return { ok: false, failure: snapshot.error, mode: input.previous ? 'warm' : 'cold' };
  const clock = venueTime(snapshot.value.time, now);
  const window = input.windowAt(clock);
  const { fromOpen, toOpen } = window;
  const previous = input.previous && input.previous.coveredFrom <= fromOpen ? input.previous : null;
  const mode = previous ? 'warm' : 'cold';
  const cachedCandles = previous ? mergeRows(previous.candles, [], fromOpen, toOpen) : [];
  const cachedOi = previous ? mergeRows(previous.openInterest, [], fromOpen, toOpen) : [];
  const nextAfter = (rows: readonly [number, ...unknown[]][]) => {
    const last = rows[rows.length - 1];
    return last ? last[0] + intervalMs : fromOpen;
  };

  const candleFrom = nextAfter(cachedCandles);
  const candlesTask: Promise<SourceResult<Candle[]>> =
    candleFrom <= toOpen ? source.candles(asset, interval, candleFrom, toOpen) : Promise.resolve(ok([]));
  const oiFrom = nextAfter(cachedOi);
  // A venue without a published history says so by returning null (no request is made).
  const historyCall =
    previous?.history === 'snapshots'
      ? null
      : oiFrom <= toOpen
        ? source.openInterestHistory(asset, interval, oiFrom, toOpen)
        : undefined;
  const ownHistory = historyCall !== null;
  const oiTask: Promise<SourceResult<OiPoint[]>> = historyCall ?? Promise.resolve(ok([]));
  const depthAge =
    input.previous?.depth && input.previous.depthAt !== null
      ? now - input.previous.depthAt
      : Number.POSITIVE_INFINITY;
  const wantDepth =
    depthAge >= input.depthMaxAgeMs && (!input.deferDepth || depthAge >= 2 * input.depthMaxAgeMs);
  const depthTask: Promise<SourceResult<Depth> | null> = wantDepth
    ? source.depth(asset)
    : Promise.resolve(null);
  const [candles, oi, depth] = await Promise.all([candlesTask, oiTask, depthTask]);

  if (!candles.ok) return { ok: false, failure: candles.error, mode };
  const impossible = impossibleCandle(source.venue, candles.value, instrument);
  if (impossible) return { ok: false, failure: impossible, mode };
  if (!oi.ok) return { ok: false, failure: oi.error, mode };

  const mergedCandles = mergeRows(cachedCandles, candles.value.map(toSeriesCandle), fromOpen, toOpen);
  if (mergedCandles.length === 0) {
    return { ok: false, failure: empty(source.venue, 'candles', 'candles', instrument), mode };
  }

  let openInterest: SeriesOi[];
  let history: OiPoint[];
  if (ownHistory) {
    const fresh = oi.value.map((p): SeriesOi => [p.t, p.oi]);
    openInterest = mergeRows(cachedOi, fresh, fromOpen, toOpen);
    history = openInterest.map(([t, value]) => ({ t, oi: value }));
  } else {
    history = await snapshotHistory(input, snapshot.value, clock, window);
    openInterest = history.filter((p) => p.t >= fromOpen).map((p): SeriesOi => [p.t, p.oi]);
  }

  const snap = snapshot.value;
  const state: VenueState = {
    venue: source.venue,
    instrument,
    coveredFrom: fromOpen,
    candles: mergedCandles,
    history: ownHistory ? 'venue' : 'snapshots',
    openInterest,
    markPrice: snap.markPrice,
    funding: snap.funding,
    openInterestNow: snap.openInterest,
    depth: depth?.ok ? depth.value : (input.previous?.depth ?? null),
    depthAt: depth?.ok ? now : (input.previous?.depthAt ?? null),
    fetchedAt: now,
    clockSkewMs: clock - now,
  };
  return {
    ok: true,
    state,
    window,
    mode,
    history,
    ownHistory,
    depthFailure: depth && !depth.ok ? depth.error : null,
  };
}

/** Whether a refresh from `previous` (null: cold) asks the venue for candles or history points. */
export function needsHistory(previous: VenueState | null, fromOpen: number, toOpen: number): boolean {
  if (!previous) return true;
  const last = (rows: readonly [number, ...unknown[]][]) => {
    let t = Number.NEGATIVE_INFINITY;
    for (const row of rows) if (row[0] >= fromOpen && row[0] <= toOpen) t = Math.max(t, row[0]);
    return t;
  };
  if (last(previous.candles) < toOpen) return true;
  return previous.history === 'venue' && last(previous.openInterest) < toOpen;
}

/** Records this refresh's open interest and reads the engine's own history back, a day and a window long. */
async function snapshotHistory(
  input: VenueRefreshInput,
  snapshot: VenueSnapshot,
  clock: number,
  { fromOpen, toOpen }: CandleWindow,
): Promise<OiPoint[]> {
  const { source, asset, intervalMs, oiStore } = input;
  // A store that cannot be written or read costs the ledger, never the venue's context.
  try {
    if (snapshot.openInterest !== null) {
      await oiStore.append(source.venue, asset, { time: clock, oi: snapshot.openInterest });
    }
    const snapshots = await oiStore.load(source.venue, asset);
    return alignSnapshots(snapshots, intervalMs, Math.min(fromOpen, toOpen - DAY - intervalMs), toOpen);
  } catch {
    return [];
  }
}
