import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureRefreshAlarm, REFRESH_ALARM } from '../../lib/background/scheduler';
import { createViewCache } from '../../lib/background/view-cache';
import { createWatchSet } from '../../lib/background/watch-set';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { sampleView } from '../fixtures/views';

describe('watch set', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps every renewal made at the same time (no lost update)', async () => {
    let now = 1000;
    const watches = createWatchSet({ area: fakeBrowser.storage.local, now: () => now });
    await Promise.all([1, 2, 3, 4].map((tab) => watches.renew('BTC', `tab:${tab}`, 180_000)));
    await watches.renew('ETH', 'popup', 60_000);
    expect(await watches.active()).toEqual(
      new Map([
        ['BTC', ['tab:1', 'tab:2', 'tab:3', 'tab:4']],
        ['ETH', ['popup']],
      ]),
    );
    now = 61_000;
    expect([...(await watches.active()).keys()]).toEqual(['BTC']);
    const stored = (await fakeBrowser.storage.local.get(STORAGE_KEYS.watches))[STORAGE_KEYS.watches] as {
      data: { watchers: object };
    };
    expect(Object.keys(stored.data.watchers)).toEqual(['BTC']);
    expect(await watches.idleSince(2000)).toEqual(['ETH']);
    expect(await watches.remove('BTC', 'tab:1')).toEqual([]);
    await watches.removeWatcher('tab:2');
    expect((await watches.active()).get('BTC')).toEqual(['tab:3', 'tab:4']);
  });

  it('starts afresh from a damaged record', async () => {
    await fakeBrowser.storage.local.set({ [STORAGE_KEYS.watches]: { v: 1, data: { watchers: 'x' } } });
    const watches = createWatchSet({ area: fakeBrowser.storage.local, now: () => 0 });
    expect((await watches.active()).size).toBe(0);
    await watches.renew('BTC', 'popup', 1000);
    expect([...(await watches.active()).keys()]).toEqual(['BTC']);
  });
});

describe('view cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores views per asset and treats an unreadable one as absent, logging it', async () => {
    const logs: string[] = [];
    const cache = createViewCache({ area: fakeBrowser.storage.local, log: (m) => logs.push(m) });
    const entry = { asset: 'BTC', view: sampleView(), viewAt: 5, checkedAt: 6, error: null, failures: [] };
    await cache.put(entry);
    expect(await cache.get('BTC')).toEqual(entry);
    expect(await cache.get('ETH')).toBeNull();
    await fakeBrowser.storage.local.set({
      [STORAGE_KEYS.view('BTC')]: { v: 1, data: { ...entry, viewAt: 'yesterday' } },
    });
    expect(await cache.get('BTC')).toBeNull();
    expect(logs).toEqual(['LiqLens: dropped an unreadable cached view']);
    await cache.remove('BTC');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('refresh alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('creates the alarm once, keeps it while the period is unchanged, re-arms on a new period', async () => {
    expect(await ensureRefreshAlarm(fakeBrowser.alarms, 60_000)).toBe('created');
    expect(await ensureRefreshAlarm(fakeBrowser.alarms, 60_000)).toBe('kept');
    expect(await ensureRefreshAlarm(fakeBrowser.alarms, 30_000)).toBe('created');
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      expect.objectContaining({ name: REFRESH_ALARM, periodInMinutes: 0.5 }),
    ]);
  });
});
