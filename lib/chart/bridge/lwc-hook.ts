/**
 * lightweight-charts keeps no registry of its charts, so the only way to reach a chart a page made is to be there
 * when it is made: at document_start, before any page script, the global `LightweightCharts` (the standalone build's
 * `window.LightweightCharts = …`, or v4's `var LightweightCharts = …`) becomes an accessor whose setter wraps the
 * library's chart factories (chart-integration.md §5). The wrappers hand the page exactly what the original returns
 * and only note the chart, weakly. A bundled (ES module) copy of the library stays out of reach: no adapter there.
 *
 * Everything here runs in the page's world. Any failure of ours is swallowed and means "no lightweight-charts
 * adapter"; the page's own errors pass through untouched.
 */

type Fn = (...args: unknown[]) => unknown;

const FACTORIES = ['createChart', 'createChartEx', 'createOptionsChart', 'createYieldCurveChart'];
/** v4 has no `pane.getSeries()`: its series are noted as they are added. */
const V4_ADDERS = [
  'addCandlestickSeries',
  'addBarSeries',
  'addLineSeries',
  'addAreaSeries',
  'addBaselineSeries',
  'addHistogramSeries',
  'addCustomSeries',
];

export interface LwcRegistry {
  /** The charts made so far that are still alive, oldest first. */
  charts(): object[];
  /** The series a v4 chart added (v5 charts list theirs with `panes()[i].getSeries()`). */
  series(chart: object): object[];
}

const isObject = (x: unknown): x is object =>
  (typeof x === 'object' && x !== null) || typeof x === 'function';

function alive(refs: WeakRef<object>[]): object[] {
  const out: object[] = [];
  for (let i = refs.length - 1; i >= 0; i--) {
    const value = refs[i]?.deref();
    if (value) out.unshift(value);
    else refs.splice(i, 1);
  }
  return out;
}

/** Wraps `fn` so that `note` sees its result; `this`, arguments, result and the page's own throws pass through. */
function tap(fn: Fn, note: (result: unknown) => void, ours: WeakSet<object>): Fn {
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const result = fn.apply(this, args);
    try {
      note(result);
    } catch {
      // Ours to swallow.
    }
    return result;
  };
  ours.add(wrapped);
  return wrapped;
}

/**
 * The value with its factories wrapped: in place where they are writable, else (the standalone build freezes its
 * exports) a copy with the same prototype, descriptors and frozenness, since a frozen object cannot be changed and
 * a Proxy of it must return the original functions.
 */
function wrapLibrary(lib: unknown, onChart: (chart: unknown) => void, ours: WeakSet<object>): unknown {
  try {
    if (!isObject(lib) || ours.has(lib)) return lib;
    const replaced: PropertyDescriptorMap = {};
    let inPlace = Object.isExtensible(lib);
    for (const name of FACTORIES) {
      const d = Object.getOwnPropertyDescriptor(lib, name);
      if (!d || typeof d.value !== 'function' || ours.has(d.value)) continue;
      replaced[name] = { ...d, value: tap(d.value, onChart, ours) };
      if (!d.writable) inPlace = false;
    }
    const names = Object.keys(replaced);
    if (names.length === 0) return lib;
    if (inPlace) {
      for (const name of names) (lib as Record<string, unknown>)[name] = replaced[name]?.value;
      ours.add(lib);
      return lib;
    }
    const copy = Object.create(Object.getPrototypeOf(lib), {
      ...Object.getOwnPropertyDescriptors(lib),
      ...replaced,
    });
    if (Object.isFrozen(lib)) Object.freeze(copy);
    else if (Object.isSealed(lib)) Object.seal(copy);
    else if (!Object.isExtensible(lib)) Object.preventExtensions(copy);
    ours.add(copy);
    return copy;
  } catch {
    return lib;
  }
}

/** Installs the hook on `win` (the page's window) and returns what it has seen. Never throws. */
export function hookLightweightCharts(win: object, name = 'LightweightCharts'): LwcRegistry {
  const charts: WeakRef<object>[] = [];
  const seriesOf = new WeakMap<object, WeakRef<object>[]>();
  const ours = new WeakSet<object>();

  const onChart = (chart: unknown) => {
    if (!isObject(chart)) return;
    alive(charts);
    charts.push(new WeakRef(chart));
    const record = chart as Record<string, unknown>;
    if (typeof record.panes === 'function') return;
    const list: WeakRef<object>[] = [];
    seriesOf.set(chart, list);
    const onSeries = (series: unknown) => {
      if (!isObject(series)) return;
      alive(list);
      list.push(new WeakRef(series));
    };
    for (const adder of V4_ADDERS) {
      const fn = record[adder];
      if (typeof fn === 'function') record[adder] = tap(fn as Fn, onSeries, ours);
    }
  };

  const registry: LwcRegistry = {
    charts: () => alive(charts),
    series: (chart) => {
      const list = seriesOf.get(chart);
      return list ? alive(list) : [];
    },
  };

  try {
    const d = Object.getOwnPropertyDescriptor(win, name);
    if (d && !('value' in d)) return registry; // someone else's accessor: not ours to replace
    if (d && !d.configurable) {
      if (d.writable) (win as Record<string, unknown>)[name] = wrapLibrary(d.value, onChart, ours);
      return registry;
    }
    let current = wrapLibrary(d?.value, onChart, ours);
    Object.defineProperty(win, name, {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (value: unknown) => {
        current = wrapLibrary(value, onChart, ours);
      },
    });
  } catch {
    // No hook: no lightweight-charts adapter on this page.
  }
  return registry;
}
