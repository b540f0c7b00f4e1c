import { describe, expect, it } from 'vitest';
import { runBridge } from '../../../lib/chart/bridge/run-bridge';
import { type FakePort, fakePort, isolated, snapshotsOn } from './fake-port';
import { fakeBridgeWindow, fakeTvChart } from './fake-window';

/** A tradingview.com page whose widget has the public `subscribe('onTick', …)`. */
function fakePage() {
  const page = fakeBridgeWindow('https://www.tradingview.com');
  const ports: FakePort[] = [];
  let port = fakePort();
  const ticks = new Set<(bar: unknown) => void>();
  let symbol = 'BINANCE:BTCUSDT.P';
  const chart = fakeTvChart(
    () => symbol,
    () => ({ from: 90_000, to: 100_000 }),
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
    snapshots: () => ports.flatMap((p) => snapshotsOn<{ lastPrice: number | null } | null>(p)),
    posted: page.posted,
  };
}

describe('runBridge live price and pause', () => {
  it('posts the close of the last onTick bar as lastPrice', () => {
    const page = fakePage();
    const stop = runBridge(page.win);
    page.hello();
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBeNull();
    expect(page.tickListeners()).toBe(1);
    page.tick({ time: 1, open: 1, high: 2, low: 1, close: 95_123.5, volume: 3 });
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
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBe(95_000);
    page.setSymbol('BINANCE:ETHUSDT.P');
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBeNull();
    page.tick({ close: 3_300 });
    page.runFrame();
    expect(page.snapshots().at(-1)?.lastPrice).toBe(3_300);
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
