import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { TrackRecordPage } from '../../components/track-record/TrackRecordPage';
import '../../components/shared/theme.css';
import '../../components/track-record/track-record.css';
import { downloadText } from '../../components/shared/download';
import { exportFileName } from '../../lib/format/file-name';
import { AssetSchema } from '../../lib/market/asset';
import { durationMs } from '../../lib/market/interval';
import { MAJORS } from '../../lib/popup/controller';
import { createSettingsStore, defaultSettings } from '../../lib/settings';
import { loadTrackRecord, type TrackRecordLoad } from '../../lib/track-record/load';
import { bandScoresRequest } from '../../lib/track-record/request';
import { scoresCsv } from '../../lib/track-record/scores-csv';

/** `?asset=ETH` opens on ETH (the popup passes its asset). */
const forced = AssetSchema.safeParse(new URLSearchParams(location.search).get('asset'));
const asset = signal(forced.success ? forced.data : 'BTC');
const load = signal<TrackRecordLoad | null>(null);
const settings = signal(defaultSettings());
const request = bandScoresRequest((message) => browser.runtime.sendMessage(message));
const store = createSettingsStore({ shared: browser.storage.sync, local: browser.storage.local });

async function show(next: string): Promise<void> {
  asset.value = next;
  load.value = null;
  const result = await loadTrackRecord(request, next, Date.now(), durationMs(settings.value.model.interval));
  if (asset.value === next) load.value = result;
}

function exportCsv(): void {
  const l = load.value;
  if (l?.status !== 'ready') return;
  downloadText(
    exportFileName('band-scores', asset.value, Date.now(), 'csv'),
    scoresCsv(l.scores),
    'text/csv',
  );
}

function App() {
  const l = load.value;
  const list = [asset.value, ...MAJORS];
  return (
    <TrackRecordPage
      asset={asset.value}
      assets={list.filter((a, i) => list.indexOf(a) === i)}
      record={l?.status === 'ready' ? l.record : null}
      message={l === null ? `Loading ${asset.value}…` : l.status === 'none' ? l.message : null}
      hasPrints={l?.status === 'ready' ? l.hasPrints : false}
      calibratedAtRisk={settings.value.display.calibratedAtRisk}
      onAssetChange={(a) => void show(a)}
      onExportCsv={exportCsv}
    />
  );
}

async function main(): Promise<void> {
  settings.value = (await store.load()).settings;
  const root = document.getElementById('app');
  if (root) render(<App />, root);
  await show(asset.value);
}

void main();
