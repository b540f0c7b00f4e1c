import { type PriceScale, priceToY } from '../../chart/price-to-y';
import type { Bins } from '../../model/cluster-view';
import { type Canvas2D, type Layer, sameItems } from './types';

/**
 * The layer "Hyperliquid: real positions": the real map of lib/hl-positions drawn unlike the estimate's filled
 * bands: dashed outline ticks growing from the pane's left edge, one per pixel row that holds real liquidations,
 * their length the square root of the row's share of the largest (so small clusters stay visible), and a caption
 * naming the venue. Pure `data → layout → paint` (`positionsLayer`).
 */
export interface PositionsData {
  bins: Bins;
  longColor: string;
  shortColor: string;
}

/** What the layout needs of a frame (a subset of the layers' `Frame`). */
export interface PositionsFrame {
  width: number;
  height: number;
  dpr: number;
  scale: PriceScale;
}

export interface PositionTick {
  side: 'long' | 'short';
  /** Bitmap px: the tick's row (a pixel centre) and its length from the left edge. */
  y: number;
  length: number;
  usd: number;
}

export interface PositionsLayout {
  width: number;
  height: number;
  dpr: number;
  ticks: PositionTick[];
  caption: { text: string; x: number; y: number };
  longColor: string;
  shortColor: string;
}

/** The longest tick, CSS px: well left of the band labels and the right-edge lanes. */
export const MAX_TICK_CSS = 90;
export const CAPTION = 'Hyperliquid: real positions';

/**
 * Bins → ticks for this frame: each bin's centre through the scale, bins on the same bitmap row (a zoomed-out
 * pane) summed into one tick, rows outside the pane left out. O(bins).
 */
export function layoutPositions(data: PositionsData, frame: PositionsFrame): PositionsLayout | null {
  const { bins } = data;
  const dpr = frame.dpr;
  const rows = new Map<number, { long: number; short: number }>();
  const maxRow = Math.round(frame.height * dpr) - 1;
  for (let k = 0; k < bins.long.length; k++) {
    const long = bins.long[k] as number;
    const short = bins.short[k] as number;
    if (long === 0 && short === 0) continue;
    const y = priceToY(frame.scale, bins.low + (k + 0.5) * bins.width);
    if (y === null) return null;
    const row = Math.round(y * dpr);
    if (row < 0 || row > maxRow) continue;
    const sums = rows.get(row) ?? { long: 0, short: 0 };
    sums.long += long;
    sums.short += short;
    rows.set(row, sums);
  }
  let max = 0;
  for (const s of rows.values()) max = Math.max(max, s.long, s.short);
  const ticks: PositionTick[] = [];
  if (max > 0) {
    const full = MAX_TICK_CSS * dpr;
    for (const [row, s] of [...rows].sort((a, b) => a[0] - b[0])) {
      for (const side of ['long', 'short'] as const) {
        const usd = s[side];
        if (usd <= 0) continue;
        ticks.push({
          side,
          y: row + 0.5,
          length: Math.max(2 * dpr, Math.round(full * Math.sqrt(usd / max))),
          usd,
        });
      }
    }
  }
  return {
    width: Math.round(frame.width * dpr),
    height: Math.round(frame.height * dpr),
    dpr,
    ticks,
    caption: { text: CAPTION, x: Math.round(4 * dpr), y: Math.round(14 * dpr) },
    longColor: data.longColor,
    shortColor: data.shortColor,
  };
}

/** Two layouts paint the same pixels. */
export function samePositions(a: PositionsLayout | null, b: PositionsLayout | null): boolean {
  if (a === b) return true;
  if (
    !a ||
    !b ||
    a.width !== b.width ||
    a.height !== b.height ||
    a.longColor !== b.longColor ||
    a.shortColor !== b.shortColor
  )
    return false;
  return sameItems(a.ticks, b.ticks, (p, q) => p.y === q.y && p.length === q.length && p.side === q.side);
}

/** The part of a 2D context the layer uses. */
export type PositionsCanvas = Pick<
  Canvas2D,
  | 'globalAlpha'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'stroke'
  | 'setLineDash'
  | 'fillText'
>;

/** Layout → pixels on a context in bitmap px; leaves alpha at 1 and the dash empty. */
export function paintPositions(
  ctx: PositionsCanvas,
  layout: PositionsLayout,
  data: Pick<PositionsData, 'longColor' | 'shortColor'>,
  font: string,
): void {
  if (layout.ticks.length === 0) return;
  const dpr = layout.dpr;
  ctx.globalAlpha = 0.95;
  ctx.lineWidth = Math.max(1, Math.round(dpr));
  ctx.setLineDash([3 * dpr, 2 * dpr]);
  for (const side of ['long', 'short'] as const) {
    ctx.strokeStyle = side === 'long' ? data.longColor : data.shortColor;
    ctx.beginPath();
    for (const t of layout.ticks) {
      if (t.side !== side) continue;
      ctx.moveTo(0, t.y);
      ctx.lineTo(t.length, t.y);
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.font = font;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#f4f6fb';
  ctx.fillText(layout.caption.text, layout.caption.x, layout.caption.y);
  ctx.globalAlpha = 1;
}

/** The layer on the pane (its ticks grow from the left edge, wider than the ladder). */
export const positionsLayer: Layer<PositionsData, PositionsLayout> = {
  id: 'positions',
  surfaces: ['pane'],
  layout: layoutPositions,
  same: samePositions,
  paint: (ctx, layout, { font }) => paintPositions(ctx, layout, layout, font),
};
