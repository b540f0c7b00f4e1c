import type { ViewCache } from '../background/view-cache';
import { exportFileName } from '../format/file-name';
import type { HlRealView } from '../hl-positions/real-view';
import type { RealisedSummary } from '../liquidations/types';
import { AssetSchema } from '../market/asset';
import { createPushReceiver, type Messenger } from '../messages/client';
import { isStale } from '../messages/staleness';
import type { ViewEntry, ViewReply } from '../messages/view-entry';
import { defaultSettings, type Settings } from '../settings/schema';
import { STORAGE_KEYS } from '../storage/keys';
import { DEFAULT_ASSET, type PopupPrefsStore } from './popup-prefs';
import { tabAsset } from './tab-asset';

/** The realised summary is asked for again this often (pushes bring it in between; one may be lost to a restart). */
export const REALISED_POLL_MS = 15_000;

/** Offered in the asset picker after the current and recent ones. */
export const MAJORS = ['BTC', 'ETH', 'SOL', 'XRP', 'DOGE', 'BNB', 'HYPE'];

/** Everything the popup page renders; a new object whenever something in it changed. */
export interface PopupState {
  /** False until the first asset and its cached entry are known: nothing is drawn before. */
  loaded: boolean;
  asset: string;
  /** The picker's list: the current asset, the recent ones, then the majors, each once. */
  assets: string[];
  /** The asset came from the active tab's chart (else it is the last one looked at). */
  fromTab: boolean;
  settings: Settings;
  entry: ViewEntry | null;
  /** Older than three refresh periods (only said when there is a view). */
  stale: boolean;
  /** A refresh for this asset is under way. */
  refreshing: boolean;
  /** Why the last refresh failed, or why the background could not be asked. */
  error: string | null;
  /** A venue is paused after a rate limit or a ban (the popup offers "Retry now"). */
  paused: boolean;
  periodMs: number;
  now: number;
  /** The venues' realised prints for the asset (null: none known yet); shown apart from the estimates. */
  realised: RealisedSummary | null;
  /** Why the realised summary could not be had, in words. */
  realisedError: string | null;
  /** Hyperliquid's real positions for this asset (null until asked; status `off` when the option is off). */
  hlPositions: HlRealView | null;
}

export interface PopupControllerDeps {
  messenger: Pick<Messenger, 'request'>;
  settings: {
    load(): Promise<{ settings: Settings }>;
    watch(cb: (loaded: { settings: Settings }) => void): unknown;
  };
  cache: Pick<ViewCache, 'get' | 'getSeries'>;
  prefs: PopupPrefsStore;
  /** The active tab (or the one the page was opened for: `?tab=`). */
  activeTab(): Promise<{ tabId: number | undefined; url: string | undefined }>;
  /** `?asset=` of the page's URL, or null. */
  forcedAsset: string | null;
  /** Saves a text file for the user. */
  download(filename: string, text: string): void;
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  log(message: string): void;
  onChange(state: PopupState): void;
}

export interface PopupController {
  /** Loads the settings, the prefs and the active tab's asset, shows the cached entry, and subscribes. */
  start(): Promise<void>;
  chooseAsset(asset: string): Promise<void>;
  refreshNow(): Promise<void>;
  /** Lifts the venues' rate-limit pauses and refreshes at once. */
  retryNow(): Promise<void>;
  exportView(): void;
  exportSeries(): Promise<void>;
  /** Any runtime message: `viewUpdated` pushes are taken, the rest ignored. */
  receive(message: unknown): void;
  /** Keys changed in storage.local (a refresh whose push was lost still shows). */
  onStorageChanged(keys: readonly string[]): void;
  readonly state: PopupState;
}

/**
 * The popup's logic with every browser API injected (the page in entrypoints/popup only wires them): which asset to
 * show, the cached entry at once, the background's watch renewed while the popup stays open, pushes, exports.
 */
