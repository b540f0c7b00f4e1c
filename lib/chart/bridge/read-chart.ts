import type { ChartSnapshot, Rect, TimeRead } from '../snapshot';
import { readClTime } from './read-time';

/**
 * Reads a TradingView chart (tradingview.com's `window.TradingViewApi`, or a Charting Library widget inside a
 * same-origin `iframe[id^="tradingview_"]`) into a plain-data snapshot. Everything here runs in the page's world
 * against page objects: every call is guarded, nothing is trusted (the isolated side validates), and nothing is
 * written to the page. See chart-integration.md §1–3.
 */

type Fn = (...args: unknown[]) => unknown;

export interface ChartHandle {
  kind: 'tv-site' | 'tv-cl-iframe';
  widget: object;
  /** The chart iframe on exchanges; null on tradingview.com. */
  frame: HTMLIFrameElement | null;
  doc: Document;
}

/** Calls `obj[name]()` if it is a function; any throw or absence gives undefined. */
export function call(obj: unknown, name: string, ...args: unknown[]): unknown {
  try {
    const fn = (obj as Record<string, unknown> | null | undefined)?.[name];
    return typeof fn === 'function' ? (fn as Fn).apply(obj, args) : undefined;
  } catch {
    return undefined;
  }
}

export function get(obj: unknown, name: string): unknown {
  try {
    return (obj as Record<string, unknown> | null | undefined)?.[name];
  } catch {
    return undefined;
  }
}

const isWidget = (x: unknown): x is object => typeof get(x, 'activeChart') === 'function';

/**
 * Binance creates `tradingViewApi` before the chart's model: until `activeChart().hasModel()` says true (where the
 * build has it) nothing can be read, and the probe looks again next frame.
 */
const hasModel = (widget: object): boolean => {
  const chart = call(widget, 'activeChart');
  if (!chart) return false;
  return typeof get(chart, 'hasModel') !== 'function' || call(chart, 'hasModel') === true;
};

/**
 * Where exchanges put their Charting Library frame: the library's own `tradingview_<id>` frames (Binance's inside
 * `#chart_futures-tradingview`), OKX's same-origin `/tradingview/static/<lang>-tv-chart….html` frame inside
 * `.tv-chart-box`, Hyperliquid's same-origin about:blank frame in `#tv_chart_container`.
 */
export const CHART_FRAMES = 'iframe[id^="tradingview_"], .tv-chart-box iframe, #tv_chart_container iframe';
export const finiteOrNull = (x: unknown): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : null;

function visibleArea(el: Element): number {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? r.width * r.height : 0;
}

/** The probe order of chart-integration.md §3.1; the largest visible chart wins when there are several. */
export function findChart(win: Window): ChartHandle | null {
  const site = get(win, 'TradingViewApi');
  if (isWidget(site)) {
    return hasModel(site) ? { kind: 'tv-site', widget: site, frame: null, doc: win.document } : null;
  }
  let best: ChartHandle | null = null;
  let bestArea = 0;
  for (const frame of Array.from(win.document.querySelectorAll<HTMLIFrameElement>(CHART_FRAMES))) {
    const area = visibleArea(frame);
    if (area <= bestArea) continue;
    try {
      const inner = frame.contentWindow;
      const doc = frame.contentDocument;
      const widget = get(inner, 'tradingViewApi');
      if (doc && isWidget(widget) && hasModel(widget)) {
        best = { kind: 'tv-cl-iframe', widget, frame, doc };
        bestArea = area;
      }
    } catch {
      // A cross-origin frame: not ours to read.
    }
  }
  return best;
}

interface PaneRead {
  index: number;
  apiHeight: number | null;
  scale: ChartSnapshot['scale'] | null;
}

function readMainPane(chart: unknown): PaneRead | null {
  const panes = call(chart, 'getPanes');
  if (!Array.isArray(panes)) return null;
  const index = panes.findIndex((p) => call(p, 'hasMainSeries') === true);
  if (index < 0) return null;
  const pane = panes[index];
  const priceScale = call(pane, 'getMainSourcePriceScale');
  const apiHeight = finiteOrNull(call(pane, 'getHeight'));
  const range = call(priceScale, 'getVisiblePriceRange');
  let from = finiteOrNull(get(range, 'from'));
  let to = finiteOrNull(get(range, 'to'));
  // Builds without getVisiblePriceRange read through coordinateToPrice: the bottom and top pixel rows' prices are
  // the same `from` and `to` (site-support.md, "The real sites").
  if ((from === null || to === null) && apiHeight !== null && apiHeight >= 2) {
    from = finiteOrNull(call(priceScale, 'coordinateToPrice', apiHeight - 1));
    to = finiteOrNull(call(priceScale, 'coordinateToPrice', 0));
  }
  const mode = call(priceScale, 'getMode');
  const scale: ChartSnapshot['scale'] | null =
    from !== null && to !== null && (mode === 0 || mode === 1 || mode === 2 || mode === 3)
      ? { from, to, mode, inverted: call(priceScale, 'isInverted') === true }
      : null;
  return { index, apiHeight, scale };
}

/**
 * The pane cell of the chart's DOM (`.chart-markup-table.pane`), in index order, inside the active chart (the first
 * `.chart-container.active`, else the document). Looked up on every frame, so through class collections: the browser
 * keeps them live and answers from its cache until the DOM under them changes, where a selector query walks the tree
 * each time.
 */
