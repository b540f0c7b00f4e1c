import { describe, expect, it } from 'vitest';
import {
  createFileOiSnapshotStore,
  createMemoryOiSnapshotStore,
  mergeSnapshot,
  type SnapshotFs,
} from '../../lib/engine/oi-snapshot-store';

const T = Date.UTC(2026, 10, 20, 12, 0);
const MIN = 60_000;

describe('mergeSnapshot', () => {
  it('keeps per 5-minute slot the snapshot nearest to the slot centre', () => {
    let list = mergeSnapshot([], { time: T + 2 * MIN, oi: 1 });
    list = mergeSnapshot(list, { time: T + 40_000, oi: 2 }); // same slot (12:00), nearer
    list = mergeSnapshot(list, { time: T + 90_000, oi: 3 }); // same slot, farther: dropped
    list = mergeSnapshot(list, { time: T + 5 * MIN + 10_000, oi: 4 }); // slot 12:05
    list = mergeSnapshot(list, { time: T - 2 * MIN, oi: 5 }); // slot 12:00 too (rounds to 12:00), farther
    expect(list).toEqual([
      { time: T + 40_000, oi: 2 },
      { time: T + 5 * MIN + 10_000, oi: 4 },
    ]);
  });

  it('prunes what is older than the retention before the newest', () => {
    const list = [
      { time: T, oi: 1 },
      { time: T + 10 * MIN, oi: 2 },
    ];
    expect(mergeSnapshot(list, { time: T + 60 * MIN, oi: 3 }, 50 * MIN)).toEqual([
      { time: T + 10 * MIN, oi: 2 },
      { time: T + 60 * MIN, oi: 3 },
    ]);
  });
});

describe('snapshot stores', () => {
  it('memory: per venue and asset', async () => {
    const store = createMemoryOiSnapshotStore();
    await store.append('hyperliquid', 'BTC', { time: T, oi: 10 });
    await store.append('hyperliquid', 'ETH', { time: T, oi: 20 });
    expect(await store.load('hyperliquid', 'BTC')).toEqual([{ time: T, oi: 10 }]);
    expect(await store.load('binance', 'BTC')).toEqual([]);
  });

  function fakeFs(files: Map<string, string>): SnapshotFs & { dirs: string[] } {
    const dirs: string[] = [];
    return {
      dirs,
      readFile: async (path) => {
        const text = files.get(path);
        if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return text;
      },
      writeFile: async (path, data) => {
        files.set(path, data);
      },
      mkdir: async (path) => {
        dirs.push(path);
        return undefined;
      },
    };
  }

  it('file: one JSON file per venue and asset, appends chained', async () => {
    const files = new Map<string, string>();
    const fs = fakeFs(files);
    const store = createFileOiSnapshotStore({ fs, dir: '/cache/oi/' });
    await Promise.all([
      store.append('hyperliquid', 'BTC', { time: T, oi: 1.5 }),
      store.append('hyperliquid', 'BTC', { time: T + 5 * MIN, oi: 2.5 }),
    ]);
    expect(JSON.parse(files.get('/cache/oi/hyperliquid-BTC.json') ?? '')).toEqual([
      { time: T, oi: 1.5 },
      { time: T + 5 * MIN, oi: 2.5 },
    ]);
    expect(fs.dirs).toContain('/cache/oi/');
    expect(await store.load('hyperliquid', 'BTC')).toHaveLength(2);
  });

  it('file: a broken file reads as empty and is rewritten', async () => {
    const files = new Map([['/d/hyperliquid-BTC.json', '[{"time": "soon", "oi": 1}]']]);
    const store = createFileOiSnapshotStore({ fs: fakeFs(files), dir: '/d' });
    expect(await store.load('hyperliquid', 'BTC')).toEqual([]);
    await store.append('hyperliquid', 'BTC', { time: T, oi: 3 });
    expect(await store.load('hyperliquid', 'BTC')).toEqual([{ time: T, oi: 3 }]);
  });
});
