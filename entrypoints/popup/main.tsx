import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupStatus } from '../../components/popup/Popup';
import type { PopupDisplay } from '../../components/popup/popup-model';
import '../../components/shared/theme.css';
import '../../components/popup/popup.css';
import { downloadText, exportFileName } from '../../components/shared/download';
import { createViewCache } from '../../lib/background/view-cache';
import { AssetSchema } from '../../lib/market/asset';
import { createMessenger, createPushReceiver } from '../../lib/messages/client';
import { isStale, type ViewEntry, type ViewReply } from '../../lib/messages/view-entry';
import { createSettingsStore, defaultSettings, type Settings } from '../../lib/settings';
import { createPopupPrefs, DEFAULT_ASSET } from './popup-prefs';
import { tabAsset } from './tab-asset';

const MAJORS = ['BTC', 'ETH', 'SOL', 'XRP', 'DOGE', 'BNB', 'HYPE'];

const local = browser.storage.local;
const messenger = createMessenger((message) => browser.runtime.sendMessage(message));
const settingsStore = createSettingsStore({ shared: browser.storage.sync, local });
const cache = createViewCache({ area: local, log: (m) => console.warn(m) });
const prefs = createPopupPrefs(local);

const asset = signal(DEFAULT_ASSET);
const recent = signal<string[]>([]);
const fromTab = signal(false);
const settings = signal<Settings>(defaultSettings());
const entry = signal<ViewEntry | null>(null);
const refreshing = signal(false);
const periodMs = signal(defaultSettings().refreshSeconds * 1000);
const requestError = signal<string | null>(null);
const now = signal(Date.now());
const loaded = signal(false);

const display = computed<PopupDisplay>(() => ({
  longColor: settings.value.display.longColor,
  shortColor: settings.value.display.shortColor,
  movePct: settings.value.model.movePct,
  minBandUsd: settings.value.display.minBandUsd,
  bandsPerSide: settings.value.display.bandsPerSide,
}));

const status = computed<PopupStatus>(() => ({
  stale: entry.value?.view ? isStale(entry.value, now.value, periodMs.value) : false,
  refreshing: refreshing.value,
  error: entry.value?.error ?? requestError.value,
}));

const assets = computed(() => {
  const list = [asset.value, ...recent.value, ...MAJORS];
  return list.filter((a, i) => list.indexOf(a) === i);
});

/** Params: `?asset=ETH` shows ETH; `?tab=12` treats tab 12 as the active tab (the demo and the tests open the popup in a tab). */
const params = new URLSearchParams(location.search);

function apply(reply: ViewReply): void {
  if (reply.asset !== asset.value) return;
  entry.value = reply.entry;
  refreshing.value = reply.refreshing;
  periodMs.value = reply.periodMs;
  requestError.value = null;
}

async function subscribe(): Promise<void> {
  const result = await messenger.request('subscribeAsset', { asset: asset.value });
  if (result.ok) apply(result.value);
  else requestError.value = result.error;
}

async function chooseAsset(next: string): Promise<void> {
  if (!AssetSchema.safeParse(next).success || next === asset.value) return;
  asset.value = next;
  fromTab.value = false;
  entry.value = await cache.get(next);
  refreshing.value = true;
  void prefs.remember(next);
  await subscribe();
}

async function refreshNow(): Promise<void> {
  refreshing.value = true;
  const result = await messenger.request('getView', { asset: asset.value, refresh: true });
  if (result.ok) apply(result.value);
  else {
    refreshing.value = false;
    requestError.value = result.error;
  }
}

function exportView(): void {
  const view = entry.value?.view;
  if (!view) return;
  downloadText(
    exportFileName('view', view.asset, view.fetchedAt ?? Date.now()),
    `${JSON.stringify(view, null, 2)}\n`,
  );
}

