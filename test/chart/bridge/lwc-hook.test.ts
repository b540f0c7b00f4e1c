import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { hookLightweightCharts } from '../../../lib/chart/bridge/lwc-hook';

type Lib = Record<string, unknown>;
type Factory = (this: unknown, ...args: unknown[]) => unknown;

/** The standalone build's shape: a frozen, prototype-less namespace with getters and factories. */
function standalone(make: () => object = () => ({ panes: () => [] })) {
  const calls: { self: unknown; args: unknown[] }[] = [];
  const createChart: Factory = function (this: unknown, ...args: unknown[]) {
    calls.push({ self: this, args });
    return make();
  };
  const lib = Object.freeze({
    __proto__: null,
    get ColorType() {
      return { Solid: 'solid' };
    },
    createChart,
    createChartEx: createChart,
    version: () => '5.2.1',
  });
  return { lib: lib as unknown as Lib, calls, createChart };
}

describe('hookLightweightCharts', () => {
  it('wraps the factories of a frozen library set later: same results, same this and arguments, a frozen copy', () => {
    const win: Lib = {};
    const registry = hookLightweightCharts(win);
    expect(win.LightweightCharts).toBeUndefined();
    const made: object[] = [];
    const { lib, calls, createChart } = standalone(() => {
      const chart = { panes: () => [] };
      made.push(chart);
      return chart;
    });
    win.LightweightCharts = lib;
    const seen = win.LightweightCharts as Lib;
    expect(Object.isFrozen(seen)).toBe(true);
    expect(Object.getPrototypeOf(seen)).toBeNull();
    expect(Object.keys(seen)).toEqual(Object.keys(lib));
    expect(seen.ColorType).toEqual({ Solid: 'solid' });
    expect((seen.version as () => string)()).toBe('5.2.1');
    expect(seen.createChart).not.toBe(createChart);
    const container = { id: 'chart' };
    const options = { autoSize: true };
    const chart = (seen.createChart as Factory).call(seen, container, options);
    expect(chart).toBe(made[0]);
    expect(calls).toEqual([{ self: seen, args: [container, options] }]);
    const second = (seen.createChartEx as Factory)('x');
    expect(registry.charts()).toEqual([made[0], second]);
    // A v5 chart lists its own series: nothing is added to it.
    expect(Object.keys(made[0] as object)).toEqual(['panes']);
  });

  it('wraps a writable library in place, and a library already there when the hook arrives', () => {
    const created = { panes: () => [] };
    const lib: Lib = { createChart: () => created, other: 1 };
    const win: Lib = { LightweightCharts: lib };
    const registry = hookLightweightCharts(win);
    expect(win.LightweightCharts).toBe(lib);
    expect((lib.createChart as Factory)()).toBe(created);
    expect(registry.charts()).toEqual([created]);
    // Set again (the page re-assigns it): not wrapped twice.
    const wrapped = lib.createChart;
    win.LightweightCharts = lib;
    expect(lib.createChart).toBe(wrapped);
  });

  it('lets the page’s own error through unchanged and notes nothing', () => {
    const win: Lib = {};
    const registry = hookLightweightCharts(win);
    const error = new Error('the page’s own');
    win.LightweightCharts = {
      createChart: () => {
        throw error;
      },
    };
    expect(() => ((win.LightweightCharts as Lib).createChart as Factory)()).toThrow(error);
    expect(registry.charts()).toEqual([]);
  });

  it('passes through values that are no library, and results that are no chart', () => {
    const win: Lib = {};
    const registry = hookLightweightCharts(win);
    for (const value of [undefined, null, 42, 'lwc', { createChart: 'not a function' }]) {
      win.LightweightCharts = value;
      expect(win.LightweightCharts).toBe(value);
    }
    win.LightweightCharts = { createChart: () => undefined };
    expect(((win.LightweightCharts as Lib).createChart as Factory)()).toBeUndefined();
    expect(registry.charts()).toEqual([]);
  });

  it('notes a v4 chart’s series as they are added, with the adder’s own result', () => {
    const win: Lib = {};
    const registry = hookLightweightCharts(win);
    const series = [{ n: 1 }, { n: 2 }];
    let i = 0;
    const chart: Lib = {
      addCandlestickSeries(this: unknown, options: unknown) {
        expect(this).toBe(chart);
        expect(options).toEqual({ upColor: 'green' });
        return series[i++];
      },
      addHistogramSeries: () => series[i++],
    };
    win.LightweightCharts = { createChart: () => chart };
    ((win.LightweightCharts as Lib).createChart as Factory)();
    expect((chart.addCandlestickSeries as Factory).call(chart, { upColor: 'green' })).toBe(series[0]);
    expect((chart.addHistogramSeries as Factory)()).toBe(series[1]);
    expect(registry.series(chart)).toEqual(series);
    expect(registry.series({})).toEqual([]);
  });

  it('leaves someone else’s accessor alone, wraps a non-configurable value in place, never throws', () => {
    const accessor = {};
    Object.defineProperty(accessor, 'LightweightCharts', { configurable: true, get: () => 'theirs' });
    hookLightweightCharts(accessor);
    expect((accessor as Lib).LightweightCharts).toBe('theirs');

    const lib: Lib = { createChart: () => ({ panes: () => [] }) };
    const fixed = {};
    Object.defineProperty(fixed, 'LightweightCharts', { value: lib, writable: true, configurable: false });
    const registry = hookLightweightCharts(fixed);
    (lib.createChart as Factory)();
    expect(registry.charts()).toHaveLength(1);

    expect(() => hookLightweightCharts(Object.freeze({}))).not.toThrow();
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('no');
        },
      },
    );
    expect(hookLightweightCharts(hostile).charts()).toEqual([]);
  });
});

describe('hookLightweightCharts with the real standalone build', () => {
  it('catches its frozen exports as the build assigns them, and keeps every export', () => {
    const file = path.join(
      process.cwd(),
      'node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js',
    );
    const win: Lib = {};
    hookLightweightCharts(win);
    // The build only defines its classes and ends with `window.LightweightCharts = Object.freeze({…})`.
    vm.runInNewContext(readFileSync(file, 'utf8'), {
      window: win,
      navigator: { userAgent: '', platform: '' },
    });
    const lib = win.LightweightCharts as Lib & { version(): string };
    expect(Object.isFrozen(lib)).toBe(true);
    expect(lib.version()).toBe('5.2.1');
    expect((lib.ColorType as Record<string, string>).Solid).toBe('solid');
    expect(Object.keys(lib)).toContain('CandlestickSeries');
    expect(Object.keys(lib).length).toBeGreaterThan(20);
    for (const name of ['createChart', 'createChartEx', 'createOptionsChart', 'createYieldCurveChart'])
      expect(typeof lib[name]).toBe('function');
    // Ours, not the library's own: the accessor stayed, and the factories are not the plain build's.
    expect(typeof Object.getOwnPropertyDescriptor(win, 'LightweightCharts')?.set).toBe('function');
    const plain: Lib = {};
    vm.runInNewContext(readFileSync(file, 'utf8'), {
      window: plain,
      navigator: { userAgent: '', platform: '' },
    });
    const plainLib = plain.LightweightCharts as Lib;
    expect(String(lib.createChart)).not.toBe(String(plainLib.createChart));
    expect(Object.keys(lib)).toEqual(Object.keys(plainLib));
    // The wrapper calls the library's own factory: without a DOM it fails as the library fails, not as ours.
    expect(() => (lib.createChart as Factory)('#no-such-container')).toThrow();
  });
});
