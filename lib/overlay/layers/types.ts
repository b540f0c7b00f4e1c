import type { PriceScale } from '../../chart/price-to-y';

/**
 * The overlay's drawing, as layers. Each layer is a pure `data → layout → paint`, the way lightweight-charts'
 * series primitives are built (a pane view turns data into a renderer for the current geometry; the renderer only
 * draws): `layout` maps the layer's data through the frame's scales to CSS px, `paint` draws that layout in bitmap
 * px on a context it is handed. One painter (`painter.ts`) runs the layers in `zOrder` on one canvas, for the chart
 * pane and for the docked ladder alike.
 *
 * Contract for a layer:
 * - `layout` and `paint` are pure of the DOM: no `document`, no `window`; `paint` gets everything it needs in the
 *   layout and the frame (cached bitmaps travel in the data, see `BitmapSource`).
 * - `layout` runs on every frame of a pan for every layer: keep it O(what is drawn), allocate little, and cache
 *   per data object (a WeakMap keyed by the data) whatever does not depend on the frame.
 * - `same(a, b)` says two layouts paint the same pixels, so a frame that changes nothing repaints nothing.
 * - A layer that cannot map its data (no verified time axis, an unusable scale) returns `null`: nothing drawn,
 *   never something shifted (fail closed).
 */

/** Where the painter draws: the validated chart pane, or the docked price ladder (its own linear scale). */
export type Surface = 'pane' | 'ladder';

/** The layers, by id; the painter draws them in `Z_ORDER`. */
export type LayerId = 'heatmap' | 'bands' | 'profile' | 'prints' | 'positions' | 'lines' | 'labels';

/** Back to front: the heatmap behind everything, the price lines and then the band labels on top. */
export const Z_ORDER: Record<LayerId, number> = {
  heatmap: 0,
  bands: 10,
  profile: 20,
  prints: 30,
  positions: 40,
  lines: 45,
  labels: 50,
};

/**
 * A verified mapping from chart time to pane x: `x = x0 + (t − t0) / intervalMs × spacing` (candles are evenly
 * spaced on the chart's time scale, one per interval; crypto markets have no session gaps). Only handed to layers
 * after the overlay's self-check at known candles passed (`lib/chart/time-axis.ts`); otherwise the frame's
 * `time` is null.
 */
export interface TimeAxis {
  /** Open time (ms) of a reference candle, and the x (CSS px, pane-relative) of its centre. */
  t0: number;
  x0: number;
  /** CSS px between neighbouring candles' centres (> 0). */
  spacing: number;
  /** The chart's candle duration in ms. */
  intervalMs: number;
}

/** Pane x (CSS px) of the centre of the candle opening at `time` (ms). */
export function timeToX(axis: TimeAxis, time: number): number {
  return axis.x0 + ((time - axis.t0) / axis.intervalMs) * axis.spacing;
}

/** What every layer's layout gets for one frame: geometry only, no data. */
export interface Frame {
  surface: Surface;
  /** Drawing area in CSS px (the pane, axes excluded; or the ladder's canvas). */
  width: number;
  height: number;
  /** Bitmap px per CSS px (already made usable: finite, 1..8). */
  dpr: number;
  /** Price → y for this surface (`priceToY`). */
  scale: PriceScale;
  /** Time → x; null on the ladder and whenever the chart's time scale could not be verified. */
  time: TimeAxis | null;
  /** The live price the figures are measured from. */
  price: number;
}

/** A frame's canvas in bitmap px: its CSS size at its devicePixelRatio, rounded, at least 1 × 1. */
export function bitmapSize(frame: Frame): { width: number; height: number } {
  return {
    width: Math.max(1, Math.round(frame.width * frame.dpr)),
    height: Math.max(1, Math.round(frame.height * frame.dpr)),
  };
}

/**
 * Horizontal lanes along the surface's right edge, in CSS px measured from the right edge leftwards, so that the
 * layers that live there never draw over each other:
 * - `marks`: realised-print marks; the prints layer keeps them left of the strips (`strip.width` in);
 * - `strip`: the bands' DOM hover strips (`[data-liqlens-band]`, 14 px, the only pointer target), at the edge, over
 *   the profile's outer part;
 * - `profile`: the whole-map histogram, bars growing leftwards from `profile.right`;
 * - `labels`: band labels are right-aligned at `labels.right` (left of the profile's widest bar).
 */
export const RIGHT_LANES = {
  marks: { right: 0, width: 6 },
  strip: { right: 0, width: 14 },
  profile: { right: 6, width: 56 },
  labels: { right: 66 },
} as const;

