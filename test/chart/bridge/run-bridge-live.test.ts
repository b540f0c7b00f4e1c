import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRICE_POST_MS, runBridge } from '../../../lib/chart/bridge/run-bridge';
import { type FakePort, fakePort, isolated, snapshotsOn } from './fake-port';
import { fakeBridgeWindow, fakeTvChart } from './fake-window';

/** A tradingview.com page whose widget has the public `subscribe('onTick', …)`. */
function fakePage() {
  const page = fakeBridgeWindow('https://www.tradingview.com');
  const ports: FakePort[] = [];
  let port = fakePort();
  const ticks = new Set<(bar: unknown) => void>();
  let symbol = 'BINANCE:BTCUSDT.P';
  let range = { from: 90_000, to: 100_000 };
  const chart = fakeTvChart(
    () => symbol,
    () => range,
  );
  page.win.TradingViewApi = {
    activeChart: () => chart,
    subscribe: (event: string, cb: (bar: unknown) => void) => {
      if (event === 'onTick') ticks.add(cb);
    },
    unsubscribe: (event: string, cb: (bar: unknown) => void) => {
      if (event === 'onTick') ticks.delete(cb);
    },
  };
  return {
    win: page.win as unknown as Window,
    /** Says hello with a new port, which then takes the snapshots. */
    hello: () => {
      port = fakePort();
      ports.push(port);
      page.hello(port);
    },
    /** Sends on the latest hello's port. */
    send: (type: string) => port.receive(isolated(type)),
    ports,
    runFrame: page.runFrame,
    pendingFrames: page.pendingFrames,
    tick: (bar: unknown) => {
      for (const cb of ticks) cb(bar);
    },
    tickListeners: () => ticks.size,
    setSymbol: (s: string) => {
      symbol = s;
    },
    setRange: (from: number, to: number) => {
      range = { from, to };
    },
    /** The types of what went over the latest port after `ready`. */
    types: () => port.sent.filter((m) => m.type !== 'ready').map((m) => m.type),
    snapshots: () => ports.flatMap((p) => snapshotsOn<{ lastPrice: number | null } | null>(p)),
    posted: page.posted,
  };
}

/** The bridge's clock (`Date.now`), moved by hand. */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});
const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('runBridge live price and pause', () => {
  it('posts the close of the last onTick bar as lastPrice', () => {
    const page = fakePage();
    const stop = runBridge(page.win);
    page.hello();
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBeNull();
    expect(page.tickListeners()).toBe(1);
    page.tick({ time: 1, open: 1, high: 2, low: 1, close: 95_123.5, volume: 3 });
    later(PRICE_POST_MS);
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBe(95_123.5);
    page.tick({ close: Number.NaN });
    page.tick({ close: -1 });
    page.runFrame();
    expect(page.snapshots()).toHaveLength(2);
    stop();
    expect(page.tickListeners()).toBe(0);
  });

  it('drops a tick that belongs to the symbol shown before a change', () => {
    const page = fakePage();
    const stop = runBridge(page.win);
    page.hello();
    page.runFrame();
    page.tick({ close: 95_000 });
    later(PRICE_POST_MS);
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBe(95_000);
    page.setSymbol('BINANCE:ETHUSDT.P');
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBeNull();
    page.tick({ close: 3_300 });
    later(PRICE_POST_MS);
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBe(3_300);
    stop();
  });

  it('a busy market: a new price alone goes out at most every PRICE_POST_MS, the latest one, and no still after it', () => {
    const page = fakePage();
    const stop = runBridge(page.win);
    page.hello();
    page.runFrame();
    // A tick on every frame (16 ms) for 60 frames: a price goes out on every frame that is PRICE_POST_MS on.
    for (let i = 1; i <= 60; i++) {
      page.tick({ close: 95_000 + i });
      later(16);
      page.runFrame();
    }
    const every = Math.ceil(PRICE_POST_MS / 16);
    expect(page.snapshots().map((s) => s?.lastPrice)).toEqual([
      null,
      ...Array.from({ length: Math.floor(60 / every) }, (_, k) => 95_000 + every * (k + 1)),
    ]);
    // The first snapshot's still (the chart has not moved since), then prices only.
    expect(page.types().slice(0, 2)).toEqual(['snapshot', 'still']);
    expect(
      page
        .types()
        .slice(2)
        .every((t) => t === 'snapshot'),
    ).toBe(true);
    // Held back, not lost: the latest price goes out once its time comes.
    later(PRICE_POST_MS);
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBe(95_060);
    stop();
  });

  it('any other change carries the latest price at once, and the still after it comes on time', () => {
    const page = fakePage();
    const stop = runBridge(page.win);
    page.hello();
    page.runFrame();
    page.tick({ close: 95_001 });
    later(16);
    page.runFrame();
    expect(page.snapshots()).toHaveLength(1);
    page.setRange(90_500, 100_500);
    page.tick({ close: 95_002 });
    later(16);
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBe(95_002);
    // The chart stops, the market does not: the pan's end is still said on the next frame.
    page.tick({ close: 95_003 });
    later(16);
    page.runFrame();
    expect(page.types()).toEqual(['snapshot', 'still', 'snapshot', 'still']);
    stop();
  });

  it('pauses on pause, lets go of the chart, and resumes on the next hello', () => {
    const page = fakePage();
    const stop = runBridge(page.win);
    page.hello();
    page.runFrame();
    expect(page.snapshots()).toHaveLength(1);
    page.send('pause');
    expect(page.pendingFrames()).toBe(0);
    expect(page.tickListeners()).toBe(0);
    page.hello();
    page.runFrame();
    // The resumed channel gets the current snapshot again, though nothing changed.
    expect(page.snapshots()).toHaveLength(2);
    expect(page.ports.map((p) => [p.closed, p.sent.filter((m) => m.type === 'ready').length])).toEqual([
      [true, 1],
      [false, 1],
    ]);
    expect(page.posted).toEqual([]);
    stop();
  });
});
