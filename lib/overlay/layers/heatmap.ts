import { priceToYOn, ScaleMode } from '../../chart/price-to-y';
import type { HeatmapGrid } from '../../model/heatmap-grid';
import { type BitmapSource, type Frame, type HitTarget, type Layer, timeToX } from './types';

/** The grid and its pixels as a bitmap (`heatmapPixels`, made once per grid by the UI), row 0 the highest bin. */
export interface HeatmapData {
  grid: HeatmapGrid;
  bitmap: BitmapSource;
}

/** drawImage calls in bitmap px: source rect (cells) → destination rect, 8 numbers a slice. */
export interface HeatmapLayout {
  bitmap: BitmapSource;
  slices: Float64Array;
  count: number;
  /** CSS px: the left edge of column 0 and a column's width; for the DOM hook the tests read. */
  left: number;
  columnWidth: number;
  t0: number;
  columns: number;
}

/** Rows per slice on a log scale: within a slice the rows are spaced linearly, well under a pixel off. */
const LOG_SLICE_ROWS = 8;

/**
 * The heatmap in chart time: column j (the map at the close of the candle opening at `t0 + j·interval`) fills that
 * candle's slot on the chart's verified time axis, each bin its price rows; nothing without a verified axis. Painted
 * from the cached bitmap by a few scaled blits (one on a linear scale, a slice per few rows on a log scale, one a
 * row on an inverted scale), so a pan or zoom costs a handful of drawImage calls, never a per-cell loop.
 */
export const heatmapLayer: Layer<HeatmapData, HeatmapLayout> = {
  id: 'heatmap',
  surfaces: ['pane'],
  layout(data: HeatmapData, frame: Frame): HeatmapLayout | null {
    const axis = frame.time;
    if (!axis) return null;
    const { grid } = data;
    const columnWidth = (axis.spacing * grid.intervalMs) / axis.intervalMs;
    // A candle's slot starts half a spacing left of its centre.
    const left = timeToX(axis, grid.t0) - axis.spacing / 2;
    const j0 = Math.max(0, Math.floor(-left / columnWidth));
    const j1 = Math.min(grid.columns, Math.ceil((frame.width - left) / columnWidth));
    if (j1 <= j0) return null;
    const dpr = frame.dpr;
    const dx = (left + j0 * columnWidth) * dpr;
    const dw = (j1 - j0) * columnWidth * dpr;
    const toY = priceToYOn(frame.scale);
    if (!toY) return null;
    // Image row q is bin rowFrom + rows − 1 − q; its top edge is that bin's high price.
    const yOfRowTop = (q: number) => toY(grid.low + (grid.rowFrom + grid.rows - q) * grid.width);
    const inverted = frame.scale.from > frame.scale.to;
    const step = inverted ? 1 : frame.scale.mode === ScaleMode.Log ? LOG_SLICE_ROWS : grid.rows;
    const slices = new Float64Array(Math.ceil(grid.rows / step) * 8);
    let count = 0;
    for (let q0 = 0; q0 < grid.rows; q0 += step) {
      const q1 = Math.min(grid.rows, q0 + step);
      const a = yOfRowTop(q0);
      const b = yOfRowTop(q1);
      if (a === null || b === null) return null;
      const top = Math.min(a, b);
      const bottom = Math.max(a, b);
      if (bottom < 0 || top > frame.height) continue;
      const o = count * 8;
      slices[o] = j0;
      slices[o + 1] = q0;
      slices[o + 2] = j1 - j0;
      slices[o + 3] = q1 - q0;
      slices[o + 4] = dx;
      slices[o + 5] = top * dpr;
      slices[o + 6] = dw;
      slices[o + 7] = (bottom - top) * dpr;
      count++;
    }
    if (count === 0) return null;
    return { bitmap: data.bitmap, slices, count, left, columnWidth, t0: grid.t0, columns: grid.columns };
  },
  same(a, b) {
    if (a === b) return true;
    if (a.bitmap !== b.bitmap || a.count !== b.count) return false;
    for (let i = 0; i < a.count * 8; i++) if (a.slices[i] !== b.slices[i]) return false;
    return true;
  },
  paint(ctx, layout) {
    ctx.imageSmoothingEnabled = false;
    const s = layout.slices;
    for (let i = 0; i < layout.count; i++) {
      const o = i * 8;
      ctx.drawImage(
        layout.bitmap,
        s[o] as number,
        s[o + 1] as number,
        s[o + 2] as number,
        s[o + 3] as number,
        s[o + 4] as number,
        s[o + 5] as number,
        s[o + 6] as number,
        s[o + 7] as number,
      );
    }
    ctx.imageSmoothingEnabled = true;
  },
  hits(layout): readonly HitTarget[] {
    return [
      {
        key: 'heatmap',
        left: 0,
        top: 0,
        width: 0,
        height: 0,
        data: {
          'liqlens-heatmap': '',
          left: String(layout.left),
          'column-width': String(layout.columnWidth),
          t0: String(layout.t0),
          columns: String(layout.columns),
        },
      },
    ];
  },
};
