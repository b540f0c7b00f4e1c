import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';

/** What a canvas is painted from: its bitmap size (device px) and the device pixel ratio. */
export interface CanvasLayout {
  width: number;
  height: number;
  dpr: number;
}

/** Paints a layout on the canvas now, outside a render (a pan frame); set while the canvas is mounted. */
export type PaintHandleRef<T> = { current: ((layout: T) => void) | null };

interface Props<T extends CanvasLayout> {
  layout: T;
  /** Whether the bitmap painted from `a` (null: nothing yet) already shows `b`. */
  same(a: T | null, b: T): boolean;
  /** Draws `layout` on the whole bitmap (clearing it first). Its identity is taken once, at mount. */
  draw(ctx: CanvasRenderingContext2D, layout: T, canvas: HTMLCanvasElement): void;
  onError(cause: unknown): void;
  handle?: PaintHandleRef<T> | undefined;
  class: string;
  /** Data attributes for the end-to-end tests, written after each repaint (the canvas itself cannot be read back). */
  data?(layout: T): Record<string, string>;
  /** A marker attribute on the canvas element (e.g. `data-liqlens-marks`). */
  marker?: string;
  /** CSS px from the host's left edge (a canvas narrower than its host); 0 without. */
  left?: number;
}

/**
 * A canvas sized in device pixels (CSS size = bitmap / dpr, so one bitmap row is one device row) that repaints only
 * when its layout would put other pixels on it (`same`): a new layout object that paints the same keeps the bitmap.
 * The pane has two (every layer but the realised prints; the prints alone), the ladder one.
 */
export function LayerCanvas<T extends CanvasLayout>(props: Props<T>) {
  const { layout, onError, handle } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const painted = useRef<T | null>(null);
  const latest = useRef<T | null>(null);
  const fixed = useRef({ same: props.same, draw: props.draw, data: props.data }).current;
  // The canvas as last painted: its context (getContext() on every frame of a pan cost more than the rest of this
  // function) and the `data-*` written on it.
  const held = useMemo(
    () => ({
      canvas: null as HTMLCanvasElement | null,
      ctx: null as CanvasRenderingContext2D | null,
      written: new Map<string, string>(),
    }),
    [],
  );
  const paint = useRef((next: T) => {
    latest.current = next;
    const canvas = ref.current;
    if (!canvas) return;
    // Resizing clears the bitmap (and the context's state): then it is painted afresh.
    let cleared = false;
    if (canvas.width !== next.width) {
      canvas.width = next.width;
      cleared = true;
    }
    if (canvas.height !== next.height) {
      canvas.height = next.height;
      cleared = true;
    }
    if (!cleared && fixed.same(painted.current, next)) return;
    if (held.canvas !== canvas) {
      held.canvas = canvas;
      held.ctx = null;
      held.written.clear();
    }
    held.ctx ??= canvas.getContext('2d');
    const ctx = held.ctx;
    if (!ctx) return;
    painted.current = null;
    fixed.draw(ctx, next, canvas);
    painted.current = next;
    if (fixed.data) writeData(canvas, fixed.data(next), held.written);
  }).current;
  useLayoutEffect(() => {
    try {
      paint(layout);
    } catch (cause) {
      onError(cause);
    }
  }, [layout]);
  // Chrome may drop a 2D canvas's bitmap under memory pressure and hand it back blank: paint it again then, since
  // `same` would otherwise keep skipping a bitmap that is no longer there.
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const restored = () => {
      painted.current = null;
      try {
        if (latest.current) paint(latest.current);
      } catch (cause) {
        onError(cause);
      }
    };
    canvas.addEventListener('contextrestored', restored);
    return () => canvas.removeEventListener('contextrestored', restored);
  }, [onError]);
  useLayoutEffect(() => {
    if (!handle) return;
    handle.current = paint;
    return () => {
      if (handle.current === paint) handle.current = null;
    };
  }, [handle]);
  const cssWidth = layout.width / layout.dpr;
  const cssHeight = layout.height / layout.dpr;
  const left = props.left ?? 0;
  const style = useMemo(
    () => ({ width: `${cssWidth}px`, height: `${cssHeight}px`, ...(left ? { left: `${left}px` } : {}) }),
    [cssWidth, cssHeight, left],
  );
  const marker = props.marker ? { [props.marker]: '' } : {};
  return <canvas ref={ref} class={props.class} style={style} {...marker} />;
}

/**
 * Writes only the `data-*` that changed since the last write (`written`): an attribute write, even of the same value,
 * is a DOM mutation, and reading `dataset` back costs about as much.
 */
function writeData(el: HTMLElement, data: Record<string, string>, written: Map<string, string>) {
  for (const name in data) {
    const value = data[name] as string;
    if (written.get(name) === value) continue;
    written.set(name, value);
    el.dataset[name] = value;
  }
}
