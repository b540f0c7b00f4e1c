import { formatPrice, formatSignedPercent } from '../format';
import type { HostId, HttpClient, SourceFailure } from '../http/types';
import { durationMs, INTERVALS } from '../market/interval';
import { SERIES_FORMAT, type SeriesDoc, type VenueSeries } from '../market/series';
import type { OiPoint } from '../market/types';
import { VENUE_LABEL, VENUES, type Venue } from '../market/venue';
import type { ClusterView, VenueView } from '../model/cluster-view';
import type { ModelParams } from '../model/params';
import type { CoinglassSource } from '../sources/coinglass';
import type { LiquidationLevel } from '../sources/coinglass/aggregated-map';
import { failedSecondOpinion, toSecondOpinion } from '../sources/coinglass/second-opinion';
import { priceOutliers } from '../sources/price-check';
import type { SourceResult, VenueSource } from '../sources/types';
import { err } from '../util/result';
import { buildClusterView } from './build-view';
import { mergeDepthUsd } from './depth';
import type { OiSnapshotStore } from './oi-snapshot-store';
import { ENGINE_STATE_FORMAT, type EngineState, type SeriesCache, type VenueState } from './series-cache';
import { keptVenueTime, needsHistory, refreshVenue, type VenueRefreshOutcome } from './venue-refresh';
import {
  buildingHistorySentence,
  disabledView,
  failedView,
  failureSentence,
  staleSentence,
  stateView,
} from './venue-status';

export interface EngineOptions {
  /** One source per venue (`createSources(http)`), or a list. */
  sources: Partial<Record<Venue, VenueSource>> | readonly VenueSource[];
  now: () => number;
  /** The engine's own open-interest history for venues that publish none (Hyperliquid). */
  oiStore: OiSnapshotStore;
  /** Where states are kept between refreshes when the caller passes no `previous`. */
  cache?: SeriesCache;
  /** CoinGlass with the user's key: its map becomes `view.secondOpinion`. */
  coinglass?: CoinglassSource | null;
  /** The client the sources share, for per-refresh request counts (`result.requests`). */
  http?: Pick<HttpClient, 'stats'>;
  /** A cached order book younger than this is reused by a warm refresh. Default 5 min. */
  depthMaxAgeMs?: number;
  /** A failed venue's last good data is used while it is younger than this. Default 1 h. */
  staleMaxAgeMs?: number;
  /** Snapshot history needed before a snapshot venue's ledger is used. Default 4 h. */
  minLedgerSpanMs?: number;
  /**
   * Per venue, how long after a candle closes the engine starts asking for it. Default: OKX 60 s, the
   * others 0 — staggering the venues keeps the refresh after a close within 12 requests.
   */
  historyDelayMs?: Partial<Record<Venue, number>>;
}

export const DEFAULT_HISTORY_DELAY_MS: Partial<Record<Venue, number>> = { okx: 60_000 };

export interface RefreshOptions {
  /** Venues to fetch (the others are listed as disabled). Default: every venue with a source. */
  venues?: readonly Venue[];
  /** The state returned by the previous refresh; else the cache's; else a cold refresh. */
  previous?: EngineState | null;
}

export interface RefreshResult {
  /** Null only when there was nothing to show: no venue answered and none had data to fall back on. */
  view: ClusterView | null;
  /** The model's input (`liqlens.series/1`), as used for `view`. */
  series: SeriesDoc | null;
  /** Pass back as `previous` (the cache, if any, already has it). */
  state: EngineState;
  /** Every venue's context (also when `view` is null). */
  venues: VenueView[];
  /** True when no enabled venue answered in this refresh (stale data may still be shown). */
  allFailed: boolean;
  /** One line for a person when `allFailed` or `view` is null. */
  error: string | null;
  /** Per venue: `cold` (whole window), `warm` (only what is new), `failed`. */
  modes: Partial<Record<Venue, 'cold' | 'warm' | 'failed'>>;
  /** Requests and weight this refresh sent per host (when the engine was given `http`). */
  requests: Record<string, { requests: number; weight: number }>;
  fetchedAt: number;
}

