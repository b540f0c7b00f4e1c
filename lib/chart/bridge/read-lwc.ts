import type { ChartSnapshot } from '../snapshot';
import type { LwcRegistry } from './lwc-hook';
import { call, finiteOrNull, get } from './read-chart';
import { readLwcTime } from './read-time';

/**
 * Reads a lightweight-charts chart the page made (noted by lwc-hook.ts) into the same plain-data snapshot as the
 * Charting Library path: `from`/`to` are the main series' prices at the pane's bottom and top pixel rows
 * (`coordinateToPrice(h − 1)` / `coordinateToPrice(0)`), not `priceScale().getVisibleRange()`, which leaves out the
 * scale margins and is in percent in the percentage modes (chart-integration.md §0.6, §5). Every call is guarded;
 * nothing is written to the page's objects.
 */

export interface LwcHandle {
  kind: 'lwc';
  chart: object;
}

/** A bar index past any real one: `dataByIndex` with MismatchDirection.NearestLeft (-1) gives the last bar. */
const LAST = Number.MAX_SAFE_INTEGER;

function chartElement(chart: unknown): Element | null {
  const el = call(chart, 'chartElement');
  return el && typeof (el as Element).getBoundingClientRect === 'function' ? (el as Element) : null;
}

/** The chart is gone when its element left the document (`chart.remove()` or its container dropped). */
export const lwcGone = (handle: LwcHandle, doc: Document): boolean => {
  const el = chartElement(handle.chart);
  return !el?.isConnected || el.ownerDocument !== doc;
};

/** The largest visible chart of this document among those the hook saw. */
export function findLwcChart(registry: LwcRegistry | null, doc: Document): LwcHandle | null {
  let best: LwcHandle | null = null;
  let bestArea = 0;
  for (const chart of registry?.charts() ?? []) {
    const handle: LwcHandle = { kind: 'lwc', chart };
    if (lwcGone(handle, doc)) continue;
    const r = (chartElement(chart) as Element).getBoundingClientRect();
    const area = r.width > 0 && r.height > 0 ? r.width * r.height : 0;
    if (area > bestArea) {
      best = handle;
      bestArea = area;
    }
  }
  return best;
}

interface MainSeries {
  series: unknown;
  /** The pane's drawing cell: the middle of the pane row's three cells (left axis, pane, right axis). */
  cell: Element;
  /** The pane's height in the chart's own px. */
  height: number;
  width: number | null;
}

const hasData = (series: unknown) =>
  get(call(series, 'options'), 'visible') !== false &&
  finiteOrNull(call(series, 'coordinateToPrice', 0)) !== null;

/**
 * Which series can be the price series: `ohlc` a candlestick or bar series, `other` any but a histogram (a volume
 * overlay's scale holds volumes; pages add it first to draw it under the candles, so "the first" is not enough).
 */
type Pick = 'ohlc' | 'other';
function isPriceSeries(series: unknown, pick: Pick): boolean {
  if (!hasData(series)) return false;
  const type = call(series, 'seriesType');
  return pick === 'ohlc' ? type === 'Candlestick' || type === 'Bar' : type !== 'Histogram';
}
const PICKS: readonly Pick[] = ['ohlc', 'other'];

function paneCell(row: unknown): Element | null {
  const cells = get(row, 'children') as HTMLCollection | undefined;
  const cell = cells?.length === 3 ? cells[1] : null;
  return cell && cell.tagName === 'TD' ? cell : null;
}

/** v5: the first visible candlestick or bar series with data, pane by pane from the top; else any but a histogram. */
function mainSeriesV5(chart: unknown, panes: unknown[]): MainSeries | null {
  for (const pick of PICKS) {
    for (let index = 0; index < panes.length; index++) {
      const list = call(panes[index], 'getSeries');
      const series = Array.isArray(list) ? list.find((s) => isPriceSeries(s, pick)) : undefined;
      if (series === undefined) continue;
      const cell = paneCell(call(panes[index], 'getHTMLElement'));
      const size = call(chart, 'paneSize', index);
      const height = finiteOrNull(get(size, 'height'));
      return cell && height !== null
        ? { series, cell, height, width: finiteOrNull(get(size, 'width')) }
        : null;
    }
  }
  return null;
}

/** v4 has one pane: the first row of the chart's table; its height is the chart's less the time axis. */
function mainSeriesV4(chart: unknown, registry: LwcRegistry): MainSeries | null {
  const noted = registry.series(chart as object);
  const series = noted.find((s) => isPriceSeries(s, 'ohlc')) ?? noted.find((s) => isPriceSeries(s, 'other'));
  const el = chartElement(chart);
  const cell = paneCell(el?.querySelector('tr'));
  const axis = finiteOrNull(call(call(chart, 'timeScale'), 'height'));
  if (series === undefined || !el || !cell || axis === null) return null;
  return { series, cell, height: el.clientHeight - axis, width: null };
}

export function readLwcSnapshot(handle: LwcHandle, registry: LwcRegistry, win: Window): ChartSnapshot | null {
  const { chart } = handle;
  const panes = call(chart, 'panes');
  const main = Array.isArray(panes) ? mainSeriesV5(chart, panes) : mainSeriesV4(chart, registry);
  if (!main || main.height < 2) return null;
  const r = main.cell.getBoundingClientRect();
  // The cell is the drawing area only if it is as wide as the chart says its pane is.
  if (main.width !== null && Math.abs(r.width - main.width) > 1) return null;
  const from = finiteOrNull(call(main.series, 'coordinateToPrice', main.height - 1));
  const to = finiteOrNull(call(main.series, 'coordinateToPrice', 0));
  const options = call(call(main.series, 'priceScale'), 'options');
  const mode = get(options, 'mode');
  if (from === null || to === null || !(mode === 0 || mode === 1 || mode === 2 || mode === 3)) return null;
  const bar = call(main.series, 'dataByIndex', LAST, -1);
  const last = finiteOrNull(get(bar, 'close')) ?? finiteOrNull(get(bar, 'value'));
  return {
    kind: 'lwc',
    // lightweight-charts knows no symbol or interval: the page's URL and title say which market it is.
    symbol: null,
    interval: null,
    pane: { left: r.left, top: r.top, width: r.width, height: r.height },
    apiPaneHeight: main.height,
    scale: { from, to, mode, inverted: get(options, 'invertScale') === true },
    lastPrice: last !== null && last > 0 ? last : null,
    crosshair: null,
    viewport: { width: win.innerWidth, height: win.innerHeight },
    time: readLwcTime(chart, main.series),
  };
}
