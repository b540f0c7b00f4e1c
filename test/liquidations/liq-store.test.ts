import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FLUSH_AT,
  FLUSH_MS,
  type LiqStoreDeps,
  openLiqStore,
  PRINT_RETENTION_MS,
} from '../../lib/liquidations/liq-store';
import { scoredSnapshot } from '../../lib/liquidations/scoring';
import type { LiqPrint } from '../../lib/liquidations/types';

const T0 = 1_800_000_000_000;
const print = (time: number, over: Partial<LiqPrint> = {}): LiqPrint => ({
  venue: 'bybit',
  instrument: 'BTCUSDT',
  side: 'long',
  price: 100_000,
  size: 0.1,
  notionalUsd: 10_000,
  time,
  ...over,
});

// The flush timer is vitest's fake; fake-indexeddb schedules its own work with setImmediate, which stays real.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A fresh IndexedDB, the flush timer on the fake clock. */
function world(): { deps: LiqStoreDeps } {
  return {
    deps: {
      indexedDB: new IDBFactory(),
      keyRange: IDBKeyRange,
      setTimeout: (run, ms) => setTimeout(run, ms),
      log: () => undefined,
    },
  };
}

describe('liquidation store (IndexedDB)', () => {
  it('batches writes: one timer per batch, and a full batch at once', async () => {
    const { deps } = world();
    const store = await openLiqStore(deps);
    store.addPrints('BTC', [print(T0)]);
    store.addPrints('BTC', [print(T0 + 1)]);
    expect(vi.getTimerCount()).toBe(1);
    store.addPrints(
      'BTC',
      Array.from({ length: FLUSH_AT }, (_, i) => print(T0 + 2 + i)),
    );
    expect(vi.getTimerCount()).toBe(1);
    expect(await store.prints('BTC', T0, T0 + FLUSH_AT + 10)).toHaveLength(FLUSH_AT + 2);
    // The batch timer is due FLUSH_MS after the first print, not before.
    vi.advanceTimersByTime(FLUSH_MS - 1);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a worker restart loses nothing already received: a new store on the same database reads it all', async () => {
    const { deps } = world();
    const first = await openLiqStore(deps);
    first.addPrints('BTC', [print(T0 + 5), print(T0 + 1, { venue: 'okx', instrument: 'BTC-USDT-SWAP' })]);
    first.addPrints('ETH', [print(T0 + 2, { instrument: 'ETHUSDT', price: 3000 })]);
    first.putSpan({ asset: 'BTC', venue: 'bybit', from: T0, to: T0 + 5 });
    first.putSnapshot(
      scoredSnapshot({ asset: 'BTC', time: T0, price: 100_000, modelVersion: '1', bands: [] }),
    );
    vi.advanceTimersByTime(FLUSH_MS);
    // The batch was taken by the timer alone; this only waits for its transaction (nothing is left to write).
    await first.flush();
    first.close();
    const second = await openLiqStore(deps);
    expect((await second.prints('BTC', 0, Infinity)).map((p) => [p.venue, p.time])).toEqual([
      ['okx', T0 + 1],
      ['bybit', T0 + 5],
    ]);
    expect(await second.prints('ETH', 0, Infinity)).toHaveLength(1);
    expect(await second.spans('BTC', 0)).toEqual([{ asset: 'BTC', venue: 'bybit', from: T0, to: T0 + 5 }]);
    expect(await second.snapshots('BTC', 0)).toHaveLength(1);
  });

  it('reads in time order within [from, to], per asset, and returns prints exactly as stored', async () => {
    const { deps } = world();
    const store = await openLiqStore(deps);
    const p = print(T0 + 10, { side: 'short', price: 101_000.5, size: 0.25, notionalUsd: 25_250.125 });
    store.addPrints('BTC', [print(T0 + 30), p, print(T0 + 20)]);
    expect(await store.prints('BTC', T0 + 10, T0 + 20)).toEqual([p, print(T0 + 20)]);
  });

  it('a span is extended in place', async () => {
    const { deps } = world();
    const store = await openLiqStore(deps);
    store.putSpan({ asset: 'BTC', venue: 'okx', from: T0, to: T0 + 1 });
    await store.flush();
    store.putSpan({ asset: 'BTC', venue: 'okx', from: T0, to: T0 + 9 });
    expect(await store.spans('BTC', 0)).toEqual([{ asset: 'BTC', venue: 'okx', from: T0, to: T0 + 9 }]);
  });

  it('prunes oldest first beyond the retention, for every asset, keeping the rest', async () => {
    const { deps } = world();
    const store = await openLiqStore(deps);
    const now = T0 + PRINT_RETENTION_MS + 1000;
    // Each batch is pruned whole once its newest print is past the retention.
    store.addPrints('BTC', [print(T0), print(T0 + 500)]);
    store.addPrints('ETH', [print(T0 + 100)]);
    await store.flush();
    store.addPrints('BTC', [print(T0 + 2000)]);
    await store.flush();
    store.addPrints('BTC', [print(now)]);
    store.addPrints('ETH', [print(now)]);
    store.putSpan({ asset: 'BTC', venue: 'bybit', from: T0 - 10, to: T0 });
    store.putSpan({ asset: 'BTC', venue: 'bybit', from: T0 + 2000, to: now });
    store.putSnapshot(scoredSnapshot({ asset: 'BTC', time: T0, price: 1, modelVersion: '1', bands: [] }));
    store.putSnapshot(scoredSnapshot({ asset: 'BTC', time: now, price: 1, modelVersion: '1', bands: [] }));
    await store.prune(now);
    expect((await store.prints('BTC', 0, Infinity)).map((p) => p.time)).toEqual([T0 + 2000, now]);
    expect((await store.prints('ETH', 0, Infinity)).map((p) => p.time)).toEqual([now]);
    expect((await store.spans('BTC', 0)).map((s) => s.from)).toEqual([T0 + 2000]);
    expect((await store.snapshots('BTC', 0)).map((s) => s.snapshot.time)).toEqual([now]);
  });

  it('a damaged record is skipped and counted, never thrown', async () => {
    const { deps } = world();
    const store = await openLiqStore(deps);
    store.addPrints('BTC', [print(T0), { ...print(T0 + 1), price: Number.NaN }]);
    expect(await store.prints('BTC', 0, Infinity)).toHaveLength(1);
    expect(store.corrupt).toBe(1);
  });
});
