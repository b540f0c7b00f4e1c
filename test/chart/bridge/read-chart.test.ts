import { describe, expect, it } from 'vitest';
import { CHART_FRAMES, findChart, readSnapshot, watchCrosshair } from '../../../lib/chart/bridge/read-chart';

type RectLike = { left: number; top: number; width: number; height: number };
const el = (rect: RectLike, extra: Record<string, unknown> = {}) => ({
  getBoundingClientRect: () => rect,
  ...extra,
});

function fakeDoc(selectors: Record<string, unknown[]>) {
  const doc = {
    querySelector: (s: string) => (selectors[s] ?? [])[0] ?? null,
    querySelectorAll: (s: string) => selectors[s] ?? [],
    // `getElementsByClassName('a b')` finds what the selector `.a.b` does.
    getElementsByClassName: (names: string) => selectors[`.${names.split(' ').join('.')}`] ?? [],
  };
  return doc;
}

function fakeChart(
  options: { mainPane?: number; from?: number; to?: number; mode?: number; heights?: number[] } = {},
) {
  const heights = options.heights ?? [400, 100];
  const listeners: ((p: unknown) => void)[] = [];
  const panes = heights.map((h, i) => ({
    hasMainSeries: () => i === (options.mainPane ?? 0),
    getHeight: () => h,
    getMainSourcePriceScale: () => ({
      getVisiblePriceRange: () => ({ from: options.from ?? 90_000, to: options.to ?? 100_000 }),
      getMode: () => options.mode ?? 0,
      isInverted: () => false,
    }),
  }));
  const chart = {
    symbol: () => 'BINANCE:BTCUSDT.P',
    resolution: () => '15',
    getPanes: () => panes,
    crossHairMoved: () => ({
      subscribe: (_owner: unknown, cb: (p: unknown) => void) => listeners.push(cb),
      unsubscribe: (_owner: unknown, cb: (p: unknown) => void) => listeners.splice(listeners.indexOf(cb), 1),
    }),
  };
  return { widget: { activeChart: () => chart }, listeners };
}

