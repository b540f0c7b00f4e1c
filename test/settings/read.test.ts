import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsReader, type LoadedSettings } from '../../lib/settings/read';
import { defaultSettings } from '../../lib/settings/schema';
import { createSettingsStore } from '../../lib/settings/store';
import { STORAGE_KEYS } from '../../lib/storage/keys';

const KEY = 'abcdef0123456789abcdef0123456789';
const reader = () => createSettingsReader(fakeBrowser.storage.sync);
const store = () =>
  createSettingsStore({ shared: fakeBrowser.storage.sync, local: fakeBrowser.storage.local });

describe('settings reader (the content scripts’ read-only view)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the defaults when nothing is stored', async () => {
    expect(await reader().load()).toEqual({ settings: defaultSettings(), issues: [] });
  });

  it('reads what the store saved, but never the CoinGlass key', async () => {
    const saved = { ...defaultSettings(), refreshSeconds: 120, coinglassKey: KEY };
    expect((await store().save(saved)).ok).toBe(true);
    expect(await fakeBrowser.storage.local.get(STORAGE_KEYS.secrets)).not.toEqual({});
    expect(await reader().load()).toEqual({
      settings: { ...defaultSettings(), refreshSeconds: 120, coinglassKey: null },
      issues: [],
    });
  });

  it('ignores a key found in the shared area, as the store does', async () => {
    await fakeBrowser.storage.sync.set({
      [STORAGE_KEYS.settings]: { v: 1, data: { ...defaultSettings(), coinglassKey: KEY } },
    });
    const { settings, issues } = await reader().load();
    expect(settings.coinglassKey).toBeNull();
    expect(issues).toEqual([]);
  });

  it('keeps every alert rule of older settings with rules on more than 4 assets, the extra ones switched off', async () => {
    const rules = ['BTC', 'ETH', 'SOL', 'ETH', 'XRP', 'DOGE', 'BTC'].map((asset, i) => ({
      id: `r${i}`,
      asset,
      side: 'short',
      withinPct: 3,
      aboveUsd: 1e8,
      enabled: i !== 2,
    }));
    await fakeBrowser.storage.sync.set({
      [STORAGE_KEYS.settings]: { v: 1, data: { ...defaultSettings(), alerts: { enabled: true, rules } } },
    });
    const loaded = await reader().load();
    // SOL's rule was off, so BTC, ETH, XRP and DOGE are the four; nothing is lost.
    expect(loaded.settings.alerts.rules.map((r) => [r.asset, r.enabled])).toEqual([
      ['BTC', true],
      ['ETH', true],
      ['SOL', false],
      ['ETH', true],
      ['XRP', true],
      ['DOGE', true],
      ['BTC', true],
    ]);
    expect(loaded.issues).toEqual([]);

    const sixOn = rules.map((r) => ({ ...r, enabled: true }));
    await fakeBrowser.storage.sync.set({
      [STORAGE_KEYS.settings]: {
        v: 1,
        data: { ...defaultSettings(), alerts: { enabled: true, rules: sixOn } },
      },
    });
    const capped = await reader().load();
    expect(capped.settings.alerts.rules).toHaveLength(7);
    expect(capped.settings.alerts.rules.map((r) => r.enabled)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      true,
    ]);
    expect(capped.issues.map((i) => i.path)).toEqual(['alerts.rules[5].enabled']);
    expect(capped.issues[0]?.message).toMatch(/at most 4 different assets; this DOGE rule was switched off/);
  });

  it('falls back per field like the store, with the same issues', async () => {
    await fakeBrowser.storage.sync.set({
      [STORAGE_KEYS.settings]: {
        v: 1,
        data: { ...defaultSettings(), coinglassKey: undefined, sites: { binance: 'yes' }, okx: 1 },
      },
    });
    const loaded = await reader().load();
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.issues.map((i) => i.path).sort()).toEqual(['okx', 'sites.binance']);
    expect(loaded).toEqual(await store().load());
  });

  it('watch calls back with each change, parsed, until unsubscribed', async () => {
    const seen: LoadedSettings[] = [];
    const off = reader().watch((loaded) => seen.push(loaded));
    const settings = defaultSettings();
    await store().save({ ...settings, sites: { ...settings.sites, okx: false } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.settings.sites.okx).toBe(false);
    expect(seen[0]?.settings.coinglassKey).toBeNull();

    await fakeBrowser.storage.sync.set({
      [STORAGE_KEYS.settings]: { v: 1, data: { refreshSeconds: 'soon' } },
    });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.settings.refreshSeconds).toBe(defaultSettings().refreshSeconds);
    expect(seen[1]?.issues.map((i) => i.path)).toEqual(['refreshSeconds']);

    off();
    await fakeBrowser.storage.sync.remove(STORAGE_KEYS.settings);
    expect(seen).toHaveLength(2);
  });
});
