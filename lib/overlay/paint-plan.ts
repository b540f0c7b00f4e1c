import { bandTexts, type OverlayLayout, type PriceLine } from '../chart/layout';
import { type PriceScale, priceToY } from '../chart/price-to-y';
import type { BandVenue, Side } from '../model/cluster-view';
import { type LaidOut, sameLayers } from './layers/painter';
import { layoutPositions, type PositionsData, type PositionsLayout, samePositions } from './layers/positions';
import type { Frame } from './layers/types';

/** One band as painted: bitmap rows for the canvas, and the same rows in CSS px for its DOM hit element. */
export interface PaintBand {
  side: Side;
  low: number;
  high: number;
  notionalUsd: number;
  share: number;
  /** The band's split across venues, largest first (empty for views stored before the model had it). */
  venues: readonly BandVenue[];
  color: string;
  alpha: number;
  /** Bitmap px: the painted rows are [y, y + h). */
  y: number;
  h: number;
  /** The painted rows in CSS px (y / dpr, h / dpr): exactly where the hit element goes. */
  cssTop: number;
  cssHeight: number;
  /** Unclipped CSS y of the band's high and low price from the pane's scale (null when unmappable). */
  yHigh: number | null;
  yLow: number | null;
  /** Which pane edge cut the band (then that painted edge is the pane's, not the price's). */
  clipped: 'top' | 'bottom' | 'both' | null;
  /** Drawn at least MIN_BAND_PX tall although its prices span less. */
  widened: boolean;
}

export interface PaintLabel {
  text: string;
  /** Bitmap px; right-aligned at x, vertically centred on y. */
  x: number;
  y: number;
  color: string;
}

export interface PaintLine {
  kind: PriceLine['kind'] | 'price';
  price: number;
  /** Bitmap px, at a pixel centre for odd widths so that the line is crisp. */
  y: number;
  width: number;
  dash: number[];
  color: string;
  label: { text: string; x: number; y: number } | null;
}

export interface PaintPlan {
  /** Canvas size in bitmap px. */
  width: number;
  height: number;
  dpr: number;
  /** CSS font shorthand in bitmap px. */
  font: string;
  bands: PaintBand[];
  labels: PaintLabel[];
  lines: PaintLine[];
  /** The other layers (heatmap behind the bands, profile and the rest in front), laid out for `frame`. */
  layers?: { frame: Frame; under: LaidOut[]; over: LaidOut[] };
  /** The layer "Hyperliquid: real positions" (lib/overlay/layers/positions.ts), when it is on and has data. */
  positions?: { layout: PositionsLayout; longColor: string; shortColor: string } | null;
}

export interface PlanOptions {
  /** Pane (or ladder) size in CSS px. */
  width: number;
  height: number;
  dpr: number;
  scale: PriceScale;
  /** The live price, for the short labels' distances. */
  price: number;
  /** `full`: "Shorts $9.6B · +2.0 %" (the layout's); `short`: "$9.6B +2.0 %" for the narrow ladder. */
  labels: 'full' | 'short' | 'none';
  /** Space kept free at the right edge for the hover strip, CSS px. */
  rightInsetCss: number;
  fontCss: number;
  lineColor: string;
  /** CSS px at the top and bottom kept free of labels (the ladder's edge notes sit there). */
  labelMarginCss?: { top: number; bottom: number };
  /** Also draw a solid line at this price (the ladder's current price). */
  priceLine?: number | null;
  /** Hyperliquid's real positions, drawn as their own layer. */
  positions?: PositionsData | null;
}

/** Bitmap device pixels per CSS px, never below 1 bitmap px per CSS px… nor absurd. */
export function usableDpr(dpr: number): number {
  return Number.isFinite(dpr) && dpr > 0 ? Math.min(dpr, 8) : 1;
}

function clippedEdge(top: number | null, bottom: number | null, height: number): PaintBand['clipped'] {
  if (top === null || bottom === null) return null;
  const cutTop = top < 0;
  const cutBottom = bottom > height;
  return cutTop && cutBottom ? 'both' : cutTop ? 'top' : cutBottom ? 'bottom' : null;
}

/**
 * Layout (pane CSS px) → what to paint, in bitmap px for the canvas's devicePixelRatio (style.md item 4). Rows are
 * rounded to whole device pixels once, here, and the hit elements take the same rounded rows back in CSS px, so the
 * DOM the tests measure is exactly what was painted. Pure: tested without a canvas.
 */