async function exportSeries(): Promise<void> {
  const name = asset.value;
  const result = await messenger.request('getSeries', { asset: name });
  // The worker may be gone for a moment: the cache holds the same document.
  const series = result.ok ? result.value.series : await cache.getSeries(name);
  if (!series) {
    requestError.value = `No ${name} series cached yet: export after the first refresh`;
    return;
  }
  downloadText(
    exportFileName('series', name, entry.value?.view?.fetchedAt ?? Date.now()),
    `${JSON.stringify(series)}\n`,
  );
}

function App() {
  if (!loaded.value) return null;
  return (
    <Popup
      asset={asset.value}
      assets={assets.value}
      fromTab={fromTab.value}
      display={display.value}
      view={entry.value?.view ?? null}
      status={status.value}
      now={now.value}
      onAssetChange={(a) => void chooseAsset(a)}
      onRefresh={() => void refreshNow()}
      onExportView={exportView}
      onExportSeries={() => void exportSeries()}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

async function activeTab(): Promise<{ tabId: number | undefined; url: string | undefined }> {
  const forced = Number(params.get('tab'));
  if (Number.isInteger(forced) && forced > 0) {
    const tab = await browser.tabs.get(forced).catch(() => undefined);
    return { tabId: forced, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: tab?.id, url: tab?.url };
}

/** The background owns the watch record; a missing or malformed answer means "cannot tell". */
async function watchedBy(tabId: number): Promise<string | null> {
  const reply = await messenger.request('getTabAsset', { tabId });
  if (!reply.ok) console.warn(`LiqLens: ${reply.error}`);
  return reply.ok ? reply.value.asset : null;
}

async function main(): Promise<void> {
  const [loadedSettings, remembered, tab] = await Promise.all([
    settingsStore.load(),
    prefs.load(),
    activeTab().catch(() => ({ tabId: undefined, url: undefined })),
  ]);
  settings.value = loadedSettings.settings;
  periodMs.value = loadedSettings.settings.refreshSeconds * 1000;
  recent.value = remembered.recent;
  const forced = AssetSchema.safeParse(params.get('asset'));
  const onTab = forced.success ? null : await tabAsset({ ...tab, watchedBy });
  asset.value = forced.success ? forced.data : (onTab ?? remembered.last);
  fromTab.value = onTab !== null;
  entry.value = await cache.get(asset.value);
  refreshing.value = true;
  loaded.value = true;

  const root = document.getElementById('app');
  if (root) render(<App />, root);
  if (entry.value?.view) markRendered('cache');
  else {
    const stop = entry.subscribe((e) => {
      if (!e?.view) return;
      queueMicrotask(() => stop());
      requestAnimationFrame(() => markRendered('refresh'));
    });
  }

  const receive = createPushReceiver({ viewUpdated: apply }, (m) => console.warn(m));
  browser.runtime.onMessage.addListener((message) => {
    receive(message);
    return undefined;
  });
  settingsStore.watch((next) => {
    settings.value = next.settings;
  });
  // A refresh the push missed (the worker restarted between): the cache is the truth.
  local.onChanged.addListener((changes) => {
    if (!(`liqlens:view:${asset.value}` in changes)) return;
    void cache.get(asset.value).then((e) => {
      entry.value = e;
      // A new entry is a finished refresh, even if its push was lost with a stopped worker.
      refreshing.value = false;
    });
  });
  setInterval(() => (now.value = Date.now()), 1000);
  void prefs.remember(asset.value);
  await subscribe();
  // The popup's watch lasts one period: renew it while the popup stays open.
  setInterval(() => void subscribe(), Math.max(10_000, periodMs.value / 2));
}

/** Script start → first paint-ready render with data; read by the e2e bench (`data-render-ms`). */
function markRendered(from: 'cache' | 'refresh'): void {
  performance.mark('liqlens:popup-rendered');
  const measure = performance.measure(
    'liqlens:popup-render',
    'liqlens:popup-start',
    'liqlens:popup-rendered',
  );
  document.documentElement.dataset.renderMs = measure.duration.toFixed(1);
  document.documentElement.dataset.renderFrom = from;
  document.documentElement.dataset.sinceNavigationMs = performance.now().toFixed(1);
}

void main();
