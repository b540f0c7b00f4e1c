import {
  type BandRect,
  type DisplayOptions,
  type EdgeMarker,
  layoutOverlay,
  type PriceLine,
} from '../../chart/layout';
import { priceToY } from '../../chart/price-to-y';
import type { Band, BandVenue, Side } from '../../model/cluster-view';
import { bitmapSize, type Frame, type HitTarget, type Layer, RIGHT_LANES, sameItems } from './types';

/** The estimated map's bands and how to show them; the bands, labels and lines layers share one object. */
export interface BandsData {
  bands: readonly Band[];
  display: DisplayOptions;
}

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
  /** Unclipped CSS y of the band's high and low price from the surface's scale (null when unmappable). */
  yHigh: number | null;
  yLow: number | null;
  /** Which edge cut the band (then that painted edge is the surface's, not the price's). */
  clipped: 'top' | 'bottom' | 'both' | null;
  /** Drawn at least the layout's minimum height although its prices span less. */
  widened: boolean;
}

export interface BandsLayout {
  /** Canvas size in bitmap px. */
  width: number;
  height: number;
  dpr: number;
  bands: PaintBand[];
  /** The layout's rectangle of each band, in the same order (its label text, the band itself). */
  rects: BandRect[];
  /** The largest bands off the surface's top and bottom edges (DOM markers, drawn by the host). */
  edges: EdgeMarker[];
  /** The at-risk move's price lines in CSS px, for the lines layer. */
  lines: PriceLine[];
}

/** Where a band's hit element is keyed: the same band keeps its element while the chart pans. */
export const bandKey = (b: Pick<PaintBand, 'side' | 'low' | 'high'>) => `${b.side}:${b.low}:${b.high}`;

/** The ladder's hit rows are at least this tall (CSS px), so a one-row band can still be hovered. */
export const LADDER_HIT_MIN_CSS = 3;

function clippedEdge(top: number | null, bottom: number | null, height: number): PaintBand['clipped'] {
  if (top === null || bottom === null) return null;
  const cutTop = top < 0;
  const cutBottom = bottom > height;
  return cutTop && cutBottom ? 'both' : cutTop ? 'top' : cutBottom ? 'bottom' : null;
}

/** The last layout made: the bands, labels and lines layers of one frame share it (one `layoutOverlay` a frame). */
const last: { data: BandsData | null; frame: Frame | null; layout: BandsLayout | null } = {
  data: null,
  frame: null,
  layout: null,
};

/**
 * The bands in view for this frame (lib/chart/layout picks them and gives their rows in CSS px), rounded to whole
 * device rows once, here: the hit elements take the same rounded rows back in CSS px, so the DOM the tests measure is
 * exactly what was painted. Memoised on the (data, frame) pair, so the layers of one frame lay it out once.
 */
export function bandsLayout(data: BandsData, frame: Frame): BandsLayout {
  if (last.layout && last.data === data && last.frame === frame) return last.layout;
  const { dpr, scale } = frame;
  const { width, height } = bitmapSize(frame);
  const overlay = layoutOverlay({ bands: data.bands, price: frame.price, scale, display: data.display });
  const bands: PaintBand[] = [];
  for (const rect of overlay.rects) {
    const y0 = Math.round(rect.top * dpr);
    const y1 = Math.min(height, Math.max(y0 + 1, Math.round(rect.bottom * dpr)));
    const yHigh = priceToY(scale, rect.band.high);
    const yLow = priceToY(scale, rect.band.low);
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
      clipped: clippedEdge(top, bottom, frame.height),
      widened: top !== null && bottom !== null && rect.bottom - rect.top > bottom - top + 1e-9,
    });
  }
  const layout = {
    width,
    height,
    dpr,
    bands,
    rects: overlay.rects,
    edges: overlay.edges,
    lines: overlay.lines,
  };
  last.data = data;
  last.frame = frame;
  last.layout = layout;
  return layout;
}

/** A hit element's fixed texts, made once per band object (not on every frame of a pan). */
interface BandTexts {
  key: string;
  low: string;
  high: string;
  usd: string;
  hover: string;
}
const texts = new WeakMap<Band, BandTexts>();

function bandTexts(band: Band | undefined, b: PaintBand): BandTexts {
  let t = band && texts.get(band);
  if (!t) {
    t = {
      key: bandKey(b),
      low: String(b.low),
      high: String(b.high),
      usd: String(b.notionalUsd),
      hover: `${b.side === 'long' ? 'Longs' : 'Shorts'} ${b.low}–${b.high}`,
    };
    if (band) texts.set(band, t);
  }
  return t;
}

function sameBand(a: PaintBand, b: PaintBand): boolean {
  return a.y === b.y && a.h === b.h && a.color === b.color && a.alpha === b.alpha && a.clipped === b.clipped;
}

/**
 * The estimated bands: each filled across the surface on its device rows, opacity by size, with firmer edges where
 * its prices are. Its layout always exists (maybe with no band), since the host reads the edge markers from it.
 */
export const bandsLayer: Layer<BandsData, BandsLayout> = {
  id: 'bands',
  surfaces: ['pane', 'ladder'],
  layout: bandsLayout,
  same(a, b) {
    if (a === b) return true;
    return a.width === b.width && a.height === b.height && sameItems(a.bands, b.bands, sameBand);
  },
  paint(ctx, layout) {
    const edge = Math.max(1, Math.round(layout.dpr));
    for (const band of layout.bands) {
      ctx.globalAlpha = band.alpha;
      ctx.fillStyle = band.color;
      ctx.fillRect(0, band.y, layout.width, band.h);
      // Firmer edges where the band's price is (an edge of the surface that cut it is not one).
      ctx.globalAlpha = Math.min(1, band.alpha * 2);
      if (band.clipped !== 'top' && band.clipped !== 'both')
        ctx.fillRect(0, band.y, layout.width, Math.min(edge, band.h));
      if (band.clipped !== 'bottom' && band.clipped !== 'both' && band.h > edge)
        ctx.fillRect(0, band.y + band.h - edge, layout.width, edge);
    }
    ctx.globalAlpha = 1;
  },
  /**
   * One hover target per band on exactly its painted rows: on the pane a strip in the right-edge `strip` lane
   * (`data-liqlens-band`, with the band's unclipped rows for the tests), on the ladder its whole width
   * (`data-liqlens-ladder-band`).
   */
  hits(layout, frame): readonly HitTarget[] {
    const pane = frame.surface === 'pane';
    const strip = RIGHT_LANES.strip.width;
    return layout.bands.map((b, i): HitTarget => {
      const t = bandTexts(layout.rects[i]?.band, b);
      return {
        key: t.key,
        left: pane ? frame.width - strip : 0,
        top: b.cssTop,
        width: pane ? strip : frame.width,
        height: pane ? b.cssHeight : Math.max(b.cssHeight, LADDER_HIT_MIN_CSS),
        data: pane
          ? {
              'liqlens-band': b.side,
              low: t.low,
              high: t.high,
              usd: t.usd,
              'y-high': b.yHigh === null ? null : String(b.yHigh),
              'y-low': b.yLow === null ? null : String(b.yLow),
              clipped: b.clipped,
              widened: b.widened ? 'true' : null,
            }
          : { 'liqlens-ladder-band': b.side, low: t.low, high: t.high, usd: t.usd },
        hover: t.hover,
      };
    });
  },
};
