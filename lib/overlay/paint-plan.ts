import { type LaidOut, type LayerEntry, layoutLayers, sameLayers } from './layers/painter';
import { bitmapSize, type Frame, frameFont } from './layers/types';

/** One canvas's paint for a frame: its size in bitmap px, and its layers laid out back to front. */
export interface PaintPlan {
  width: number;
  height: number;
  dpr: number;
  /** The labels' font in bitmap px. */
  font: string;
  frame: Frame;
  layers: LaidOut[];
}

/** Bitmap device pixels per CSS px, never below 1 bitmap px per CSS px… nor absurd. */
export function usableDpr(dpr: number): number {
  return Number.isFinite(dpr) && dpr > 0 ? Math.min(dpr, 8) : 1;
}

/**
 * The layers that draw on the frame's surface, laid out for it (`layoutLayers`), with the canvas size in bitmap px
 * for the frame's devicePixelRatio (style.md item 4). Pure: tested without a canvas.
 */
export function planPaint(entries: readonly LayerEntry[], frame: Frame): PaintPlan {
  return {
    ...bitmapSize(frame),
    dpr: frame.dpr,
    font: frameFont(frame),
    frame,
    layers: layoutLayers(entries, frame),
  };
}

/**
 * Painting `next` would put exactly the pixels of `prev` on the canvas (same size, and each layer says its layouts
 * paint the same, `sameLayers`): the canvas keeps its bitmap. A pan by less than a device pixel repaints nothing.
 */
export function samePlan(prev: PaintPlan | null, next: PaintPlan): boolean {
  if (prev === next) return true;
  return (
    prev !== null &&
    prev.width === next.width &&
    prev.height === next.height &&
    prev.dpr === next.dpr &&
    sameLayers(prev.layers, next.layers)
  );
}
