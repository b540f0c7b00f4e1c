import { halo } from '../../lib/overlay/layers/text';
import type { PaintPlan } from '../../lib/overlay/paint-plan';
import { type Canvas2D, type LabelAnchor, type LabelSprites, paintPlan } from './paint';

interface Sprite {
  /** An ImageBitmap where the browser has OffscreenCanvas (cheaper to draw than a canvas), else the canvas. */
  image: CanvasImageSource;
  /** Where the text's anchor (right and middle, or left and alphabetic baseline) sits in the sprite (whole px). */
  ax: number;
  ay: number;
}

/** More distinct labels than any pane shows at once (bands per side × 2, a few price changes): an LRU-ish cap. */
const MAX_SPRITES = 64;
/** Labels looked up without a key: a pane's band labels and move lines (10 bands per side at most, and 2 lines). */
const RECENT = 24;

/**
 * Band labels (right-aligned, vertically centred) and move-line labels (left-aligned on their baseline) rendered once
 * to small canvases, then drawImage'd at whole bitmap px. The anchor is a whole pixel both here and on the pane, so
 * the glyphs rasterise exactly as a direct fillText would.
 */
export function createLabelSprites(doc: Document): LabelSprites {
  const cache = new Map<string, Sprite>();
  const Offscreen = doc.defaultView?.OffscreenCanvas;
  type Surface = {
    canvas: HTMLCanvasElement | OffscreenCanvas;
    ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  };
  /**
   * Where sprites are drawn. With OffscreenCanvas, one scratch canvas for all of them, each taken off it as an
   * ImageBitmap (drawn without a snapshot of a canvas each time, and the canvas is left blank for the next): a new
   * live price is a new label several times a second, and a canvas and context made for each cost more than the
   * rest of that frame. Without it, a canvas per sprite, drawn from as it is.
   */
  let scratch: Surface | null = null;
  const surface = (): Surface | null => {
    if (scratch) return scratch;
    const canvas = Offscreen ? new Offscreen(1, 1) : doc.createElement('canvas');
    const ctx = canvas.getContext('2d') as Surface['ctx'] | null;
    if (!ctx) return null;
    const made = { canvas, ctx };
    if (Offscreen) scratch = made;
    return made;
  };
  const build = (
    text: string,
    color: string,
    font: string,
    dpr: number,
    anchor: LabelAnchor,
  ): Sprite | null => {
    const drawn = surface();
    if (!drawn) return null;
    const { canvas, ctx } = drawn;
    ctx.font = font;
    const width = Math.ceil(ctx.measureText(text).width);
    const fontPx = Number.parseFloat(font) || 16;
    // The halo is stroked 3 × dpr wide: half of it outside the glyphs, plus a pixel for antialiasing.
    const pad = Math.ceil(1.5 * dpr) + 2;
    const half = Math.ceil(fontPx) + pad;
    // Resizing clears the canvas and resets the context's state (even to the same size).
    canvas.width = width + 2 * pad;
    canvas.height = 2 * half;
    ctx.font = font;
    ctx.lineJoin = 'round';
    // Room for a full font height above and below the anchor row: enough for centred text and for ascent/descent.
    ctx.textAlign = anchor;
    ctx.textBaseline = anchor === 'right' ? 'middle' : 'alphabetic';
    const sprite = { ax: anchor === 'right' ? width + pad : pad, ay: half };
    halo(ctx as unknown as Canvas2D, dpr, text, sprite.ax, sprite.ay, color);
    const image = 'transferToImageBitmap' in canvas ? canvas.transferToImageBitmap() : canvas;
    return { image, ax: sprite.ax, ay: sprite.ay };
  };
  // The same few labels come back frame after frame: the last lookups by their inputs, before building a key.
  const recent: {
    text: string;
    color: string;
    font: string;
    dpr: number;
    anchor: LabelAnchor;
    sprite: Sprite;
  }[] = [];
  return (ctx, text, x, y, color, font, dpr, anchor) => {
    if (!Number.isInteger(x) || !Number.isInteger(y)) return false;
    for (const r of recent) {
      if (r.text === text && r.color === color && r.font === font && r.dpr === dpr && r.anchor === anchor) {
        ctx.drawImage(r.sprite.image, x - r.sprite.ax, y - r.sprite.ay);
        return true;
      }
    }
    const key = `${anchor}|${font}|${dpr}|${color}|${text}`;
    let sprite = cache.get(key);
    if (!sprite) {
      const built = build(text, color, font, dpr, anchor);
      if (!built) return false;
      sprite = built;
      if (cache.size >= MAX_SPRITES) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(key, sprite);
    }
    recent.unshift({ text, color, font, dpr, anchor, sprite });
    if (recent.length > RECENT) recent.pop();
    ctx.drawImage(sprite.image, x - sprite.ax, y - sprite.ay);
    return true;
  };
}

/**
 * Draws paint plans on one canvas, with that canvas's own label sprites (made on its first paint); `clear: false` for
 * the realised marks' canvas, which the marks painter clears itself.
 */
export function createPlanDraw(
  clear = true,
): (ctx: CanvasRenderingContext2D, plan: PaintPlan, canvas: HTMLCanvasElement) => void {
  let sprites: LabelSprites | null = null;
  return (ctx, plan, canvas) => {
    sprites ??= createLabelSprites(canvas.ownerDocument);
    paintPlan(ctx, plan, sprites, clear);
  };
}
