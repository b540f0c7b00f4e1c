/** Fakes of lightweight-charts objects (the members the bridge reads), with hand-set geometry. */

export type RectLike = { left: number; top: number; width: number; height: number };

export interface SeriesOptions {
  /** Price at y = 0, and price per px downwards (negative when inverted). */
  top?: number;
  perPx?: number;
  data?: boolean;
  visible?: boolean;
  mode?: number;
  inverted?: boolean;
  last?: Record<string, unknown> | null;
  /** `seriesType()`: Candlestick unless said. */
  type?: string;
}

export function fakeSeries(o: SeriesOptions = {}) {
  const top = o.top ?? 100_000;
  const perPx = o.perPx ?? 25;
  return {
    coordinateToPrice: (y: number) => (o.data === false ? null : top - y * perPx),
    priceScale: () => ({ options: () => ({ mode: o.mode ?? 0, invertScale: o.inverted ?? false }) }),
    options: () => ({ visible: o.visible ?? true }),
    seriesType: () => o.type ?? 'Candlestick',
    dataByIndex: (index: number, direction: number) =>
      direction === -1 && index >= 1e6 ? (o.last === undefined ? { close: 95_000 } : o.last) : null,
  };
}

export const el = (rect: RectLike, extra: Record<string, unknown> = {}) => ({
  getBoundingClientRect: () => rect,
  ...extra,
});

export const td = (rect: RectLike) => el(rect, { tagName: 'TD' });

export interface ChartOptions {
  panes: ReturnType<typeof fakeSeries>[][];
  sizes?: { width: number; height: number }[];
  cells?: RectLike[];
  rect?: RectLike;
  connected?: boolean;
  doc?: object;
}

/** A v5 chart: panes() with getSeries() and the pane row (left axis, pane, right axis cells). */
export function fakeChartV5(o: ChartOptions) {
  const sizes = o.sizes ?? o.panes.map(() => ({ width: 700, height: 400 }));
  const cells =
    o.cells ?? sizes.map((s, i) => ({ left: 0, top: 50 + i * 401, width: s.width, height: s.height }));
  const rows = cells.map((c) => ({
    children: [td({ ...c, width: 0 }), td(c), td({ ...c, left: c.left + c.width, width: 60 })],
  }));
  const element = el(o.rect ?? { left: 0, top: 50, width: 760, height: 830 }, {
    isConnected: o.connected ?? true,
    ownerDocument: o.doc,
  });
  return {
    chartElement: () => element,
    panes: () => o.panes.map((series, i) => ({ getSeries: () => series, getHTMLElement: () => rows[i] })),
    paneSize: (i = 0) => sizes[i],
  };
}
