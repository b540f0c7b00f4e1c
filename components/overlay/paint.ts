import { paintLayers } from '../../lib/overlay/layers/painter';
import type { Canvas2D as LayerCanvas, TextSprites } from '../../lib/overlay/layers/types';
import type { PaintPlan } from '../../lib/overlay/paint-plan';

/** The part of CanvasRenderingContext2D the painters use (a recording fake in tests): the layers' one. */
export type Canvas2D = LayerCanvas;

/** `right`: right-aligned, vertically centred (band labels); `left`: left-aligned on the alphabetic baseline (lines). */
export type LabelAnchor = 'right' | 'left';

/**
 * Draws a haloed label from a cache of pre-rendered sprites (one drawImage instead of strokeText + fillText each
 * frame); returns false when it cannot, and the layer draws the text itself.
 */
export type LabelSprites = TextSprites;

/**
 * Clears the canvas and paints the plan's layers in order, in bitmap px (the layouts already did the device pixels).
 * `clear: false` for a canvas whose one layer clears it itself (the realised marks).
 */
export function paintPlan(ctx: Canvas2D, plan: PaintPlan, sprites?: LabelSprites | null, clear = true): void {
  if (clear) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, plan.width, plan.height);
  }
  paintLayers(ctx, plan.layers, {
    frame: plan.frame,
    width: plan.width,
    height: plan.height,
    font: plan.font,
    sprites: sprites ?? null,
  });
}