export interface Engine {
  refresh(asset: string, params: ModelParams, options?: RefreshOptions): Promise<RefreshResult>;
}

/** A refresh that cannot start: a bad asset or parameters. The CLI exits 2 on it. */
export class EngineInputError extends Error {
  override name = 'EngineInputError';
}

const MINUTE = 60_000;
const ASSET = /^[A-Z0-9]{1,20}$/;

function sourceMap(sources: EngineOptions['sources']): Partial<Record<Venue, VenueSource>> {
  if (!Array.isArray(sources)) return sources as Partial<Record<Venue, VenueSource>>;
  const out: Partial<Record<Venue, VenueSource>> = {};
  for (const source of sources as readonly VenueSource[]) out[source.venue] = source;
  return out;
}

function statsDelta(before: ReturnType<HttpClient['stats']>, after: ReturnType<HttpClient['stats']>) {
  const out: Record<string, { requests: number; weight: number }> = {};
  for (const [host, s] of Object.entries(after)) {
    const b = before[host] ?? { requests: 0, weight: 0 };
    if (s.requests - b.requests > 0)
      out[host] = { requests: s.requests - b.requests, weight: s.weight - b.weight };
  }
  return out;
}

/**
 * The live pipeline: sources → `liqlens.series/1` → model → `ClusterView`, one asset at a time, each
 * venue on its own (one venue's failure never fails the others), incremental after the first refresh.
 */
