import { type Canvas2D, halo, type LabelAnchor, type LabelSprites } from './paint';

interface Sprite {
  canvas: HTMLCanvasElement;
  /** Where the text's anchor (right and middle, or left and alphabetic baseline) sits in the sprite (whole px). */
  ax: number;
  ay: number;
}

/** More distinct labels than any pane shows at once (bands per side × 2, a few price changes): an LRU-ish cap. */
const MAX_SPRITES = 64;

/**
 * Band labels (right-aligned, vertically centred) and move-line labels (left-aligned on their baseline) rendered once to small canvases, then drawImage'd at whole bitmap px.
 * The anchor is a whole pixel both here and on the pane, so the glyphs rasterise exactly as a direct fillText would.
 */
export function createLabelSprites(doc: Document): LabelSprites {
  const cache = new Map<string, Sprite>();
  const build = (
    text: string,
    color: string,
    font: string,
    dpr: number,
    anchor: LabelAnchor,
  ): Sprite | null => {
    const canvas = doc.createElement('canvas');
    const sctx = canvas.getContext('2d');
    if (!sctx) return null;
    sctx.font = font;
    const width = Math.ceil(sctx.measureText(text).width);
    const fontPx = Number.parseFloat(font) || 16;
    // The halo is stroked 3 × dpr wide: half of it outside the glyphs, plus a pixel for antialiasing.
    const pad = Math.ceil(1.5 * dpr) + 2;
    const half = Math.ceil(fontPx) + pad;
    canvas.width = width + 2 * pad;
    canvas.height = 2 * half;
    // Resizing resets the context's state.
    sctx.font = font;
    sctx.lineJoin = 'round';
    // Room for a full font height above and below the anchor row: enough for centred text and for ascent/descent.
    sctx.textAlign = anchor;
    sctx.textBaseline = anchor === 'right' ? 'middle' : 'alphabetic';
    const sprite = { canvas, ax: anchor === 'right' ? width + pad : pad, ay: half };
    halo(sctx as unknown as Canvas2D, dpr, text, sprite.ax, sprite.ay, color);
    return sprite;
  };
  return (ctx, text, x, y, color, font, dpr, anchor) => {
    if (!Number.isInteger(x) || !Number.isInteger(y)) return false;
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
    ctx.drawImage(sprite.canvas, x - sprite.ax, y - sprite.ay);
    return true;
  };
}
