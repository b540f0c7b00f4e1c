import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { createSettingsStore, type LoadedSettings } from '../../lib/settings/store';
import { STORAGE_KEYS } from '../../lib/storage/keys';

const KEY = 'abcdef0123456789abcdef0123456789';
const store = () =>
  createSettingsStore({ shared: fakeBrowser.storage.sync, local: fakeBrowser.storage.local });
const changed = (s: Settings): Settings => ({
  ...s,
  refreshSeconds: 120,
  display: { ...s.display, opacity: 0.6 },
  venues: { ...s.venues, okx: false },
});

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the defaults when nothing is stored, without issues', async () => {
    expect(await store().load()).toEqual({ settings: defaultSettings(), issues: [] });
  });

  it('saves and loads back, versioned', async () => {
    const result = await store().save(changed(defaultSettings()));
    expect(result.ok).toBe(true);
    expect((await store().load()).settings).toEqual(changed(defaultSettings()));
    const raw = (await fakeBrowser.storage.sync.get(STORAGE_KEYS.settings))[STORAGE_KEYS.settings] as {
      v: number;
    };
    expect(raw.v).toBe(1);
  });

  it('keeps the CoinGlass key in local storage only', async () => {
    await store().save({ ...defaultSettings(), coinglassKey: KEY });
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain(KEY);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(STORAGE_KEYS.secrets))).toContain(KEY);
    expect((await store().load()).settings.coinglassKey).toBe(KEY);
  });

  it('rejects an invalid save with the field path and writes nothing', async () => {
    const result = await store().save({
      ...defaultSettings(),
      display: { ...defaultSettings().display, opacity: 3 },
    });
    expect(result).toEqual({ ok: false, error: 'display.opacity: opacity must be at most 1' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('falls back per field for an invalid stored value and reports which', async () => {
    const data = {
      ...defaultSettings(),
      refreshSeconds: 10,
      display: { ...defaultSettings().display, longColor: 'red' },
    };
    await fakeBrowser.storage.sync.set({
      [STORAGE_KEYS.settings]: { v: 1, data: { ...data, coinglassKey: undefined, okx: 1 } },
    });
    const { settings, issues } = await store().load();
    expect(settings).toEqual(defaultSettings());
    expect(issues.map((i) => i.path).sort()).toEqual(['display.longColor', 'okx', 'refreshSeconds']);
  });

  it('reports a stored value without a version and uses the defaults', async () => {
    await fakeBrowser.storage.sync.set({ [STORAGE_KEYS.settings]: { refreshSeconds: 90 } });
    const { settings, issues } = await store().load();
    expect(settings).toEqual(defaultSettings());
    expect(issues).toEqual([{ path: '', message: 'stored value has no version; defaults used' }]);
  });

  it('resets to defaults but keeps the CoinGlass key', async () => {
    await store().save({ ...changed(defaultSettings()), coinglassKey: KEY });
    const settings = await store().reset();
    expect(settings).toEqual({ ...defaultSettings(), coinglassKey: KEY });
  });

  it('exports without the key and imports the same settings back', async () => {
    await store().save({ ...changed(defaultSettings()), coinglassKey: KEY });
    const text = await store().exportJson();
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)).toMatchObject({ format: 'liqlens.settings', version: 1 });
    await store().reset();
    const imported = await store().importJson(text);
    expect(imported.ok).toBe(true);
    expect((await store().load()).settings).toEqual({ ...changed(defaultSettings()), coinglassKey: KEY });
  });

  it('a bad import changes nothing and names every bad field', async () => {
    await store().save(changed(defaultSettings()));
    const before = await fakeBrowser.storage.sync.get(null);
    const text = JSON.stringify({
      format: 'liqlens.settings',
      version: 1,
      settings: { refreshSeconds: 5, display: { opacity: 'high', colour: 'red' } },
    });
    const result = await store().importJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('settings.refreshSeconds: at least 30 s');
    expect(result.error).toContain('settings.display.opacity:');
    expect(result.error).toContain('settings.display: Unrecognized key: "colour"');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });

  it.each([
    ['{not json', 'not a JSON file'],
    ['{"refreshSeconds": 60}', 'not a LiqLens settings file: format:'],
    [
      '{"format":"liqlens.settings","version":9,"settings":{}}',
      'made by a newer LiqLens (settings version 9)',
    ],
  ])('refuses the import %s', async (text, message) => {
    const result = await store().importJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('ignores a key inside an imported file, with a warning', async () => {
    const text = JSON.stringify({ format: 'liqlens.settings', version: 1, settings: { coinglassKey: KEY } });
    const result = await store().importJson(text);
    expect(result.ok && result.value.warnings).toEqual([
      'settings.coinglassKey: not imported (it stays on this device only)',
    ]);
    expect((await store().load()).settings.coinglassKey).toBeNull();
  });

  it('tells watchers about changes from either area', async () => {
    const seen: LoadedSettings[] = [];
    const off = store().watch((loaded) => seen.push(loaded));
    await store().save(changed(defaultSettings()));
    await store().setCoinglassKey(KEY);
    await new Promise((r) => setTimeout(r, 0));
    off();
    await store().reset();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.map((s) => [s.settings.refreshSeconds, s.settings.coinglassKey])).toEqual([
      [120, null],
      [120, KEY],
    ]);
  });

  it('validates the CoinGlass key and clears it on an empty string', async () => {
    expect((await store().setCoinglassKey('has spaces in it')).ok).toBe(false);
    expect((await store().setCoinglassKey(` ${KEY} `)).ok).toBe(true);
    expect((await store().load()).settings.coinglassKey).toBe(KEY);
    await store().setCoinglassKey('');
    expect((await store().load()).settings.coinglassKey).toBeNull();
  });
});
