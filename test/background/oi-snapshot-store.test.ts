import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStorageOiSnapshotStore } from '../../lib/background/oi-snapshot-store';
import { SNAPSHOT_SLOT_MS } from '../../lib/engine/oi-snapshot-store';
import { STORAGE_KEYS } from '../../lib/storage/keys';

const T = 1_800_000_000_000 - (1_800_000_000_000 % SNAPSHOT_SLOT_MS);

describe('OI snapshot store in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one snapshot per 5-minute slot, ascending, across worker restarts', async () => {
    const first = createStorageOiSnapshotStore({ area: fakeBrowser.storage.local });
    // Appended at once (two refreshes of different assets would do this): none may be lost.
    await Promise.all([
      first.append('hyperliquid', 'BTC', { time: T + 2 * SNAPSHOT_SLOT_MS, oi: 12 }),
      first.append('hyperliquid', 'BTC', { time: T, oi: 10 }),
      first.append('hyperliquid', 'ETH', { time: T, oi: 500 }),
    ]);
    // 40 s from the slot centre loses to the one exactly on it.
    await first.append('hyperliquid', 'BTC', { time: T + 40_000, oi: 99 });
    const second = createStorageOiSnapshotStore({ area: fakeBrowser.storage.local });
    expect(await second.load('hyperliquid', 'BTC')).toEqual([
      { time: T, oi: 10 },
      { time: T + 2 * SNAPSHOT_SLOT_MS, oi: 12 },
    ]);
    expect(await second.load('hyperliquid', 'ETH')).toEqual([{ time: T, oi: 500 }]);
    expect(await second.load('binance', 'BTC')).toEqual([]);
  });

  it('drops snapshots older than the retention, and a damaged list', async () => {
    const logs: string[] = [];
    const store = createStorageOiSnapshotStore({
      area: fakeBrowser.storage.local,
      retentionMs: 3_600_000,
      log: (m) => logs.push(m),
    });
    await store.append('hyperliquid', 'BTC', { time: T, oi: 1 });
    await store.append('hyperliquid', 'BTC', { time: T + 3_600_000 + SNAPSHOT_SLOT_MS, oi: 2 });
    expect(await store.load('hyperliquid', 'BTC')).toEqual([
      { time: T + 3_600_000 + SNAPSHOT_SLOT_MS, oi: 2 },
    ]);
    await fakeBrowser.storage.local.set({
      [STORAGE_KEYS.oiSnapshots('hyperliquid', 'BTC')]: { v: 1, data: [{ time: -1, oi: 'x' }] },
    });
    expect(await store.load('hyperliquid', 'BTC')).toEqual([]);
    expect(logs).toEqual(['LiqLens: dropped an unreadable open-interest history (hyperliquid BTC)']);
  });
});
