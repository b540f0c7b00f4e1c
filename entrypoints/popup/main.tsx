import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import '../../components/shared/theme.css';
import '../../components/popup/popup.css';
import { downloadText } from '../../components/shared/download';
import { createViewCache } from '../../lib/background/view-cache';
import { createMessenger } from '../../lib/messages/client';
import { createPopupController, type PopupState } from '../../lib/popup/controller';
import { createPopupPrefs } from '../../lib/popup/popup-prefs';
import { createSettingsStore } from '../../lib/settings';
import { displayOptions } from '../../lib/settings/display';

const local = browser.storage.local;
/** `?asset=ETH` shows ETH; `?tab=12` treats tab 12 as the active tab (the demo and the tests open the popup in a tab). */
const params = new URLSearchParams(location.search);

async function activeTab(): Promise<{ tabId: number | undefined; url: string | undefined }> {
  const forced = Number(params.get('tab'));
  if (Number.isInteger(forced) && forced > 0) {
    const tab = await browser.tabs.get(forced).catch(() => undefined);
    return { tabId: forced, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: tab?.id, url: tab?.url };
}

const state = signal<PopupState | null>(null);
const display = computed(() => {
  const settings = state.value?.settings;
  return settings ? displayOptions(settings) : null;
});

function App() {
  const s = state.value;
  if (!s?.loaded || !display.value) return null;
  return (
    <Popup
      asset={s.asset}
      assets={s.assets}
      fromTab={s.fromTab}
      display={display.value}
      view={s.entry?.view ?? null}
      realised={s.realised}
      realisedError={s.realisedError}
      status={{ stale: s.stale, refreshing: s.refreshing, error: s.error, paused: s.paused }}
      now={s.now}
      onAssetChange={(a) => void controller.chooseAsset(a)}
      onRefresh={() => void controller.refreshNow()}
      onRetryNow={() => void controller.retryNow()}
      onExportView={() => controller.exportView()}
      onExportSeries={() => void controller.exportSeries()}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
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

let shown = false;
let marked = false;
const controller = createPopupController({
  messenger: createMessenger((message) => browser.runtime.sendMessage(message)),
  settings: createSettingsStore({ shared: browser.storage.sync, local }),
  cache: createViewCache({ area: local, log: (m) => console.warn(m) }),
  prefs: createPopupPrefs(local),
  activeTab,
  forcedAsset: params.get('asset'),
  download: (name, text) => downloadText(name, text),
  now: () => Date.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  log: (m) => console.warn(m),
  onChange: (next) => {
    state.value = next;
    if (!next.loaded) return;
    const root = document.getElementById('app');
    if (!shown && root) {
      shown = true;
      render(<App />, root);
      if (next.entry?.view) {
        marked = true;
        markRendered('cache');
      }
    } else if (!marked && next.entry?.view) {
      marked = true;
      requestAnimationFrame(() => markRendered('refresh'));
    }
  },
});

browser.runtime.onMessage.addListener((message) => {
  controller.receive(message);
  return undefined;
});
local.onChanged.addListener((changes) => controller.onStorageChanged(Object.keys(changes)));
void controller.start();
