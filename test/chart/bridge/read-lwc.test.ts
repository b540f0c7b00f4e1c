import { describe, expect, it } from 'vitest';
import type { LwcRegistry } from '../../../lib/chart/bridge/lwc-hook';
import { findLwcChart, lwcGone, readLwcSnapshot } from '../../../lib/chart/bridge/read-lwc';
import { el, fakeChartV5, fakeSeries, td } from './fake-lwc';

const doc = {} as Document;
const win = { innerWidth: 1280, innerHeight: 800, document: doc } as unknown as Window;
const registryOf = (charts: object[], series: object[] = []): LwcRegistry => ({
  charts: () => charts,
  series: () => series,
});
const read = (chart: object, registry = registryOf([chart])) =>
  readLwcSnapshot({ kind: 'lwc', chart }, registry, win);

describe('readLwcSnapshot', () => {
  it('reads from/to at the bottom and top rows of the main series, the pane cell and the last close', () => {
    const chart = fakeChartV5({ panes: [[fakeSeries()]], doc });
    expect(read(chart)).toEqual({
      kind: 'lwc',
      symbol: null,
      interval: null,
      pane: { left: 0, top: 50, width: 700, height: 400 },
      apiPaneHeight: 400,
      // price = 100,000 − 25 × y: y = 399 → 90,025; y = 0 → 100,000.
      scale: { from: 90_025, to: 100_000, mode: 0, inverted: false },
      lastPrice: 95_000,
      crosshair: null,
      viewport: { width: 1280, height: 800 },
      time: null,
    });
  });

  it('skips hidden series and series without data, down to the first pane that has one', () => {
    const chart = fakeChartV5({
      panes: [
        [fakeSeries({ visible: false }), fakeSeries({ data: false })],
        [fakeSeries({ top: 50, perPx: 0.1 })],
      ],
      sizes: [
        { width: 700, height: 400 },
        { width: 700, height: 120 },
      ],
      doc,
    });
    const snapshot = read(chart);
    expect(snapshot?.pane).toEqual({ left: 0, top: 451, width: 700, height: 120 });
    expect(snapshot?.apiPaneHeight).toBe(120);
    // 50 − 0.1 × 119 = 38.1
    expect(snapshot?.scale.from).toBeCloseTo(38.1, 10);
    expect(snapshot?.scale.to).toBe(50);
  });

  it('takes the first usable series of a pane, not a later overlay (volume)', () => {
    const chart = fakeChartV5({ panes: [[fakeSeries({ top: 100_000 }), fakeSeries({ top: 7 })]], doc });
    expect(read(chart)?.scale.to).toBe(100_000);
  });

  it('never takes a histogram (volume) for the price series, even added first to be drawn under the candles', () => {
    // The volume overlay's scale holds volumes: bands drawn on it would sit at the wrong rows.
    const volumeFirst = fakeChartV5({
      panes: [[fakeSeries({ type: 'Histogram', top: 5_000, perPx: 10 }), fakeSeries({ top: 100_000 })]],
      doc,
    });
    expect(read(volumeFirst)?.scale.to).toBe(100_000);
    // A volume pane above the candles' pane: the candles' pane is read.
    const volumePane = fakeChartV5({
      panes: [[fakeSeries({ type: 'Histogram', top: 5_000 })], [fakeSeries({ type: 'Line', top: 50 })]],
      doc,
    });
    expect(read(volumePane)?.scale.to).toBe(50);
    expect(read(volumePane)?.pane.top).toBe(451);
    // An indicator line on its own pane above the candles: the candles are the price series.
    const indicatorAbove = fakeChartV5({
      panes: [[fakeSeries({ type: 'Line', top: 100 })], [fakeSeries({ top: 100_000 })]],
      doc,
    });
    expect(read(indicatorAbove)?.scale.to).toBe(100_000);
    // Only histograms: no price series, no snapshot (the ladder).
    const onlyVolume = fakeChartV5({ panes: [[fakeSeries({ type: 'Histogram' })]], doc });
    expect(read(onlyVolume)).toBeNull();
  });

  it('carries an inverted scale (from above to) and the percentage and indexed modes', () => {
    const inverted = fakeChartV5({ panes: [[fakeSeries({ top: 90_000, perPx: -25, inverted: true })]], doc });
    expect(read(inverted)?.scale).toEqual({ from: 99_975, to: 90_000, mode: 0, inverted: true });
    for (const mode of [1, 2, 3]) {
      const chart = fakeChartV5({ panes: [[fakeSeries({ mode })]], doc });
      expect(read(chart)?.scale.mode).toBe(mode);
    }
    expect(read(fakeChartV5({ panes: [[fakeSeries({ mode: 7 })]], doc }))).toBeNull();
  });

  it('takes a line series’ value as its last price, and no last price from an empty or zero bar', () => {
    const value = fakeChartV5({ panes: [[fakeSeries({ last: { time: 1, value: 42.5 } })]], doc });
    expect(read(value)?.lastPrice).toBe(42.5);
    expect(read(fakeChartV5({ panes: [[fakeSeries({ last: { close: 0 } })]], doc }))?.lastPrice).toBeNull();
    expect(read(fakeChartV5({ panes: [[fakeSeries({ last: null })]], doc }))?.lastPrice).toBeNull();
  });

  it('fails closed: a cell narrower than the pane, no series with data, or a chart that throws', () => {
    const narrow = fakeChartV5({
      panes: [[fakeSeries()]],
      cells: [{ left: 0, top: 50, width: 650, height: 400 }],
      doc,
    });
    expect(read(narrow)).toBeNull();
    expect(read(fakeChartV5({ panes: [[fakeSeries({ data: false })]], doc }))).toBeNull();
    const hostile = {
      panes: () => {
        throw new Error('no');
      },
      chartElement: () => {
        throw new Error('no');
      },
    };
    expect(read(hostile)).toBeNull();
    expect(
      read({
        panes: () => [{ getSeries: () => [fakeSeries()], getHTMLElement: () => null }],
        paneSize: () => ({ width: 1, height: 400 }),
      }),
    ).toBeNull();
  });

  it('reads a v4 chart (one pane, no panes()) from the series the hook noted and the chart’s first row', () => {
    const row = {
      children: [
        td({ left: 0, top: 0, width: 0, height: 400 }),
        td({ left: 10, top: 20, width: 640, height: 400 }),
        td({ left: 650, top: 20, width: 60, height: 400 }),
      ],
    };
    const element = el(
      { left: 10, top: 20, width: 700, height: 430 },
      {
        isConnected: true,
        ownerDocument: doc,
        clientHeight: 430,
        querySelector: (s: string) => (s === 'tr' ? row : null),
      },
    );
    const chart = { chartElement: () => element, timeScale: () => ({ height: () => 30 }) };
    const snapshot = read(chart, registryOf([chart], [fakeSeries()]));
    expect(snapshot?.pane).toEqual({ left: 10, top: 20, width: 640, height: 400 });
    expect(snapshot?.apiPaneHeight).toBe(400);
    expect(snapshot?.scale).toEqual({ from: 90_025, to: 100_000, mode: 0, inverted: false });
    expect(read(chart, registryOf([chart], []))).toBeNull();
    // v4 too: a histogram the hook saw added first is not the price series.
    const volumeFirst = registryOf([chart], [fakeSeries({ type: 'Histogram', top: 5_000 }), fakeSeries()]);
    expect(read(chart, volumeFirst)?.scale.to).toBe(100_000);
    expect(read(chart, registryOf([chart], [fakeSeries({ type: 'Histogram' })]))).toBeNull();
  });
});

