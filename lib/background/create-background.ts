import { EngineStateSchema } from '../engine/series-cache';
import { emptyHlRealView } from '../hl-positions/real-view';
import type { HlPositionsService } from '../hl-positions/service';
import { priceRangesOf } from '../liquidations/price-ranges';
import type { RealisedService } from '../liquidations/realised-service';
import { bandSnapshotOf } from '../liquidations/snapshot';
import { LIQ_VENUES, type RealisedSummary } from '../liquidations/types';
import { SeriesDocSchema } from '../market/series';
import { VENUES, type Venue } from '../market/venue';
import { createDispatcher, type Dispatcher, pushMessage, type SenderInfo } from '../messages/dispatcher';
import { isStale } from '../messages/staleness';
import {
  type SourceFailureNote,
  type ViewEntry,
  ViewEntrySchema,
  type ViewReply,
} from '../messages/view-entry';
import type { ClusterView, VenueView } from '../model/cluster-view';
import { createSettingsReader } from '../settings/read';
import type { Settings } from '../settings/schema';
import { createSettingsStore } from '../settings/store';
import type { StorageAreaLike } from '../storage/area';
import { STORAGE_KEYS } from '../storage/keys';
import { defineVersionedItem } from '../storage/versioned-item';
import { TRACK_WINDOW_MS, trackRecord } from '../track-record/aggregate';
import { formatPath, z } from '../util/zod';
import { type AlertState, describeRule, evaluateAlerts } from './alerts';
import type { EngineLike } from './engine-port';
import { createHeatmapCache } from './heatmap-cache';
import { evaluateRealisedAlerts, type RealisedAlertState } from './realised-alerts';
import { createRefreshQueue } from './refresh-queue';
import { type AlarmsLike, ensureRefreshAlarm, REFRESH_ALARM } from './scheduler';
import { createSerial } from './serial';
import { isQuotaError, MAX_STORED_ASSETS, MAX_WATCHED_ASSETS, storageFailureMessage } from './storage-budget';
import { createViewCache } from './view-cache';
import { createWatchSet } from './watch-set';

/** A watch lapses unless renewed within this many periods (content scripts renew every period). */
export const WATCH_TTL_PERIODS = 3;
/** Cached views of assets nobody has watched for this long are deleted. */
export const FORGET_AFTER_MS = 24 * 3_600_000;
/** Alarms may fire a little early or late; a refresh this close to a full period after the last counts as due. */
const DUE_TOLERANCE_MS = 5_000;
/** Assets refreshed at once, whoever asked; the HTTP client's budgets pace the requests within each. */
const REFRESH_CONCURRENCY = 2;
/** Band scores are asked for this far back unless the caller says otherwise: the track record's week. */
export const BAND_SCORES_DEFAULT_MS = 7 * 24 * 3_600_000;

export interface Notice {
  title: string;
  message: string;
}

export interface BackgroundDeps {
  /** storage.local: cache, watches, alert state, the CoinGlass key. */
  local: StorageAreaLike;
  /** storage.sync: the settings. */
  shared: StorageAreaLike;
  alarms: AlarmsLike;
  now: () => number;
  /** Builds the engine for these settings; called again only when the CoinGlass key or host permissions change. */
  createEngine(settings: Settings): EngineLike | Promise<EngineLike>;
  /** To extension pages (the popup): `runtime.sendMessage`. */
  broadcast(message: unknown): Promise<unknown>;
  /** To a chart tab's content script: `tabs.sendMessage`. */
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  /** Shows (or replaces) a notification; absent when notifications are unavailable. */
  notify?(id: string, notice: Notice): Promise<void>;
  /**
   * The realised-liquidations side: the venues' live feeds and their IndexedDB store (lib/liquidations). Absent,
   * the worker only estimates.
   */
  createRealised?(hooks: { onUpdate(asset: string, summary: RealisedSummary): void }): RealisedService;
  /** Hyperliquid's real positions (lib/hl-positions), run while `settings.realPositions.hyperliquid` is on. */
  hlPositions?: HlPositionsService;
  log(message: string): void;
}

