import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIQ_FEEDS } from '../../lib/liquidations/feeds';
import { openLiqStore } from '../../lib/liquidations/liq-store';
import { createRealisedService } from '../../lib/liquidations/realised-service';
import { MINUTE } from '../../lib/liquidations/summary';
import type { RealisedSummary } from '../../lib/liquidations/types';
import { fakeClock, settle } from './fake-clock';
import { fakeSockets } from './fake-socket';

const T0 = Date.UTC(2026, 11, 6, 10, 0, 0);
afterEach(() => {
  vi.useRealTimers();
});

const bybitFrame = (T: number, S: 'Buy' | 'Sell', v: string, p = '100000') =>
  JSON.stringify({
    topic: 'allLiquidation.BTCUSDT',
    type: 'snapshot',
    ts: T,
    data: [{ T, s: 'BTCUSDT', S, v, p }],
  });

function worker(indexedDB: IDBFactory, clock: ReturnType<typeof fakeClock>) {
  const net = fakeSockets();
  const updates: RealisedSummary[] = [];
  const service = createRealisedService({
    openSocket: net.open,
    clock,
    random: () => 0.5,
    contractSize: async () => 0.01,
    store: openLiqStore({
      indexedDB,
      keyRange: IDBKeyRange,
      setTimeout: (f, ms) => clock.setTimeout(f, ms),
      log: () => undefined,
    }),
    onUpdate: (_asset, s) => updates.push(s),
    log: () => undefined,
  });
  return { net, updates, service };
}

describe('realised service', () => {
  it('prints reach the summary, pushes are throttled, bad frames are counted', async () => {
    const clock = fakeClock(T0);
    const { net, updates, service } = worker(new IDBFactory(), clock);
    service.watch(['BTC'], ['bybit']);
    await settle();
    const socket = net.last(LIQ_FEEDS.bybit.url);
    socket.accept();
    clock.advance(1000);
    const before = updates.length;
    socket.push(bybitFrame(clock.now(), 'Buy', '2'));
    socket.push('not json');
    socket.push(bybitFrame(clock.now(), 'Sell', '1'));
    clock.advance(999);
    expect(updates).toHaveLength(before);
    clock.advance(1);
    expect(updates).toHaveLength(before + 1);
    expect(updates.at(-1)?.windows.h1).toMatchObject({ long: 200_000, short: 100_000 });
    expect(updates.at(-1)?.feeds[0]).toMatchObject({ venue: 'bybit', state: 'live', rejected: 1 });
    expect(service.recording().trim().split('\n')).toHaveLength(3);
  });

  it('a worker restart keeps every print and shows the dead time as a gap', async () => {
    const indexedDB = new IDBFactory();
    const clock = fakeClock(T0);
    const first = worker(indexedDB, clock);
    first.service.watch(['BTC'], ['bybit']);
    await settle();
    first.net.last(LIQ_FEEDS.bybit.url).accept();
    for (let i = 0; i < 10; i++) {
      clock.advance(1000);
      first.net.last(LIQ_FEEDS.bybit.url).push(bybitFrame(clock.now(), 'Buy', '1'));
    }
    clock.advance(6000); // the batch and the coverage are written by their own timers
    // Wait until another connection sees them in the database (fake-indexeddb commits on its own schedule).
    const reader = await openLiqStore({
      indexedDB,
      keyRange: IDBKeyRange,
      setTimeout: () => 0,
      log: () => undefined,
    });
    for (let i = 0; i < 600 && (await reader.prints('BTC', 0, Infinity)).length < 10; i++) await settle();
    reader.close();
    const diedAt = clock.now();
    // The worker stops without any goodbye (its timers die with it); a new one starts 3 minutes later.
    first.service.dispose();
    clock.advance(3 * MINUTE);
    const second = worker(indexedDB, clock);
    second.service.watch(['BTC'], ['bybit']);
    await settle();
    second.net.last(LIQ_FEEDS.bybit.url).accept();
    const s = await second.service.summary('BTC');
    expect(s?.windows.h1.long).toBe(1_000_000);
    expect(s?.windows.h1.complete).toBe(false);
    const gaps = s?.feeds[0]?.gaps ?? [];
    const restartGap = gaps.at(-1);
    expect(restartGap?.to).toBe(clock.now());
    expect(restartGap?.from).toBeGreaterThanOrEqual(diedAt - 5000);
    expect(restartGap?.from).toBeLessThanOrEqual(diedAt);
  }, 30_000);

  it('scores a snapshot against the same-side prints after it, within ±0.5 % of P of its bands', async () => {
    const clock = fakeClock(T0);
    const { net, service } = worker(new IDBFactory(), clock);
    service.watch(['BTC'], ['bybit']);
    await settle();
    const socket = net.last(LIQ_FEEDS.bybit.url);
    socket.accept();
    socket.push(bybitFrame(clock.now() - 1, 'Buy', '1', '99000')); // before the snapshot: not counted
    await service.addSnapshot({
      asset: 'BTC',
      time: clock.now() - 1,
      price: 100_000,
      modelVersion: '1',
      bands: [
        { side: 'long', low: 98_000, high: 99_000, notionalUsd: 5e6 },
        { side: 'short', low: 101_000, high: 102_000, notionalUsd: 4e6 },
      ],
    });
    clock.advance(1000);
    socket.push(bybitFrame(clock.now(), 'Buy', '1', '99400')); // long, 99,400 ≤ 99,000 + 500: counted
    socket.push(bybitFrame(clock.now(), 'Buy', '1', '99600')); // beyond the tolerance
    socket.push(bybitFrame(clock.now(), 'Sell', '2', '100600')); // short, ≥ 101,000 − 500: counted
    socket.push(bybitFrame(clock.now(), 'Buy', '1', '101500')); // long print in the short band: not counted
    clock.advance(1000);
    const ranges = [{ time: T0 - 15 * MINUTE, high: 100_700, low: 98_900 }];
    const { snapshots, scores } = await service.bandScores('BTC', 0, ranges, 15 * MINUTE);
    expect(snapshots).toHaveLength(1);
    expect(scores.map((s) => [s.side, s.realisedUsd, s.swept])).toEqual([
      ['long', 99_400, true],
      ['short', 201_200, false],
    ]);
    expect(scores[0]?.horizonEnd).toBe(clock.now());
  });

  it('prints that arrive before the database is open are stored once it is', async () => {
    const clock = fakeClock(T0);
    const indexedDB = new IDBFactory();
    const net = fakeSockets();
    let open: (() => void) | null = null;
    const storeDeps = {
      indexedDB,
      keyRange: IDBKeyRange,
      setTimeout: clock.setTimeout,
      log: () => undefined,
    };
    const service = createRealisedService({
      openSocket: net.open,
      clock,
      random: () => 0.5,
      contractSize: async () => 0.01,
      store: new Promise((resolve) => {
        open = () => resolve(openLiqStore(storeDeps));
      }),
      onUpdate: () => undefined,
      log: () => undefined,
    });
    service.watch(['BTC'], ['bybit']);
    net.last(LIQ_FEEDS.bybit.url).accept();
    net.last(LIQ_FEEDS.bybit.url).push(bybitFrame(clock.now(), 'Sell', '3'));
    (open as unknown as () => void)();
    await service.flush();
    const reader = await openLiqStore(storeDeps);
    expect((await reader.prints('BTC', 0, Infinity)).map((p) => p.notionalUsd)).toEqual([300_000]);
    expect((await service.summary('BTC'))?.windows.h1.short).toBe(300_000);
  });
});
