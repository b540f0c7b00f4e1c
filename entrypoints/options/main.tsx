import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options, type OptionsStatus } from '../../components/options/Options';
import '../../components/shared/theme.css';
import '../../components/options/options.css';
import { downloadText } from '../../components/shared/download';
import { createMessenger } from '../../lib/messages/client';
import { coinglassUsable, createSettingsStore, type Settings, saveCoinglassKey } from '../../lib/settings';
import type { ItemIssue } from '../../lib/storage/versioned-item';

const store = createSettingsStore({ shared: browser.storage.sync, local: browser.storage.local });
const permissions = browser.permissions;
const messenger = createMessenger((message) => browser.runtime.sendMessage(message));

const saved = signal<Settings | null>(null);
const issues = signal<readonly ItemIssue[]>([]);
const status = signal<OptionsStatus | null>(null);
const busy = signal(false);
const granted = signal<boolean | null>(null);

const refreshGranted = (key: string | null) =>
  void coinglassUsable(key, permissions).then((ok) => {
    granted.value = key ? ok : null;
  });

async function run(task: () => Promise<OptionsStatus>): Promise<void> {
  busy.value = true;
  status.value = null;
  try {
    status.value = await task();
  } catch (cause) {
    status.value = { tone: 'bad', text: cause instanceof Error ? cause.message : String(cause) };
  } finally {
    busy.value = false;
  }
}

function onSave(next: Settings): void {
  const before = saved.value;
  const keyChanged = (before?.coinglassKey ?? null) !== next.coinglassKey;
  // Must run inside the click: browsers grant permissions.request only during a user gesture.
  const keyResult = keyChanged
    ? saveCoinglassKey({ key: next.coinglassKey ?? '', permissions, store })
    : null;
  void run(async () => {
    let key = before?.coinglassKey ?? null;
    let keyNote = '';
    if (keyResult) {
      const outcome = await keyResult;
      if (outcome.ok) key = next.coinglassKey;
      else keyNote = `; CoinGlass key not saved: ${outcome.error}`;
    }
    const result = await store.save({ ...next, coinglassKey: key });
    if (!result.ok) return { tone: 'bad', text: `Not saved: ${result.error}` };
    saved.value = result.value;
    refreshGranted(result.value.coinglassKey);
    return keyNote ? { tone: 'bad', text: `Saved${keyNote}` } : { tone: 'ok', text: 'Saved' };
  });
}

function onImport(text: string): void {
  void run(async () => {
    const result = await store.importJson(text);
    if (!result.ok) return { tone: 'bad', text: `Import failed, nothing changed: ${result.error}` };
    saved.value = result.value.settings;
    const warn = result.value.warnings.length ? ` (${result.value.warnings.join('; ')})` : '';
    return { tone: 'ok', text: `Imported and saved${warn}` };
  });
}

function onExport(): void {
  void run(async () => {
    downloadText('liqlens-settings.json', await store.exportJson());
    return { tone: 'info', text: 'Exported (the CoinGlass key is never exported)' };
  });
}

function onExportRecording(): void {
  void run(async () => {
    const result = await messenger.request('exportWsRecording', {});
    if (!result.ok) return { tone: 'bad', text: `No recording: ${result.error}` };
    const { jsonl } = result.value;
    const frames = jsonl.split('\n').filter(Boolean).length;
    if (frames === 0) return { tone: 'info', text: 'No frames received recently: nothing to export' };
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
    downloadText(`liqlens-feeds-${stamp}Z.jsonl`, jsonl, 'application/x-ndjson');
    return { tone: 'info', text: `Exported ${frames} frames (liqlens.wsrec/1)` };
  });
}

function onReset(): void {
  void run(async () => {
    saved.value = await store.reset();
    issues.value = [];
    return { tone: 'ok', text: 'Every setting is back to its default (the CoinGlass key is kept)' };
  });
}

function App() {
  if (!saved.value) return <p class="loading">Loading…</p>;
  return (
    <Options
      saved={saved.value}
      storedIssues={issues.value}
      coinglassGranted={granted.value}
      status={status.value}
      busy={busy.value}
      trackRecordUrl={browser.runtime.getURL('/track-record.html')}
      onSave={onSave}
      onImport={onImport}
      onExport={onExport}
      onExportRecording={onExportRecording}
      onReset={onReset}
    />
  );
}

async function main(): Promise<void> {
  const loaded = await store.load();
  saved.value = loaded.settings;
  issues.value = loaded.issues;
  refreshGranted(loaded.settings.coinglassKey);
  // Another page (or an import elsewhere) changed them: follow, unless this page is mid-save.
  store.watch((next) => {
    if (!busy.value && JSON.stringify(next.settings) !== JSON.stringify(saved.value))
      saved.value = next.settings;
  });
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}

void main();
