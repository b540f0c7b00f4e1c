import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import '../../components/shared/theme.css';
import '../../components/popup/popup.css';
import '../../components/track-record/track-record.css';
import { downloadText } from '../../components/shared/download';
import { createViewCache } from '../../lib/background/view-cache';
import { durationMs } from '../../lib/market/interval';
import { createMessenger } from '../../lib/messages/client';
import { createPopupController, type PopupState } from '../../lib/popup/controller';
import { createPopupPrefs } from '../../lib/popup/popup-prefs';
import { createSettingsStore } from '../../lib/settings';
import { displayOptions } from '../../lib/settings/display';
import { popupCalibration } from '../../lib/track-record/calibration';
import { loadTrackRecord, type TrackRecordLoad } from '../../lib/track-record/load';
import { bandScoresRequest } from '../../lib/track-record/request';

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
const trackRecord = signal<TrackRecordLoad | null>(null);
const requestScores = bandScoresRequest((message) => browser.runtime.sendMessage(message));
let trackedAsset: string | null = null;

/** The 7-day track record of the asset shown, asked for once per asset while the popup is open. */
function followTrackRecord(next: PopupState): void {
  if (trackedAsset === next.asset) return;
  const asset = next.asset;
  trackedAsset = asset;
  trackRecord.value = null;
  void loadTrackRecord(requestScores, asset, Date.now(), durationMs(next.settings.model.interval)).then(
    (load) => {
      if (trackedAsset === asset) trackRecord.value = load;
    },
  );
}
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
      hlPositions={s.hlPositions}
      onAssetChange={(a) => void controller.chooseAsset(a)}
      onRefresh={() => void controller.refreshNow()}
      onRetryNow={() => void controller.retryNow()}
      onExportView={() => controller.exportView()}
      onExportSeries={() => void controller.exportSeries()}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      trackRecord={trackRecord.value ?? { status: 'none', message: 'Loading the track record…' }}
      calibration={popupCalibration(s.settings.display.calibratedAtRisk, trackRecord.value)}
      onOpenTrackRecord={() =>
        void browser.tabs.create({ url: browser.runtime.getURL(`/track-record.html?asset=${s.asset}`) })
      }
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
    followTrackRecord(next);
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
