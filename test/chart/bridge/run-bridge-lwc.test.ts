import { describe, expect, it } from 'vitest';
import type { LwcRegistry } from '../../../lib/chart/bridge/lwc-hook';
import { runBridge } from '../../../lib/chart/bridge/run-bridge';
import { fakeChartV5, fakeSeries } from './fake-lwc';
import { fakePort, snapshotsOn } from './fake-port';
import { fakeBridgeWindow, fakeTvChart } from './fake-window';

function fakePage() {
  const page = fakeBridgeWindow('https://app.hyperliquid.xyz');
  const { win, doc } = page;
  const tvChart = fakeTvChart(
    () => 'BINANCE:BTCUSDT.P',
    () => ({ from: 1, to: 2 }),
  );
  const connected = { value: true };
  const chart = fakeChartV5({ panes: [[fakeSeries()]], doc });
  const element = chart.chartElement() as unknown as { isConnected: boolean };
  Object.defineProperty(element, 'isConnected', { get: () => connected.value });
  const registry: LwcRegistry = { charts: () => [chart], series: () => [] };
  const port = fakePort();
  const snapshots = () => snapshotsOn<{ kind: string; scale: unknown } | null>(port);
  return {
    win: win as unknown as Window,
    registry,
    snapshots,
    hello: () => page.hello(port),
    posted: page.posted,
    runFrames: (n: number) => {
      for (let i = 0; i < n; i++) page.runFrame();
    },
    remove: () => {
      connected.value = false;
    },
    addTradingViewApi: () => {
      win.TradingViewApi = { activeChart: () => tvChart };
    },
  };
}

describe('runBridge with a lightweight-charts chart', () => {
  it('posts the chart the hook saw when the page has no TradingView API', () => {
    const page = fakePage();
    runBridge(page.win, page.registry);
    page.hello();
    page.runFrames(2);
    expect(page.snapshots()).toHaveLength(1);
    expect(page.snapshots()[0]?.kind).toBe('lwc');
    expect(page.snapshots()[0]?.scale).toEqual({ from: 90_025, to: 100_000, mode: 0, inverted: false });
  });

  it('lets go of a chart whose element left the page: no chart', () => {
    const page = fakePage();
    runBridge(page.win, page.registry);
    page.hello();
    page.runFrames(1);
    page.remove();
    page.runFrames(1);
    expect(page.snapshots().map((s) => s?.kind ?? null)).toEqual(['lwc', null]);
  });

  it('gives way to a TradingView API that appears later (checked every 30 frames)', () => {
    const page = fakePage();
    runBridge(page.win, page.registry);
    page.hello();
    page.runFrames(1);
    page.addTradingViewApi();
    page.runFrames(28);
    expect(page.snapshots().map((s) => s?.kind)).toEqual(['lwc']);
    page.runFrames(2);
    expect(page.snapshots().map((s) => s?.kind)).toEqual(['lwc', 'tv-site']);
  });

  it('without a registry (no hook) there is no chart', () => {
    const page = fakePage();
    runBridge(page.win);
    page.hello();
    page.runFrames(1);
    expect(page.snapshots()).toEqual([null]);
    expect(page.posted).toEqual([]);
  });
});