export interface Background {
  /** Idempotent: upgrades stored data and arms the refresh alarm. Called at worker start, onStartup, onInstalled. */
  start(): Promise<void>;
  handle: Dispatcher['handle'];
  onAlarm(name: string): Promise<void>;
  onTabRemoved(tabId: number): Promise<void>;
  /** Host permissions changed (the user granted or revoked CoinGlass): the next refresh builds a new engine. */
  onPermissionsChanged(): void;
  /**
   * Refreshes `asset` unless it is not due (or `force`); shares a refresh already under way. `ifWatched`: skipped
   * (the cached entry returned) when nobody watches the asset any more by the time a refresh slot is free.
   */
  refresh(asset: string, options?: { force?: boolean; ifWatched?: boolean }): Promise<ViewEntry | null>;
  /** Resolves when every refresh and push started so far has finished (for tests and the e2e hooks). */
  settled(): Promise<void>;
  dispose(): void;
}

const periodOf = (settings: Settings) => settings.refreshSeconds * 1000;
const enabledVenues = (settings: Settings): Venue[] => VENUES.filter((venue) => settings.venues[venue]);
const watcherOf = (sender: SenderInfo) => (sender.tabId === undefined ? 'popup' : `tab:${sender.tabId}`);
const tabOf = (watcher: string) => (watcher.startsWith('tab:') ? Number(watcher.slice(4)) : null);
const message = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

export function isDue(entry: ViewEntry | null, now: number, periodMs: number): boolean {
  if (!entry || entry.checkedAt === null) return true;
  return now - entry.checkedAt >= periodMs - Math.min(DUE_TOLERANCE_MS, periodMs / 10);
}

/** Per-source failures of a refresh, in words, from the engine's own per-venue report. */
export function failuresOf(venues: readonly VenueView[], view: ClusterView | null): SourceFailureNote[] {
  const notes: SourceFailureNote[] = venues
    .filter((v) => v.status === 'failed')
    .map((v) => ({
      source: v.venue,
      message: v.message ?? v.failure ?? 'failed',
      ...(v.failure ? { kind: v.failure } : {}),
    }));
  if (view?.secondOpinion?.status === 'failed') {
    notes.push({ source: 'coinglass', message: view.secondOpinion.message ?? 'failed' });
  }
  return notes;
}

/**
 * The service worker's logic, with every browser API injected. All state that matters is in storage (watches,
 * views, series, alert state, settings); what lives in memory is only a cache of it or the promise of a refresh
 * under way, which dies with the worker that runs it: a persisted "in flight" flag would outlive that worker and
 * block the asset until some lease expired, while a lost promise only means the next request starts a new one.
 */