export function planPaint(layout: OverlayLayout, options: PlanOptions): PaintPlan {
  const dpr = usableDpr(options.dpr);
  const width = Math.max(1, Math.round(options.width * dpr));
  const height = Math.max(1, Math.round(options.height * dpr));
  const fontPx = Math.round(options.fontCss * dpr);
  const bands: PaintBand[] = [];
  for (const rect of layout.rects) {
    const y0 = Math.round(rect.top * dpr);
    const y1 = Math.min(height, Math.max(y0 + 1, Math.round(rect.bottom * dpr)));
    const yHigh = priceToY(options.scale, rect.band.high);
    const yLow = priceToY(options.scale, rect.band.low);
    const top = yHigh === null || yLow === null ? null : Math.min(yHigh, yLow);
    const bottom = yHigh === null || yLow === null ? null : Math.max(yHigh, yLow);
    bands.push({
      side: rect.side,
      low: rect.band.low,
      high: rect.band.high,
      notionalUsd: rect.band.notionalUsd,
      share: rect.band.share,
      venues: rect.band.venues ?? [],
      color: rect.color,
      alpha: rect.alpha,
      y: y0,
      h: y1 - y0,
      cssTop: y0 / dpr,
      cssHeight: (y1 - y0) / dpr,
      yHigh,
      yLow,
      clipped: clippedEdge(top, bottom, options.height),
      widened: top !== null && bottom !== null && rect.bottom - rect.top > bottom - top + 1e-9,
    });
  }

  const labels: PaintLabel[] = [];
  if (options.labels !== 'none') {
    const boxH = fontPx + Math.round(4 * dpr);
    const x = width - Math.round((options.rightInsetCss + 4) * dpr);
    const marginTop = Math.round((options.labelMarginCss?.top ?? 0) * dpr);
    const marginBottom = Math.round((options.labelMarginCss?.bottom ?? 0) * dpr);
    const placed: number[] = [];
    // Largest bands claim their label row first; a label that would overlap a placed one is left out.
    const order = [...layout.rects.keys()].sort(
      (a, b) => (layout.rects[b]?.band.notionalUsd ?? 0) - (layout.rects[a]?.band.notionalUsd ?? 0),
    );
    for (const i of order) {
      const rect = layout.rects[i];
      const band = bands[i];
      if (!rect || !band) continue;
      const centre = Math.min(
        Math.max(band.y + band.h / 2, boxH / 2 + marginTop),
        height - boxH / 2 - marginBottom,
      );
      if (placed.some((y) => Math.abs(y - centre) < boxH)) continue;
      placed.push(centre);
      const text = options.labels === 'full' ? rect.label : bandTexts(rect.band, options.price).short;
      labels.push({ text, x, y: Math.round(centre), color: rect.color });
    }
  }

  const lineWidth = Math.max(1, Math.round(dpr));
  const crisp = (cssY: number) => Math.round(cssY * dpr) + (lineWidth % 2 === 1 ? 0.5 : 0);
  const lines: PaintLine[] = layout.lines.map((line) => ({
    kind: line.kind,
    price: line.price,
    y: crisp(line.y),
    width: lineWidth,
    dash: [4 * dpr, 4 * dpr],
    color: options.lineColor,
    // The label's baseline on a whole bitmap row (the line itself may sit at a pixel centre): drawn from a sprite.
    label: {
      text: line.label,
      x: Math.round(4 * dpr),
      y:
        Math.round(line.y * dpr) +
        (line.kind === 'move-up' ? -Math.round(3 * dpr) : Math.round(3 * dpr) + fontPx),
    },
  }));
  if (options.priceLine != null) {
    const y = priceToY(options.scale, options.priceLine);
    if (y !== null && y >= 0 && y <= options.height - 1) {
      lines.push({
        kind: 'price',
        price: options.priceLine,
        y: crisp(y),
        width: lineWidth,
        dash: [],
        color: options.lineColor,
        label: null,
      });
    }
  }
  const positionsLayout = options.positions
    ? layoutPositions(options.positions, {
        width: options.width,
        height: options.height,
        dpr,
        scale: options.scale,
      })
    : null;
  const plan: PaintPlan = {
    width,
    height,
    dpr,
    font: `${fontPx}px system-ui, -apple-system, "Segoe UI", sans-serif`,
    bands,
    labels,
    lines,
  };
  if (positionsLayout && options.positions) {
    plan.positions = {
      layout: positionsLayout,
      longColor: options.positions.longColor,
      shortColor: options.positions.shortColor,
    };
  }
  return plan;
}

function sameBand(a: PaintBand, b: PaintBand): boolean {
  return a.y === b.y && a.h === b.h && a.color === b.color && a.alpha === b.alpha && a.clipped === b.clipped;
}

function sameLabel(a: PaintLabel, b: PaintLabel): boolean {
  return a.text === b.text && a.x === b.x && a.y === b.y && a.color === b.color;
}

function sameLine(a: PaintLine, b: PaintLine): boolean {
  return (
    a.kind === b.kind &&
    a.y === b.y &&
    a.width === b.width &&
    a.color === b.color &&
    a.dash.length === b.dash.length &&
    a.dash.every((d, i) => d === b.dash[i]) &&
    (a.label === b.label ||
      (a.label !== null &&
        b.label !== null &&
        a.label.text === b.label.text &&
        a.label.x === b.label.x &&
        a.label.y === b.label.y))
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}

/**
 * True when painting `next` would put exactly the pixels of `prev` on the canvas (same size, rows, colours, texts
 * and places; prices and notionals that paint nothing are not compared): the canvas keeps its bitmap. A pan by less
 * than a device pixel, or a new view with the same rows, repaints nothing.
 */
export function samePaint(prev: PaintPlan | null, next: PaintPlan): boolean {
  if (prev === next) return true;
  return (
    prev !== null &&
    prev.width === next.width &&
    prev.height === next.height &&
    prev.dpr === next.dpr &&
    prev.font === next.font &&
    sameList(prev.bands, next.bands, sameBand) &&
    sameList(prev.labels, next.labels, sameLabel) &&
    sameList(prev.lines, next.lines, sameLine) &&
    sameLayers(prev.layers?.under ?? [], next.layers?.under ?? []) &&
    sameLayers(prev.layers?.over ?? [], next.layers?.over ?? []) &&
    samePositions(prev.positions?.layout ?? null, next.positions?.layout ?? null) &&
    prev.positions?.longColor === next.positions?.longColor &&
    prev.positions?.shortColor === next.positions?.shortColor
  );
}