describe('findChart and readSnapshot', () => {
  it('reads tradingview.com from window.TradingViewApi and the active chart container', () => {
    const { widget } = fakeChart();
    const panesDom = [
      el({ left: 56, top: 80, width: 900, height: 400 }),
      el({ left: 56, top: 481, width: 900, height: 100 }),
    ];
    const container = fakeDoc({ '.chart-markup-table.pane': panesDom });
    const doc = fakeDoc({ '.chart-container.active': [container] });
    const win = {
      TradingViewApi: widget,
      document: doc,
      innerWidth: 1280,
      innerHeight: 800,
    } as unknown as Window;
    const handle = findChart(win);
    expect(handle?.kind).toBe('tv-site');
    const snap = handle && readSnapshot(handle, win, null, 95_000);
    expect(snap).toEqual({
      kind: 'tv-site',
      symbol: 'BINANCE:BTCUSDT.P',
      interval: '15',
      pane: { left: 56, top: 80, width: 900, height: 400 },
      apiPaneHeight: 400,
      scale: { from: 90_000, to: 100_000, mode: 0, inverted: false },
      lastPrice: 95_000,
      crosshair: null,
      viewport: { width: 1280, height: 800 },
      time: null,
    });
  });

  it('reads the main series pane inside a chart iframe, adding the frame rect and border', () => {
    const { widget } = fakeChart({ mainPane: 1, heights: [120, 380] });
    const inner = fakeDoc({
      '.chart-markup-table.pane': [
        el({ left: 52, top: 38, width: 700, height: 120 }),
        el({ left: 52, top: 159, width: 700, height: 380 }),
      ],
    });
    const frame = el(
      { left: 10, top: 200, width: 800, height: 600 },
      { clientLeft: 2, clientTop: 3, contentWindow: { tradingViewApi: widget }, contentDocument: inner },
    );
    const win = {
      document: fakeDoc({ [CHART_FRAMES]: [frame] }),
      innerWidth: 1280,
      innerHeight: 900,
    };
    const handle = findChart(win as unknown as Window);
    expect(handle?.kind).toBe('tv-cl-iframe');
    const snap = handle && readSnapshot(handle, win as unknown as Window, null, null);
    expect(snap?.pane).toEqual({ left: 64, top: 362, width: 700, height: 380 });
    expect(snap?.apiPaneHeight).toBe(380);
  });

  it('skips hidden and cross-origin frames and picks the largest visible chart', () => {
    const small = fakeChart().widget;
    const large = fakeChart().widget;
    const pane = fakeDoc({ '.chart-markup-table.pane': [el({ left: 0, top: 0, width: 10, height: 10 })] });
    // A cross-origin frame throws on contentWindow access.
    const crossOrigin = Object.defineProperty(
      el({ left: 0, top: 0, width: 900, height: 900 }),
      'contentWindow',
      {
        get() {
          throw new Error('SecurityError');
        },
      },
    );
    const frames = [
      el(
        { left: 0, top: 0, width: 0, height: 0 },
        { contentWindow: { tradingViewApi: fakeChart().widget }, contentDocument: pane },
      ),
      crossOrigin,
      el(
        { left: 0, top: 0, width: 300, height: 200 },
        { contentWindow: { tradingViewApi: small }, contentDocument: pane },
      ),
      el(
        { left: 0, top: 0, width: 600, height: 400 },
        { contentWindow: { tradingViewApi: large }, contentDocument: pane },
      ),
    ];
    const win = { document: fakeDoc({ [CHART_FRAMES]: frames }) } as unknown as Window;
    expect(findChart(win)?.widget).toBe(large);
  });

  it('gives no snapshot when the page API throws or lies', () => {
    const doc = fakeDoc({ '.chart-markup-table.pane': [el({ left: 0, top: 0, width: 10, height: 10 })] });
    const win = { document: doc, innerWidth: 100, innerHeight: 100 } as unknown as Window;
    const throwing = {
      kind: 'tv-site' as const,
      frame: null,
      doc: doc as unknown as Document,
      widget: {
        activeChart: () => {
          throw new Error('boom');
        },
      },
    };
    expect(readSnapshot(throwing, win, null, null)).toBeNull();
    const lying = { ...throwing, widget: fakeChart({ mode: 7 }).widget };
    expect(readSnapshot(lying, win, null, null)).toBeNull();
    const noPaneDom = { ...throwing, widget: fakeChart().widget, doc: fakeDoc({}) as unknown as Document };
    expect(readSnapshot(noPaneDom, win, null, null)).toBeNull();
  });

  it('takes crosshair samples relative to the pane and keeps them only on the same scale', () => {
    const { widget, listeners } = fakeChart({ heights: [400] });
    const inner = fakeDoc({
      '.chart-markup-table.pane': [el({ left: 52, top: 38, width: 700, height: 400 })],
    });
    const frame = el({ left: 0, top: 100, width: 800, height: 500 }, { clientLeft: 0, clientTop: 0 });
    const handle = {
      kind: 'tv-cl-iframe' as const,
      widget,
      frame: frame as unknown as HTMLIFrameElement,
      doc: inner as unknown as Document,
    };
    const samples: unknown[] = [];
    const stop = watchCrosshair(handle, (s) => samples.push(s));
    listeners[0]?.({ price: 95_000, offsetY: 238 });
    listeners[0]?.({ price: 95_000 }); // CL24: no offsets, no sample
    expect(samples).toEqual([{ price: 95_000, y: 200, from: 90_000, to: 100_000 }]);
    const win = { innerWidth: 1000, innerHeight: 800 } as unknown as Window;
    const sample = samples[0] as { price: number; y: number; from: number; to: number };
    expect(readSnapshot(handle, win, sample, null)?.crosshair).toEqual({ price: 95_000, y: 200 });
    expect(readSnapshot(handle, win, { ...sample, to: 101_000 }, null)?.crosshair).toBeNull();
    stop();
    expect(listeners).toHaveLength(0);
  });
});

describe('the real sites as the evidence shows them', () => {
  const panesDom = [el({ left: 56, top: 80, width: 900, height: 400 })];
  const winWith = (api: unknown) =>
    ({
      TradingViewApi: api,
      document: fakeDoc({ '.chart-container.active': [fakeDoc({ '.chart-markup-table.pane': panesDom })] }),
      innerWidth: 1280,
      innerHeight: 800,
    }) as unknown as Window;

  it('reads the scale through coordinateToPrice(0) and (h − 1) when getVisiblePriceRange is missing', () => {
    // price = 100,000 − 25 × y on a 400 px pane.
    const scale = {
      coordinateToPrice: (y: number) => 100_000 - 25 * y,
      getMode: () => 0,
      isInverted: () => false,
    };
    const pane = { hasMainSeries: () => true, getHeight: () => 400, getMainSourcePriceScale: () => scale };
    const chart = { symbol: () => 'BTCUSDT', resolution: () => '15', getPanes: () => [pane] };
    const win = winWith({ activeChart: () => chart });
    const handle = findChart(win);
    const snap = handle && readSnapshot(handle, win, null, null);
    expect(snap?.scale).toEqual({ from: 90_025, to: 100_000, mode: 0, inverted: false });
  });

  it('waits while the widget exists before its model (Binance: activeChart().hasModel() false)', () => {
    let ready = false;
    const { widget } = fakeChart();
    const chart = widget.activeChart();
    const api = { activeChart: () => ({ ...chart, hasModel: () => ready }) };
    expect(findChart(winWith(api))).toBeNull();
    ready = true;
    expect(findChart(winWith(api))?.kind).toBe('tv-site');
  });

  it('looks for the chart frame where Binance, OKX and Hyperliquid put it', () => {
    expect(CHART_FRAMES).toContain('iframe[id^="tradingview_"]');
    expect(CHART_FRAMES).toContain('.tv-chart-box iframe');
    expect(CHART_FRAMES).toContain('#tv_chart_container iframe');
  });
});
