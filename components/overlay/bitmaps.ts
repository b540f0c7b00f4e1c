import type { Canvas2D } from '../../lib/overlay/layers/types';

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * A bitmap of `width` × `height` px drawn once by `draw`, to blit on every frame after: an ImageBitmap where the
 * browser has OffscreenCanvas (drawImage then takes no snapshot of a canvas each time), else the canvas itself.
 * Null when no 2D context can be had (or for an empty size).
 */
export function makeBitmap(
  doc: Document,
  width: number,
  height: number,
  draw: (ctx: Context2D) => void,
): CanvasImageSource | null {
  if (!(width >= 1 && height >= 1)) return null;
  const Offscreen = doc.defaultView?.OffscreenCanvas;
  if (Offscreen) {
    const off = new Offscreen(width, height);
    const ctx = off.getContext('2d');
    if (!ctx) return null;
    draw(ctx);
    return off.transferToImageBitmap();
  }
  const canvas = doc.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  draw(ctx);
  return canvas;
}

/** `makeBitmap` as a layer's data hands it over: drawing through the layers' Canvas2D. */
export const bitmapMaker =
  (doc: Document) =>
  (width: number, height: number, draw: (ctx: Canvas2D) => void): CanvasImageSource | null =>
    makeBitmap(doc, width, height, (ctx) => draw(ctx as unknown as Canvas2D));