export function createBackground(deps: BackgroundDeps): Background {
  const settingsStore = createSettingsStore({ shared: deps.shared, local: deps.local });
  // What a chart tab may see: storage.sync only, never the CoinGlass key.
  const sharedSettings = createSettingsReader(deps.shared);
  const cache = createViewCache({ area: deps.local, log: deps.log });
  const heatmaps = createHeatmapCache(cache);
  const heatmapOf = (asset: string) => heatmaps.get(asset);
  const watches = createWatchSet({ area: deps.local, now: deps.now });
  const alertState = defineVersionedItem<AlertState>({
    area: deps.local,
    key: STORAGE_KEYS.alertState,
    version: 1,
    parse: (data) => {
      const parsed = z.record(z.string(), z.boolean()).safeParse(data);
      return parsed.success ? { value: parsed.data, issues: [] } : { value: {}, issues: [] };
    },
    fallback: () => ({}),
  });

  const realisedAlertState = defineVersionedItem<RealisedAlertState>({
    area: deps.local,
    key: STORAGE_KEYS.realisedAlertState,
    version: 1,
    parse: (data) => {
      const parsed = z.record(z.string(), z.number()).safeParse(data);
      return parsed.success ? { value: parsed.data, issues: [] } : { value: {}, issues: [] };
    },
    fallback: () => ({}),
  });
  const alertSerial = createSerial();

  const inFlight = new Map<string, Promise<ViewEntry | null>>();
  const pending = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    void work.then(
      () => pending.delete(work),
      () => pending.delete(work),
    );
    return work;
  };

  let settingsMemo: Settings | null = null;
  const currentSettings = async (): Promise<Settings> => {
    if (!settingsMemo) settingsMemo = (await settingsStore.load()).settings;
    return settingsMemo;
  };

  let engineMemo: { key: string | null; engine: Promise<EngineLike> } | null = null;
  const engineFor = (settings: Settings): Promise<EngineLike> => {
    if (!engineMemo || engineMemo.key !== settings.coinglassKey) {
      engineMemo = { key: settings.coinglassKey, engine: Promise.resolve(deps.createEngine(settings)) };
    }
    return engineMemo.engine;
  };

  const replyFor = (asset: string, entry: ViewEntry | null, settings: Settings): ViewReply => ({
    asset,
    entry,
    stale: isStale(entry, deps.now(), periodOf(settings)),
    refreshing: inFlight.has(asset),
    periodMs: periodOf(settings),
  });

  const push = async (asset: string, entry: ViewEntry | null) => {
    const settings = await currentSettings();
    await pushToWatchers(asset, pushMessage('viewUpdated', replyFor(asset, entry, settings)));
  };

  /** To the popup and to every tab watching `asset`. */
  const pushToWatchers = async (asset: string, msg: unknown) => {
    const watchers = (await watches.active()).get(asset) ?? [];
    // No page listening (popup closed) rejects; that is normal.
    const sends: Promise<unknown>[] = [deps.broadcast(msg).catch(() => undefined)];
    for (const watcher of watchers) {
      const tabId = tabOf(watcher);
      if (tabId === null || !Number.isInteger(tabId)) continue;
      // A tab that no longer has our content script (navigated away) stops watching.
      sends.push(deps.sendToTab(tabId, msg).catch(() => watches.remove(asset, watcher)));
    }
    await Promise.all(sends);
  };

  const runAlerts = async (view: ClusterView, settings: Settings) => {
    if (!settings.alerts.enabled || !deps.notify) return;
    const rules = settings.alerts.rules.filter((rule) => rule.asset === view.asset && rule.enabled);
    if (rules.length === 0) return;
    const before = (await alertState.load()).value;
    const { notices, state } = evaluateAlerts(rules, view, before);
    await alertState.save(state);
    for (const notice of notices) {
      await deps.notify(`liqlens:alert:${notice.ruleId}`, notice).catch((cause) => {
        deps.log(`LiqLens: could not show an alert: ${message(cause)}`);
      });
    }
  };

  /** The first problem zod finds, as `path: message`. */
  const firstIssue = (error: { issues: readonly { path: PropertyKey[]; message: string }[] }) => {
    const issue = error.issues[0];
    return issue ? `${formatPath(issue.path) || 'view'}: ${issue.message}` : 'invalid';
  };

  /** Removes every stored trace of the least recently used assets beyond MAX_STORED_ASSETS (never `keep`). */
  const evict = async (keep: ReadonlySet<string>) => {
    const assets = await watches.byRecency();
    let room = MAX_STORED_ASSETS - keep.size;
    for (const asset of assets) {
      if (keep.has(asset)) continue;
      if (room > 0) {
        room--;
        continue;
      }
      await cache.remove(asset);
      await deps.local.remove(VENUES.map((venue) => STORAGE_KEYS.oiSnapshots(venue, asset)));
      await watches.forget(asset);
    }
  };

  const protectedAssets = async (asset: string, settings: Settings) =>
    new Set([asset, ...(await watches.active()).keys(), ...alertAssets(settings)]);

  /**
   * A write to storage.local; a full area (the quota) evicts least recently used assets and tries once more.
   * Returns null when saved, else a message in our words (never the browser's "kQuotaBytes" text).
   */
  const save = async (write: () => Promise<void>, what: string, keep: () => Promise<Set<string>>) => {
    try {
      await write();
      return null;
    } catch (cause) {
      if (!isQuotaError(cause)) return storageFailureMessage(cause, what);
      try {
        await evict(await keep());
        await write();
        return null;
      } catch (again) {
        deps.log(`LiqLens: storage full while saving the ${what}`);
        return storageFailureMessage(again, what);
      }
    }
  };

  const doRefresh = async (asset: string, force: boolean): Promise<ViewEntry | null> => {
    const settings = await currentSettings();
    const previous = await cache.get(asset);
    if (!force && !isDue(previous, deps.now(), periodOf(settings))) return previous;
    // Keeps the last good view whenever this attempt yields none (or only the engine's stale copies).
    const keepLast = (error: string, failures: SourceFailureNote[]): ViewEntry => ({
      asset,
      view: previous?.view ?? null,
      viewAt: previous?.viewAt ?? null,
      checkedAt: deps.now(),
      error,
      failures,
    });
    const keep = () => protectedAssets(asset, settings);
    let entry: ViewEntry;
    let storageError: string | null = null;
    try {
      const engine = await engineFor(settings);
      const result = await engine.refresh(asset, settings.model, {
        venues: enabledVenues(settings),
        previous: await cache.getState(asset),
      });
      await watches.noteStored(asset);
      // Nothing the engine made is stored unchecked: storage would drop a non-finite figure's key on write, and
      // the next read would lose the last good copy.
      const state = EngineStateSchema.safeParse(result.state);
      if (state.success)
        storageError = await save(() => cache.putState(asset, state.data), 'engine state', keep);
      const failures = failuresOf(result.venues, result.view);
      const candidate: ViewEntry | null =
        result.view && result.series && !result.allFailed
          ? {
              asset,
              view: result.view,
              viewAt: result.view.fetchedAt ?? result.fetchedAt,
              checkedAt: deps.now(),
              error: null,
              failures,
            }
          : null;
      const checked = candidate ? ViewEntrySchema.safeParse(candidate) : null;
      const series = result.series ? SeriesDocSchema.safeParse(result.series) : null;
      if (checked?.success && series?.success) {
        entry = checked.data;
        storageError =
          (await save(() => cache.putSeries(asset, series.data), 'series', keep)) ?? storageError;
      } else if (checked && !checked.success) {
        const why = `the refresh made an invalid view (${firstIssue(checked.error)}); showing the last good one`;
        deps.log(`LiqLens: ${asset}: ${why}`);
        entry = keepLast(why, failures);
      } else if (series && !series.success) {
        const why = `the refresh made an invalid series (${firstIssue(series.error)}); showing the last good view`;
        deps.log(`LiqLens: ${asset}: ${why}`);
        entry = keepLast(why, failures);
      } else {
        entry = keepLast(result.error ?? 'no venue returned data', failures);
      }
    } catch (cause) {
      entry = keepLast(message(cause), [{ source: 'engine', message: message(cause) }]);
    }
    const saved = await save(() => cache.put(entry), 'view', keep);
    storageError = saved ?? storageError;
    if (storageError)
      entry = { ...entry, failures: [...entry.failures, { source: 'storage', message: storageError }] };
    else await evict(await keep());
    const hlMark = entry.view?.venues.find((v) => v.venue === 'hyperliquid')?.markPrice;
    if (hlMark != null) deps.hlPositions?.notePrice(asset, hlMark);
    if (entry.error === null && entry.view) {
      if (realised && entry.viewAt !== null && entry.viewAt !== previous?.viewAt)
        await realised.addSnapshot(bandSnapshotOf(entry.view, entry.viewAt)).catch((cause) => {
          deps.log(`LiqLens: could not store the bands of ${asset}: ${message(cause)}`);
        });
      await runAlerts(entry.view, settings);
    }
    return entry;
  };

  const refreshQueue = createRefreshQueue(REFRESH_CONCURRENCY);
  const refresh: Background['refresh'] = (asset, options = {}) => {
    const running = inFlight.get(asset);
    if (running) return running;
    const task = refreshQueue
      .run({
        wanted: async () =>
          !options.ifWatched ||
          (await watches.active()).has(asset) ||
          alertAssets(await currentSettings()).includes(asset),
        work: () => doRefresh(asset, options.force === true),
        skipped: () => cache.get(asset),
      })
      .catch((cause) => {
        deps.log(`LiqLens: refresh of ${asset} failed: ${message(cause)}`);
        return null;
      });
    inFlight.set(asset, task);
    const done = task.then(async (entry) => {
      inFlight.delete(asset);
      if (entry && entry.checkedAt !== null) await push(asset, entry).catch(() => undefined);
      return entry;
    });
    track(done);
    return done;
  };

  const alertAssets = (settings: Settings) =>
    settings.alerts.enabled ? settings.alerts.rules.filter((r) => r.enabled).map((r) => r.asset) : [];

  const realisedAlertAssets = (settings: Settings) =>
    settings.alerts.enabled ? settings.alerts.realisedRules.filter((r) => r.enabled).map((r) => r.asset) : [];

  /** The realised feeds follow what is watched: chart tabs, the popup, and both kinds of alert rules. */
  const syncRealised = async () => {
    if (!realised) return;
    const settings = await currentSettings();
    const assets = new Set([
      ...(await watches.active()).keys(),
      ...alertAssets(settings),
      ...realisedAlertAssets(settings),
    ]);
    realised.watch(
      [...assets],
      LIQ_VENUES.filter((venue) => settings.venues[venue]),
    );
  };

  const runRealisedAlerts = (asset: string) =>
    alertSerial(async () => {
      const settings = await currentSettings();
      if (!realised || !settings.alerts.enabled || !deps.notify) return;
      const rules = settings.alerts.realisedRules.filter((r) => r.asset === asset && r.enabled);
      if (rules.length === 0) return;
      const before = (await realisedAlertState.load()).value;
      // Other assets' rules keep their cooldowns: evaluate them all, with this asset's prints only for its rules.
      const { notices, state } = evaluateRealisedAlerts(
        settings.alerts.realisedRules,
        asset,
        realised.recentPrints(asset),
        deps.now(),
        before,
      );
      await realisedAlertState.save(state);
      for (const notice of notices) {
        await deps.notify(`liqlens:realised-alert:${notice.ruleId}`, notice).catch((cause) => {
          deps.log(`LiqLens: could not show an alert: ${message(cause)}`);
        });
      }
    });

  const onRealised = async (asset: string, summary: RealisedSummary) => {
    await pushToWatchers(asset, pushMessage('realisedUpdated', { asset, summary }));
    await runRealisedAlerts(asset);
  };
  const realised = deps.createRealised?.({
    onUpdate: (asset, summary) => {
      void track(onRealised(asset, summary).catch((cause) => deps.log(`LiqLens: ${message(cause)}`)));
    },
  });

  const refreshWatched = async (force: boolean) => {
    const settings = await currentSettings();
    const assets = [...new Set([...(await watches.active()).keys(), ...alertAssets(settings)])];
    const queue = [...assets];
    const worker = async () => {
      for (let asset = queue.shift(); asset !== undefined; asset = queue.shift())
        await refresh(asset, { force });
    };
    await Promise.all(Array.from({ length: Math.min(REFRESH_CONCURRENCY, queue.length) }, worker));
    const keep = new Set(alertAssets(settings));
    for (const asset of await watches.idleSince(deps.now() - FORGET_AFTER_MS)) {
      if (keep.has(asset)) continue;
      await cache.remove(asset);
      await watches.forget(asset);
    }
    await syncRealised();
  };

  /** The scan follows the option and the watched assets (their trades name the accounts). */
  const configureHlPositions = async () => {
    if (!deps.hlPositions) return;
    const settings = await currentSettings();
    const on = settings.realPositions.hyperliquid && settings.venues.hyperliquid;
    await deps.hlPositions.configure(on, [...(await watches.active()).keys()]);
  };

  const onSettingsChanged = async (next: Settings) => {
    const before = settingsMemo;
    settingsMemo = next;
    await configureHlPositions();
    if (!before || before.refreshSeconds !== next.refreshSeconds)
      await ensureRefreshAlarm(deps.alarms, periodOf(next));
    const inputs = (s: Settings) => JSON.stringify([s.model, s.venues, s.coinglassKey]);
    if (!before || inputs(before) !== inputs(next)) await refreshWatched(true);
    else await syncRealised();
  };
  const unwatchSettings = settingsStore.watch((loaded) => {
    void track(onSettingsChanged(loaded.settings).catch((cause) => deps.log(`LiqLens: ${message(cause)}`)));
  });

  const dispatcher = createDispatcher(
    {
      async subscribeAsset({ asset }, sender) {
        const settings = await currentSettings();
        await watches.renew(
          asset,
          watcherOf(sender),
          WATCH_TTL_PERIODS * periodOf(settings),
          MAX_WATCHED_ASSETS,
        );
        await syncRealised();
        // A newly watched asset's trades name accounts from now on, not from the next alarm.
        await configureHlPositions();
        const entry = await cache.get(asset);
        if (!inFlight.has(asset) && isDue(entry, deps.now(), periodOf(settings)))
          void refresh(asset, { ifWatched: true });
        return replyFor(asset, entry, settings);
      },
      async unsubscribeAsset({ asset }, sender) {
        const watching = await watches.remove(asset, watcherOf(sender));
        await syncRealised();
        return { watching };
      },
      async getView({ asset, refresh: wanted }) {
        const settings = await currentSettings();
        const entry = await cache.get(asset);
        if (wanted) void refresh(asset, { force: true });
        return replyFor(asset, entry, settings);
      },
      async getHeatmap({ asset }) {
        return heatmapOf(asset);
      },
      async getSeries({ asset }) {
        return { series: await cache.getSeries(asset) };
      },
      async getHlPositions({ asset }) {
        const service = deps.hlPositions;
        const now = deps.now();
        const entry = await cache.get(asset);
        const estimate = entry?.view ? { view: entry.view, series: await cache.getSeries(asset) } : null;
        if (service) return service.view(asset, estimate);
        return emptyHlRealView(asset, 'off', 'Hyperliquid real positions are not available here', now);
      },
      async getSettings() {
        // Read afresh, not `currentSettings()`: a chart tab asks right after storage.sync changed, maybe before the
        // worker heard of it.
        return (await sharedSettings.load()).settings;
      },
      async getTabAsset({ tabId }) {
        return { asset: await watches.assetOf(`tab:${tabId}`) };
      },
      async retryNow({ asset }) {
        await deps.local.remove(STORAGE_KEYS.httpPauses);
        // The next refresh builds a client from storage, without the pauses the current one holds in memory.
        engineMemo = null;
        void refresh(asset, { force: true });
        return { cleared: true };
      },
      async getRealised({ asset }) {
        return { summary: realised ? await realised.summary(asset) : null };
      },
      async getBandScores({ asset, sinceMs }) {
        const since = sinceMs ?? deps.now() - BAND_SCORES_DEFAULT_MS;
        const { ranges, intervalMs } = priceRangesOf(await cache.getSeries(asset), since);
        if (!realised) return { snapshots: [], scores: [], priceRanges: ranges };
        const { snapshots, scores, prints, printsCapped } = await realised.bandScores(
          asset,
          since,
          ranges,
          intervalMs,
        );
        return { snapshots, scores, priceRanges: ranges, prints, printsCapped };
      },
      async getCalibration({ asset }) {
        if (!realised) return { calibration: null };
        const now = deps.now();
        const since = now - TRACK_WINDOW_MS;
        const { ranges, intervalMs } = priceRangesOf(await cache.getSeries(asset), since);
        // The factors need the scores only: the prints (the lift's and control zones') are not read.
        const { snapshots, scores } = await realised.bandScores(asset, since, ranges, intervalMs, {
          prints: false,
        });
        const record = trackRecord({
          asset,
          now,
          snapshots,
          scores,
          priceRanges: ranges,
          intervalMs,
          prints: null,
        });
        return { calibration: record.calibration };
      },
      async exportWsRecording() {
        return { jsonl: realised?.recording() ?? '' };
      },
      async testAlert({ ruleId }) {
        if (!deps.notify) return { shown: false, message: 'notifications are not available in this browser' };
        let notice: Notice = { title: 'LiqLens', message: 'Test notification: alerts will look like this.' };
        if (ruleId !== undefined) {
          const rule = (await currentSettings()).alerts.rules.find((r) => r.id === ruleId);
          if (!rule) return { shown: false, message: `no alert rule "${ruleId}"` };
          const view = (await cache.get(rule.asset))?.view;
          if (!view)
            return {
              shown: false,
              message: `no data for ${rule.asset} yet; open its chart or the popup first`,
            };
          const described = describeRule(rule, view);
          notice = { title: `Test · ${described.title}`, message: described.message };
        }
        try {
          await deps.notify('liqlens:test', notice);
          return { shown: true, message: notice.message };
        } catch (cause) {
          return { shown: false, message: `could not show a notification: ${message(cause)}` };
        }
      },
    },
    deps.log,
  );

  return {
    async start() {
      await settingsStore.upgrade();
      await ensureRefreshAlarm(deps.alarms, periodOf(await currentSettings()));
      await syncRealised();
      await configureHlPositions();
    },
    handle: dispatcher.handle,
    async onAlarm(name) {
      if (name === REFRESH_ALARM) {
        await configureHlPositions();
        await track(refreshWatched(false));
      }
    },
    async onTabRemoved(tabId) {
      await watches.removeWatcher(`tab:${tabId}`);
      await syncRealised();
    },
    onPermissionsChanged() {
      engineMemo = null;
    },
    refresh,
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    dispose() {
      unwatchSettings();
      realised?.dispose();
    },
  };
}
