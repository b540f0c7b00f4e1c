import { type AnyLayer, type Canvas2D, type Frame, type Layer, type PaintContext, Z_ORDER } from './types';

/** A layer with its layout for one frame. */
export interface LaidOut {
  layer: AnyLayer;
  layout: unknown;
}

/** What the painter draws this frame: each layer with its data (null: off or nothing). */
export interface LayerEntry {
  layer: AnyLayer;
  data: unknown;
}

/** Lays out, back to front, the layers that draw on this frame's surface and have something to draw. */
export function layoutLayers(entries: readonly LayerEntry[], frame: Frame): LaidOut[] {
  const out: LaidOut[] = [];
  for (const { layer, data } of entries) {
    if (data === null || data === undefined || !layer.surfaces.includes(frame.surface)) continue;
    const layout = layer.layout(data, frame);
    if (layout !== null) out.push({ layer, layout });
  }
  return out.sort((a, b) => Z_ORDER[a.layer.id] - Z_ORDER[b.layer.id]);
}

/** The two lists paint the same pixels (each layer judges its own layouts). */
export function sameLayers(a: readonly LaidOut[], b: readonly LaidOut[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as LaidOut;
    const y = b[i] as LaidOut;
    if (x.layer !== y.layer || !x.layer.same(x.layout, y.layout)) return false;
  }
  return true;
}

/** Paints the laid-out layers in order on a context whose transform is the identity. */
export function paintLayers(ctx: Canvas2D, laidOut: readonly LaidOut[], paint: PaintContext): void {
  for (const { layer, layout } of laidOut) layer.paint(ctx, layout, paint);
}

/** The layout a layer made this frame, or null when it is not drawn. */
export function layoutOf<L>(laidOut: readonly LaidOut[], layer: Layer<never, L>): L | null {
  for (const l of laidOut) if (l.layer === layer) return l.layout as L;
  return null;
}
