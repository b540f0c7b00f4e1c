import { paintLayers } from '../../lib/overlay/layers/painter';
import { paintPositions } from '../../lib/overlay/layers/positions';
import type { Canvas2D as LayerCanvas } from '../../lib/overlay/layers/types';
import type { PaintPlan } from '../../lib/overlay/paint-plan';

/** The part of CanvasRenderingContext2D the painters use (a recording fake in tests): the layers' one. */
export type Canvas2D = LayerCanvas;

/** `right`: right-aligned, vertically centred (band labels); `left`: left-aligned on the alphabetic baseline (lines). */
export type LabelAnchor = 'right' | 'left';

/**
 * Draws a haloed label from a cache of pre-rendered sprites (one drawImage instead of strokeText + fillText each
 * frame); returns false when it cannot, and the caller draws the text itself.
 */
export type LabelSprites = (
  ctx: Canvas2D,
  text: string,
  x: number,
  y: number,
  color: string,
  font: string,
  dpr: number,
  anchor: LabelAnchor,
) => boolean;

const TEXT = '#f4f6fb';
const HALO = 'rgba(10, 12, 18, 0.75)';

/** Paints a plan as it stands, in bitmap px, with no scaling transform: the plan already did the device pixels. */
export function paintPlan(ctx: Canvas2D, plan: PaintPlan, sprites?: LabelSprites): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, plan.width, plan.height);
  const layers = plan.layers;
  const layerContext = layers && {
    frame: layers.frame,
    width: plan.width,
    height: plan.height,
    font: plan.font,
    sprites: sprites ?? null,
  };
  if (layers && layerContext) paintLayers(ctx, layers.under, layerContext);
  const edge = Math.max(1, Math.round(plan.dpr));
  for (const band of plan.bands) {
    ctx.globalAlpha = band.alpha;
    ctx.fillStyle = band.color;
    ctx.fillRect(0, band.y, plan.width, band.h);
    // Firmer edges where the band's price is (a pane edge that cut it is not one).
    ctx.globalAlpha = Math.min(1, band.alpha * 2);
    if (band.clipped !== 'top' && band.clipped !== 'both')
      ctx.fillRect(0, band.y, plan.width, Math.min(edge, band.h));
    if (band.clipped !== 'bottom' && band.clipped !== 'both' && band.h > edge) {
      ctx.fillRect(0, band.y + band.h - edge, plan.width, edge);
    }
  }
  if (plan.positions) paintPositions(ctx, plan.positions.layout, plan.positions, plan.font);
  for (const line of plan.lines) {
    ctx.globalAlpha = line.kind === 'price' ? 0.9 : 0.75;
    ctx.strokeStyle = line.color;
    ctx.lineWidth = line.width;
    ctx.setLineDash(line.dash);
    ctx.beginPath();
    ctx.moveTo(0, line.y);
    ctx.lineTo(plan.width, line.y);
    ctx.stroke();
    if (line.label) {
      const { text, x, y } = line.label;
      // A sprite is an image: the dash does not apply to it. Text drawn directly needs the text state.
      if (sprites?.(ctx, text, x, y, line.color, plan.font, plan.dpr, 'left')) continue;
      ctx.setLineDash([]);
      textState(ctx, plan.font, 'left', 'alphabetic');
      halo(ctx, plan.dpr, text, x, y, line.color);
    }
  }
  if (plan.lines.length) ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  let direct = false;
  for (const label of plan.labels) {
    if (sprites?.(ctx, label.text, label.x, label.y, TEXT, plan.font, plan.dpr, 'right')) continue;
    if (!direct) textState(ctx, plan.font, 'right', 'middle');
    direct = true;
    halo(ctx, plan.dpr, label.text, label.x, label.y, TEXT);
  }
  if (layers && layerContext) paintLayers(ctx, layers.over, layerContext);
}

/** The state for text drawn directly (set only when a label has no sprite: each setter costs a call per frame). */
function textState(ctx: Canvas2D, font: string, align: CanvasTextAlign, baseline: CanvasTextBaseline) {
  ctx.font = font;
  ctx.lineJoin = 'round';
  ctx.textAlign = align;
  ctx.textBaseline = baseline;
}

export function halo(ctx: Canvas2D, dpr: number, text: string, x: number, y: number, color: string) {
  ctx.strokeStyle = HALO;
  ctx.lineWidth = 3 * dpr;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}