/**
 * Lanes on the narrow ladder: the profile is drawn thinner there, and band labels stay at the edge, over the profile
 * (they are haloed): 150 px cannot hold a move line's label, a band label and the profile side by side, and labels
 * left of the profile would run into the move lines' labels.
 */
export const LADDER_LANES = {
  marks: { right: 0, width: 4 },
  strip: { right: 0, width: 0 },
  profile: { right: 4, width: 24 },
  labels: { right: 2 },
} as const;

export type Lanes = typeof RIGHT_LANES | typeof LADDER_LANES;

export function lanesFor(surface: Surface): Lanes {
  return surface === 'pane' ? RIGHT_LANES : LADDER_LANES;
}

/** Text size of the layers' labels, CSS px: the pane's, and the narrower ladder's. */
export const FONT_CSS: Record<Surface, number> = { pane: 11, ladder: 10 };

/** The labels' font in bitmap px for a frame (`PaintContext.font`). */
export function frameFont(frame: Pick<Frame, 'surface' | 'dpr'>): string {
  return `${Math.round(FONT_CSS[frame.surface] * frame.dpr)}px system-ui, -apple-system, "Segoe UI", sans-serif`;
}

/**
 * A DOM element a layer wants over what it painted (a hover target, a test hook): the painter's host keeps one
 * element per `key`, absolutely positioned at these CSS px, with these `data-*` attributes. Geometry and data are
 * written in place (no re-render), each only when it changed; elements come and go with their keys.
 */
export interface HitTarget {
  key: string;
  /** CSS px, relative to the surface. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** `data-*` attributes, names without the `data-` prefix; null removes the attribute. */
  data: Readonly<Record<string, string | null>>;
  /**
   * A hover target: it takes the pointer (class `hit`), is named by this text for assistive technology, and the
   * host reports the pointer entering and leaving it by `key`. Without it the element is a pointer-transparent test
   * hook (class `hook`, `data-liqlens-hook="<key>"`).
   */
  hover?: string;
}

/** A prepared image the painter can blit (an ImageBitmap or canvas in the browser, a fake in tests). */
export type BitmapSource = CanvasImageSource;

/**
 * The part of CanvasRenderingContext2D layers may use (a recording fake in the tests). Layers set what they use
 * (alpha, fill, line dash…) and leave `globalAlpha` at 1 and the line dash empty when they end.
 */
export interface Canvas2D {
  globalAlpha: number;
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  imageSmoothingEnabled: boolean;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  drawImage(image: CanvasImageSource, dx: number, dy: number): void;
  drawImage(
    image: CanvasImageSource,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void;
}

/** Draws a haloed text from a cache of pre-rendered sprites; false when it cannot (the layer draws the text). */
export type TextSprites = (
  ctx: Canvas2D,
  text: string,
  x: number,
  y: number,
  color: string,
  font: string,
  dpr: number,
  anchor: 'right' | 'left',
) => boolean;

/** What `paint` gets besides its layout: the frame, and the painter's shared services. */
export interface PaintContext {
  frame: Frame;
  /** Canvas size in bitmap px. */
  width: number;
  height: number;
  /** CSS font shorthand in bitmap px, for text layers. */
  font: string;
  sprites: TextSprites | null;
}

/**
 * One layer. `Data` is what the layer shows, in price (and time) space, read from the overlay's state by
 * `select` — the same object while it does not change, so layouts can cache per data object. `L` is its layout.
 */
export interface Layer<Data, L> {
  readonly id: LayerId;
  /** Surfaces it draws on. */
  readonly surfaces: readonly Surface[];
  /** Data → layout for this frame (CSS px); null: nothing to draw. */
  layout(data: Data, frame: Frame): L | null;
  /** Two layouts paint the same pixels on the same frame size. */
  same(a: L, b: L): boolean;
  /** Layout → pixels, in bitmap px (the context's transform is the identity). */
  paint(ctx: Canvas2D, layout: L, paint: PaintContext): void;
  /** DOM targets over the painted layout (hover strips, markers); omitted when the layer has none. */
  hits?(layout: L, frame: Frame): readonly HitTarget[];
}

/** Any layer, for lists of layers of different data (the painter only passes each its own data). */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list; each entry is typed where it is defined.
export type AnyLayer = Layer<any, any>;

/** A layer with the data it draws for this frame (null: the layer is off or has nothing). */
export interface LayerInput<Data = unknown> {
  layer: Layer<Data, unknown>;
  data: Data | null;
}

/** Two lists whose items pair up one by one under `same`: the layers' `same` on their lists of shapes. */
export function sameItems<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}