export function createEngine(options: EngineOptions): Engine {
  const sources = sourceMap(options.sources);
  const depthMaxAgeMs = options.depthMaxAgeMs ?? 5 * MINUTE;
  const staleMaxAgeMs = options.staleMaxAgeMs ?? 60 * MINUTE;
  const minLedgerSpanMs = options.minLedgerSpanMs ?? 4 * 60 * MINUTE;
  const historyDelayMs = options.historyDelayMs ?? DEFAULT_HISTORY_DELAY_MS;

  async function refresh(
    assetIn: string,
    params: ModelParams,
    opts: RefreshOptions = {},
  ): Promise<RefreshResult> {
    const asset = assetIn.trim().toUpperCase();
    if (!ASSET.test(asset))
      throw new EngineInputError(`asset: expected a base asset such as BTC, got "${assetIn}"`);
    if (!(INTERVALS as readonly string[]).includes(params.interval)) {
      throw new EngineInputError(
        `interval: expected one of ${INTERVALS.join(', ')}, got "${params.interval}"`,
      );
    }
    const intervalMs = durationMs(params.interval);
    const windowMs = durationMs(params.window);
    if (windowMs < intervalMs || windowMs % intervalMs !== 0) {
      throw new EngineInputError(
        `window: expected a whole number of ${params.interval} candles, got "${params.window}"`,
      );
    }
    const enabled = (opts.venues ?? VENUES).filter((v, i, all) => all.indexOf(v) === i);
    for (const venue of enabled) {
      if (!sources[venue]) throw new EngineInputError(`venues: no source for "${venue}"`);
    }

    const now = options.now();
    /** Open times of the first and last complete candle of the window ending at a venue time. */
    const windowAt = (venue: Venue, venueTime: number) => {
      const toOpen =
        Math.floor((venueTime - (historyDelayMs[venue] ?? 0)) / intervalMs) * intervalMs - intervalMs;
      return { fromOpen: toOpen - windowMs + intervalMs, toOpen };
    };
    const previous =
      opts.previous !== undefined ? opts.previous : options.cache ? await options.cache.get(asset) : null;
    const usable =
      previous && previous.asset === asset && previous.interval === params.interval ? previous : null;
    const previousOf = (venue: Venue): VenueState | null =>
      usable?.venues.find((v) => v.venue === venue) ?? null;

    const before = options.http?.stats() ?? {};
    const secondTask =
      options.coinglass && enabled.length > 0
        ? options.coinglass
            .aggregatedMap(asset)
            .catch((error: unknown) => err(unexpected('coinglass', error, 'cold').failure))
        : Promise.resolve(null);
    // Whether any venue will fetch history decides if books wait; judged on each venue's last known clock
    // (the venue's own refresh warms only when the cached history reaches back to the window's start).
    const plans = enabled.map((venue) => {
      const prev = previousOf(venue);
      const { fromOpen, toOpen } = windowAt(venue, prev ? keptVenueTime(prev, now) : now);
      const warm = prev && prev.coveredFrom <= fromOpen ? prev : null;
      return { venue, prev, history: needsHistory(warm, fromOpen, toOpen) };
    });
    const deferDepth = plans.some((p) => p.history);
    const outcomes = await Promise.all(
      plans.map(async ({ venue, prev }): Promise<[Venue, VenueRefreshOutcome]> => {
        const source = sources[venue] as VenueSource;
        const outcome = await refreshVenue({
          source,
          asset,
          interval: params.interval,
          intervalMs,
          windowAt: (venueTime) => windowAt(venue, venueTime),
          now,
          previous: prev,
          oiStore: options.oiStore,
          depthMaxAgeMs,
          deferDepth,
        }).catch((error: unknown): VenueRefreshOutcome => unexpected(venue, error, prev ? 'warm' : 'cold'));
        return [venue, outcome];
      }),
    );
    const second = await secondTask;

    const views: VenueView[] = [];
    const states: VenueState[] = [];
    const used: VenueSeries[] = [];
    const contextOnly: VenueSeries[] = [];
    const depths: NonNullable<VenueState['depth']>[] = [];
    const failures: string[] = [];
    const modes: RefreshResult['modes'] = {};
    const byVenue = new Map(outcomes);
    // A venue whose mark disagrees with the others lists another token (or unit) under this name: its data
    // would corrupt the aggregated map, so it stays out, said so, with the stated price shown.
    const marks: Partial<Record<Venue, number>> = {};
    for (const [venue, outcome] of outcomes) if (outcome.ok) marks[venue] = outcome.state.markPrice;
    const outliers = new Set(priceOutliers(marks));
    const medianMark = median(Object.values(marks) as number[]);

    for (const venue of VENUES) {
      const source = sources[venue];
      const instrument = source ? source.instrument(asset) : asset;
      const outcome = byVenue.get(venue);
      if (!outcome) {
        views.push(disabledView(venue, instrument));
        const kept = previousOf(venue);
        if (kept) states.push(kept);
        continue;
      }
      if (outcome.ok && outliers.has(venue)) {
        modes[venue] = 'failed';
        states.push(outcome.state);
        const sentence = `${VENUE_LABEL[venue]}: its mark price ${formatPrice(outcome.state.markPrice)} is ${formatSignedPercent(((outcome.state.markPrice - medianMark) / medianMark) * 100)} from the venues' median ${formatPrice(medianMark)}, so ${instrument} is not the same market; left out of the map`;
        failures.push(sentence);
        views.push({ ...stateView(outcome.state, 'failed', sentence, 'price-mismatch', outcome.history) });
        continue;
      }
      if (outcome.ok) {
        const { fromOpen, toOpen } = outcome.window;
        modes[venue] = outcome.mode;
        const { state } = outcome;
        states.push(state);
        const series = toVenueSeries(state, fromOpen, toOpen);
        if (state.depth && state.depthAt !== null && now - state.depthAt <= staleMaxAgeMs)
          depths.push(state.depth);
        const depthNote = outcome.depthFailure
          ? `order book unavailable: ${failureSentence(venue, outcome.depthFailure)}`
          : null;
        const covered = coverage(series.openInterest, intervalMs);
        if (outcome.ownHistory ? series.openInterest.length > 0 : covered >= minLedgerSpanMs) {
          used.push(series);
          views.push(stateView(state, 'ok', depthNote, null, outcome.history));
        } else {
          contextOnly.push(series);
          const message = outcome.ownHistory
            ? `${VENUE_LABEL[venue]} returned no open-interest history for ${instrument}`
            : buildingHistorySentence(venue, covered, minLedgerSpanMs);
          views.push(stateView(state, 'no-ledger', message, null, outcome.history));
        }
        continue;
      }
      modes[venue] = 'failed';
      const sentence = failureSentence(venue, outcome.failure);
      failures.push(sentence);
      const kept = previousOf(venue);
      if (kept && now - kept.fetchedAt <= staleMaxAgeMs) {
        states.push(kept);
        const { fromOpen, toOpen } = windowAt(venue, keptVenueTime(kept, now));
        const series = toVenueSeries(kept, fromOpen, toOpen);
        const history = kept.openInterest.map(([t, oi]): OiPoint => ({ t, oi }));
        const message = staleSentence(sentence, kept.fetchedAt, now);
        views.push(stateView(kept, 'failed', message, outcome.failure.kind, history));
        if (
          series.candles.length > 0 &&
          (kept.history === 'venue' || coverage(series.openInterest, intervalMs) >= minLedgerSpanMs)
        ) {
          used.push(series);
        }
        if (kept.depth && kept.depthAt !== null && now - kept.depthAt <= staleMaxAgeMs)
          depths.push(kept.depth);
      } else {
        if (kept) states.push(kept);
        views.push(failedView(venue, instrument, sentence, outcome.failure.kind));
      }
    }

    const allFailed = enabled.length > 0 && enabled.every((v) => modes[v] === 'failed');
    const state: EngineState = {
      format: ENGINE_STATE_FORMAT,
      asset,
      interval: params.interval as EngineState['interval'],
      fetchedAt: now,
      venues: states,
    };
    if (options.cache) await options.cache.set(asset, state);
    const requests = options.http ? statsDelta(before, options.http.stats()) : {};

    // Context-only venues (e.g. Hyperliquid while its history builds) go in without open interest: their
    // candles take part in liquidation only (model.md) and their marks count toward the reference price.
    const docVenues = [...used, ...contextOnly.map((v) => ({ ...v, openInterest: [] }))];
    if (docVenues.length === 0) {
      const error =
        enabled.length === 0 ? 'No venue is enabled.' : `No venue could be reached: ${failures.join('; ')}`;
      return {
        view: null,
        series: null,
        state,
        venues: views,
        allFailed,
        error,
        modes,
        requests,
        fetchedAt: now,
      };
    }
    const series: SeriesDoc = { format: SERIES_FORMAT, asset, interval: params.interval, venues: docVenues };
    const depth = depths.length > 0 ? mergeDepthUsd(depths) : undefined;
    const view = buildClusterView({
      series,
      params,
      venues: views,
      fetchedAt: now,
      ...(depth ? { depth } : {}),
    });
    if (second !== null) view.secondOpinion = secondOpinionOf(second, view);
    const error = allFailed ? `No venue could be reached: ${failures.join('; ')}` : null;
    return { view, series, state, venues: views, allFailed, error, modes, requests, fetchedAt: now };
  }

  return { refresh };
}