export function paneElement(doc: Document, index: number): Element | null {
  const root = doc.getElementsByClassName('chart-container active')[0] ?? doc;
  return root.getElementsByClassName('chart-markup-table pane')[index] ?? null;
}

/** A pane's rect in the top document's viewport (`outer`) and in its own document's (`inner`). */
export interface PaneRect {
  outer: Rect;
  inner: Rect;
}

/** The pane's rect in the top document's viewport: the iframe's rect and border plus the rect inside it. */
export function measurePane(handle: ChartHandle, el: Element): PaneRect {
  const r = el.getBoundingClientRect();
  const inner = { left: r.left, top: r.top, width: r.width, height: r.height };
  if (!handle.frame) return { outer: inner, inner };
  const f = handle.frame.getBoundingClientRect();
  return {
    outer: {
      left: f.left + handle.frame.clientLeft + r.left,
      top: f.top + handle.frame.clientTop + r.top,
      width: r.width,
      height: r.height,
    },
    inner,
  };
}

/** The main pane's rect, measured now (null: no such pane element). */
export function paneRect(handle: ChartHandle, index: number): PaneRect | null {
  const el = paneElement(handle.doc, index);
  return el ? measurePane(handle, el) : null;
}

/** Where `readSnapshot` gets the pane's rect: measured on every read unless a cache is handed in (pane-rects.ts). */
export type PaneRectSource = (index: number, apiHeight: number | null) => PaneRect | null;

export interface CrosshairSample {
  price: number;
  /** Pointer y relative to the pane's top row. */
  y: number;
  /** The scale it was taken on; a sample from another scale proves nothing. */
  from: number;
  to: number;
}

export function readSnapshot(
  handle: ChartHandle,
  win: Window,
  crosshair: CrosshairSample | null,
  lastPrice: number | null,
  rects: PaneRectSource = (index) => paneRect(handle, index),
  time: (chart: unknown, paneWidth: number) => TimeRead | null = readClTime,
): ChartSnapshot | null {
  const chart = call(handle.widget, 'activeChart');
  if (!chart) return null;
  const main = readMainPane(chart);
  if (!main?.scale) return null;
  const rect = rects(main.index, main.apiHeight);
  if (!rect) return null;
  const symbol = call(chart, 'symbol');
  const interval = call(chart, 'resolution');
  const sameScale = crosshair && crosshair.from === main.scale.from && crosshair.to === main.scale.to;
  return {
    kind: handle.kind,
    symbol: typeof symbol === 'string' ? symbol.slice(0, 64) : null,
    interval: typeof interval === 'string' ? interval.slice(0, 16) : null,
    pane: rect.outer,
    apiPaneHeight: main.apiHeight,
    scale: main.scale,
    lastPrice,
    crosshair: sameScale ? { price: crosshair.price, y: crosshair.y } : null,
    viewport: { width: win.innerWidth, height: win.innerHeight },
    time: time(chart, rect.inner.width),
  };
}

/**
 * Follows the last price through the widget's public `subscribe('onTick', bar => …)` (CL29 `SubscribeEventsMap`
 * "Last bar has been updated"; the iframe's inner API has the same `subscribe`, which the outer widget forwards to).
 * The close of the updated bar is the last price. Reports the chart's symbol with it, so that a tick from before a
 * symbol change is never taken for the new symbol's price. Returns an unsubscribe function.
 */
export function watchLastPrice(
  handle: ChartHandle,
  onPrice: (price: number, symbol: string | null) => void,
): () => void {
  const listener = (bar: unknown) => {
    const close = finiteOrNull(get(bar, 'close'));
    if (close === null || close <= 0) return;
    const symbol = call(call(handle.widget, 'activeChart'), 'symbol');
    onPrice(close, typeof symbol === 'string' ? symbol.slice(0, 64) : null);
  };
  call(handle.widget, 'subscribe', 'onTick', listener);
  return () => {
    call(handle.widget, 'unsubscribe', 'onTick', listener);
  };
}

/**
 * Subscribes to the chart's crosshair (CL29 passes offsetX/offsetY relative to the library's root element; CL24
 * passes none, and then no sample is ever taken). Returns an unsubscribe function.
 */
export function watchCrosshair(handle: ChartHandle, onSample: (sample: CrosshairSample) => void): () => void {
  const chart = call(handle.widget, 'activeChart');
  const subscription = call(chart, 'crossHairMoved');
  const listener = (params: unknown) => {
    const price = finiteOrNull(get(params, 'price'));
    const offsetY = finiteOrNull(get(params, 'offsetY'));
    if (price === null || offsetY === null || !handle.frame) return;
    const main = readMainPane(chart);
    const rect = main?.scale ? paneRect(handle, main.index) : null;
    if (!main?.scale || !rect) return;
    const y = offsetY - rect.inner.top;
    if (y < 0 || y > rect.inner.height) return;
    onSample({ price, y, from: main.scale.from, to: main.scale.to });
  };
  const owner = {};
  call(subscription, 'subscribe', owner, listener);
  return () => {
    call(subscription, 'unsubscribe', owner, listener);
  };
}