export function createPopupController(deps: PopupControllerDeps): PopupController {
  const settings = defaultSettings();
  let state: PopupState = {
    loaded: false,
    asset: DEFAULT_ASSET,
    assets: [DEFAULT_ASSET, ...MAJORS.filter((a) => a !== DEFAULT_ASSET)],
    fromTab: false,
    settings,
    entry: null,
    stale: false,
    refreshing: false,
    error: null,
    paused: false,
    periodMs: settings.refreshSeconds * 1000,
    now: deps.now(),
    realised: null,
    realisedError: null,
    hlPositions: null,
  };
  let recent: string[] = [];
  let requestError: string | null = null;

  const update = (patch: Partial<PopupState>): void => {
    const next = { ...state, ...patch };
    const list = [next.asset, ...recent, ...MAJORS];
    next.assets = list.filter((a, i) => list.indexOf(a) === i);
    next.stale = next.entry?.view ? isStale(next.entry, next.now, next.periodMs) : false;
    next.error = next.entry?.error ?? requestError;
    next.paused = (next.entry?.failures ?? []).some((f) => f.kind === 'rate-limited' || f.kind === 'banned');
    state = next;
    deps.onChange(state);
  };

  /** The real positions follow every new view (their comparison is with it); a failure keeps the last ones. */
  const askHlPositions = async (asset: string): Promise<void> => {
    const result = await deps.messenger.request('getHlPositions', { asset });
    if (!result.ok) deps.log(`LiqLens: ${result.error}`);
    else if (state.asset === asset) update({ hlPositions: result.value });
  };

  const apply = (reply: ViewReply): void => {
    if (reply.asset !== state.asset) return;
    requestError = null;
    update({ entry: reply.entry, refreshing: reply.refreshing, periodMs: reply.periodMs });
    if (state.settings.realPositions.hyperliquid) void askHlPositions(reply.asset);
  };

  const fail = (error: string, patch: Partial<PopupState> = {}): void => {
    requestError = error;
    update(patch);
  };

  const subscribe = async (): Promise<void> => {
    const result = await deps.messenger.request('subscribeAsset', { asset: state.asset });
    if (result.ok) apply(result.value);
    else fail(result.error);
  };

  /** The background owns the watch record; a missing or malformed answer means "cannot tell". */
  const watchedBy = async (tabId: number): Promise<string | null> => {
    const reply = await deps.messenger.request('getTabAsset', { tabId });
    if (!reply.ok) deps.log(`LiqLens: ${reply.error}`);
    return reply.ok ? reply.value.asset : null;
  };

  const loadRealised = async (): Promise<void> => {
    const asset = state.asset;
    const result = await deps.messenger.request('getRealised', { asset });
    if (state.asset !== asset) return;
    if (result.ok) update({ realised: result.value.summary, realisedError: null });
    else update({ realisedError: result.error });
  };

  const applyRealised = (push: { asset: string; summary: RealisedSummary }): void => {
    if (push.asset === state.asset) update({ realised: push.summary, realisedError: null });
  };

  const receivePush = createPushReceiver({ viewUpdated: apply, realisedUpdated: applyRealised }, deps.log);

  return {
    get state() {
      return state;
    },

    async start() {
      const [loaded, remembered, tab] = await Promise.all([
        deps.settings.load(),
        deps.prefs.load(),
        deps.activeTab().catch(() => ({ tabId: undefined, url: undefined })),
      ]);
      recent = remembered.recent;
      const forced = AssetSchema.safeParse(deps.forcedAsset);
      const onTab = forced.success ? null : await tabAsset({ ...tab, watchedBy });
      const asset = forced.success ? forced.data : (onTab ?? remembered.last);
      const entry = await deps.cache.get(asset);
      update({
        loaded: true,
        asset,
        fromTab: onTab !== null,
        settings: loaded.settings,
        periodMs: loaded.settings.refreshSeconds * 1000,
        entry,
        refreshing: true,
      });
      deps.settings.watch((next) => update({ settings: next.settings }));
      deps.setInterval(() => update({ now: deps.now() }), 1000);
      void deps.prefs.remember(asset);
      await subscribe();
      void loadRealised();
      // The popup's watch lasts one period: renew it while the popup stays open.
      deps.setInterval(() => void subscribe(), Math.max(10_000, state.periodMs / 2));
      deps.setInterval(() => void loadRealised(), REALISED_POLL_MS);
    },

    async chooseAsset(next) {
      if (!AssetSchema.safeParse(next).success || next === state.asset) return;
      update({ asset: next, fromTab: false, realised: null, realisedError: null, hlPositions: null });
      void deps.prefs.remember(next);
      void loadRealised();
      const entry = await deps.cache.get(next);
      if (state.asset !== next) return;
      update({ entry, refreshing: true });
      await subscribe();
    },

    async refreshNow() {
      update({ refreshing: true });
      const result = await deps.messenger.request('getView', { asset: state.asset, refresh: true });
      if (result.ok) apply(result.value);
      else fail(result.error, { refreshing: false });
    },

    async retryNow() {
      update({ refreshing: true });
      const result = await deps.messenger.request('retryNow', { asset: state.asset });
      if (!result.ok) fail(result.error, { refreshing: false });
    },

    exportView() {
      const view = state.entry?.view;
      if (!view) return;
      deps.download(
        exportFileName('view', view.asset, view.fetchedAt ?? deps.now()),
        `${JSON.stringify(view, null, 2)}\n`,
      );
    },

    async exportSeries() {
      const name = state.asset;
      const result = await deps.messenger.request('getSeries', { asset: name });
      // The worker may be gone for a moment: the cache holds the same document.
      const series = result.ok ? result.value.series : await deps.cache.getSeries(name);
      if (!series) {
        fail(`No ${name} series cached yet: export after the first refresh`);
        return;
      }
      deps.download(
        exportFileName('series', name, state.entry?.view?.fetchedAt ?? deps.now()),
        `${JSON.stringify(series)}\n`,
      );
    },

    receive(message) {
      receivePush(message);
    },

    onStorageChanged(keys) {
      const asset = state.asset;
      if (!keys.includes(STORAGE_KEYS.view(asset))) return;
      void deps.cache.get(asset).then((entry) => {
        // A new entry is a finished refresh, even if its push was lost with a stopped worker.
        if (state.asset === asset) update({ entry, refreshing: false });
      });
    },
  };
}