/** A source that threw instead of returning a failure (a bug): the venue fails, the refresh goes on. */
function unexpected(
  host: HostId,
  error: unknown,
  mode: 'cold' | 'warm',
): Extract<VenueRefreshOutcome, { ok: false }> {
  const detail = error instanceof Error ? error.message : String(error);
  const label = host === 'coinglass' ? 'CoinGlass' : VENUE_LABEL[host];
  return {
    ok: false,
    mode,
    failure: {
      kind: 'bad-response',
      host,
      endpoint: 'refresh',
      message: `${label}: unexpected error (${detail.split('\n')[0]?.slice(0, 120)})`,
    },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Candles × interval covered by the (candle-aligned) open-interest points. */
function coverage(openInterest: readonly unknown[], intervalMs: number): number {
  return openInterest.length * intervalMs;
}

function toVenueSeries(state: VenueState, fromOpen: number, toOpen: number): VenueSeries {
  const inWindow = <R extends [number, ...unknown[]]>(rows: readonly R[]) =>
    rows.filter((r) => r[0] >= fromOpen && r[0] <= toOpen);
  return {
    venue: state.venue,
    instrument: state.instrument,
    markPrice: state.markPrice,
    candles: inWindow(state.candles),
    openInterest: inWindow(state.openInterest),
  };
}

function secondOpinionOf(result: SourceResult<LiquidationLevel[]>, view: ClusterView) {
  return result.ok
    ? toSecondOpinion(result.value, view.bins, view.price)
    : failedSecondOpinion(result.error as SourceFailure);
}
