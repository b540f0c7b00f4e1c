import type { Canvas2D } from './types';

/** Label text colour, and the dark halo around it that keeps it readable over any chart. */
export const TEXT = '#f4f6fb';
const HALO = 'rgba(10, 12, 18, 0.75)';

/** The state for text drawn directly (set only when a label has no sprite: each setter costs a call per frame). */
export function textState(ctx: Canvas2D, font: string, align: CanvasTextAlign, baseline: CanvasTextBaseline) {
  ctx.font = font;
  ctx.lineJoin = 'round';
  ctx.textAlign = align;
  ctx.textBaseline = baseline;
}

/** A text over its halo (stroked 3 × dpr wide), in the context's current font and alignment. */
export function halo(ctx: Canvas2D, dpr: number, text: string, x: number, y: number, color: string) {
  ctx.strokeStyle = HALO;
  ctx.lineWidth = 3 * dpr;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}