describe('findLwcChart and lwcGone', () => {
  it('picks the largest visible chart of this document', () => {
    const small = fakeChartV5({ panes: [[]], rect: { left: 0, top: 0, width: 300, height: 200 }, doc });
    const large = fakeChartV5({ panes: [[]], rect: { left: 0, top: 0, width: 800, height: 500 }, doc });
    const hidden = fakeChartV5({ panes: [[]], rect: { left: 0, top: 0, width: 0, height: 0 }, doc });
    const detached = fakeChartV5({
      panes: [[]],
      rect: { left: 0, top: 0, width: 2000, height: 900 },
      connected: false,
      doc,
    });
    const elsewhere = fakeChartV5({
      panes: [[]],
      rect: { left: 0, top: 0, width: 2000, height: 900 },
      doc: {},
    });
    expect(findLwcChart(registryOf([small, hidden, large, detached, elsewhere]), doc)?.chart).toBe(large);
    expect(findLwcChart(registryOf([hidden, detached, elsewhere]), doc)).toBeNull();
    expect(findLwcChart(null, doc)).toBeNull();
  });

  it('counts a chart gone once its element left the document or cannot be had', () => {
    expect(lwcGone({ kind: 'lwc', chart: fakeChartV5({ panes: [], doc }) }, doc)).toBe(false);
    expect(lwcGone({ kind: 'lwc', chart: fakeChartV5({ panes: [], connected: false, doc }) }, doc)).toBe(
      true,
    );
    const removed = {
      chartElement: () => {
        throw new Error('Value is null');
      },
    };
    expect(lwcGone({ kind: 'lwc', chart: removed }, doc)).toBe(true);
  });
});
