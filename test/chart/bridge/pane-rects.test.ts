import { describe, expect, it } from 'vitest';
import { createPaneRects, PANE_REFRESH_MS } from '../../../lib/chart/bridge/pane-rects';
import type { ChartHandle } from '../../../lib/chart/bridge/read-chart';

type Handler = () => void;

/** A window that records its listeners and has a ResizeObserver and a PerformanceObserver the test fires. */
function fakeWin() {
  const listeners = new Map<string, Set<Handler>>();
  const observers: { callback: Handler; targets: unknown[] }[] = [];
  class ResizeObserver {
    targets: unknown[] = [];
    constructor(callback: Handler) {
      observers.push({ callback, targets: this.targets });
    }
    observe(target: unknown) {
      this.targets.push(target);
    }
    disconnect() {
      this.targets.length = 0;
    }
  }
  const shiftObservers: { callback: Handler; types: string[] }[] = [];
  class PerformanceObserver {
    static supportedEntryTypes = ['layout-shift', 'paint'];
    types: string[] = [];
    constructor(callback: Handler) {
      shiftObservers.push({ callback, types: this.types });
    }
    observe(options: { type: string }) {
      this.types.push(options.type);
    }
    disconnect() {
      this.types.length = 0;
    }
  }
  const win = {
    ResizeObserver,
    PerformanceObserver,
    addEventListener: (type: string, fn: Handler) => {
      const set = listeners.get(type) ?? new Set();
      set.add(fn);
      listeners.set(type, set);
    },
    removeEventListener: (type: string, fn: Handler) => listeners.get(type)?.delete(fn),
  };
  return {
    win,
    fire: (type: string) => {
      for (const fn of listeners.get(type) ?? []) fn();
    },
    listening: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    resized: (target: unknown) => {
      for (const o of observers) if (o.targets.includes(target)) o.callback();
    },
    observing: () => observers.reduce((n, o) => n + o.targets.length, 0),
    shifted: () => {
      for (const o of shiftObservers) if (o.types.includes('layout-shift')) o.callback();
    },
    observingShifts: () => shiftObservers.reduce((n, o) => n + o.types.length, 0),
  };
}

/** A Charting Library iframe at (10, 20) with a 1 px border, its pane cell at (0, 30) 700 × 400 inside. */
function fakeChart() {
  const top = fakeWin();
  const inner = fakeWin();
  const measures = { count: 0 };
  const paneBox = { left: 0, top: 30, width: 700, height: 400 };
  const pane = () => ({
    getBoundingClientRect: () => {
      measures.count += 1;
      return { ...paneBox };
    },
  });
  let cells = [pane()];
  const doc = {
    defaultView: inner.win,
    getElementsByClassName: (names: string) => (names === 'chart-markup-table pane' ? cells : []),
  };
  const frame = {
    contentWindow: inner.win,
    clientLeft: 1,
    clientTop: 1,
    getBoundingClientRect: () => ({ left: 10, top: 20, width: 720, height: 500 }),
  };
  const handle = { kind: 'tv-cl-iframe', widget: {}, frame, doc } as unknown as ChartHandle;
  return {
    handle,
    top,
    inner,
    frame,
    measures,
    paneBox,
    replacePane: () => {
      cells = [pane()];
      return cells[0];
    },
    cell: () => cells[0],
  };
}

describe('createPaneRects', () => {
  it('measures the pane once, then again only when something says it may have moved', () => {
    const c = fakeChart();
    let now = 1_000;
    const rects = createPaneRects(c.handle, c.top.win as unknown as Window, () => now);
    const first = rects.read(0, 400);
    expect(first).toEqual({
      outer: { left: 11, top: 51, width: 700, height: 400 },
      inner: { left: 0, top: 30, width: 700, height: 400 },
    });
    expect(c.measures.count).toBe(1);
    // Frames of a price pan: nothing moved, nothing measured.
    for (let i = 0; i < 5; i++) expect(rects.read(0, 400)).toBe(first);
    expect(c.measures.count).toBe(1);
    const measuredAfter = (what: () => void) => {
      const before = c.measures.count;
      what();
      rects.read(0, 400);
      rects.read(0, 400);
      return c.measures.count - before;
    };
    expect(measuredAfter(() => c.top.fire('scroll'))).toBe(1);
    expect(measuredAfter(() => c.inner.fire('scroll'))).toBe(1);
    expect(measuredAfter(() => c.top.fire('resize'))).toBe(1);
    expect(measuredAfter(() => c.inner.resized(c.cell()))).toBe(1);
    expect(measuredAfter(() => c.top.resized(c.frame))).toBe(1);
    expect(measuredAfter(() => c.replacePane())).toBe(1);
    expect(measuredAfter(() => c.top.shifted())).toBe(1);
    expect(measuredAfter(() => c.inner.shifted())).toBe(1);
    // A pane height the chart API gives and the last measure does not match: measured at once.
    c.paneBox.height = 380;
    expect(rects.read(0, 380)?.outer.height).toBe(380);
    // A layout shift no event reports is followed within PANE_REFRESH_MS.
    c.paneBox.top = 40;
    expect(rects.read(0, 380)?.inner.top).toBe(30);
    now += PANE_REFRESH_MS;
    expect(rects.read(0, 380)?.inner.top).toBe(40);
  });

  it('gives null without a pane element, and lets go of every listener and observer on dispose', () => {
    const c = fakeChart();
    const rects = createPaneRects(c.handle, c.top.win as unknown as Window, () => 0);
    expect(rects.read(3, null)).toBeNull();
    expect(rects.read(0, null)).not.toBeNull();
    expect(c.top.listening() + c.inner.listening()).toBe(4);
    expect(c.top.observing() + c.inner.observing()).toBe(2);
    expect(c.top.observingShifts() + c.inner.observingShifts()).toBe(2);
    rects.dispose();
    expect(c.top.listening() + c.inner.listening()).toBe(0);
    expect(c.top.observing() + c.inner.observing()).toBe(0);
    expect(c.top.observingShifts() + c.inner.observingShifts()).toBe(0);
  });
});
