import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { type PaintPlan, samePaint } from '../../lib/overlay/paint-plan';
import { createLabelSprites } from './label-sprites';
import { type LabelSprites, paintPlan } from './paint';

/** Paints a plan on the canvas now, outside a render (a pan frame); set while the canvas is mounted. */
export type CanvasHandleRef = { current: ((plan: PaintPlan) => void) | null };

interface Props {
  plan: PaintPlan;
  onError(cause: unknown): void;
  handle?: CanvasHandleRef;
}

interface Painter {
  ctx: CanvasRenderingContext2D | null;
  sprites: LabelSprites;
  /** What the bitmap shows now (null: nothing yet). */
  painted: PaintPlan | null;
}

/**
 * A canvas sized in device pixels (CSS size = bitmap / dpr, so one bitmap row is one device row) that repaints only
 * when its plan would put other pixels on it (`samePaint`): a new plan object with the same rows keeps the bitmap.
 */
export function BandCanvas({ plan, onError, handle }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const painter = useRef<Painter | null>(null);
  const latest = useRef<PaintPlan | null>(null);
  const paint = useRef((next: PaintPlan) => {
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
    painter.current ??= {
      ctx: canvas.getContext('2d'),
      sprites: createLabelSprites(canvas.ownerDocument),
      painted: null,
    };
    const p = painter.current;
    if (!p.ctx || (!cleared && samePaint(p.painted, next))) return;
    p.painted = null;
    paintPlan(p.ctx, next, p.sprites);
    p.painted = next;
    // For tests and the benchmark: the real-position ticks on the bitmap (the layer "Hyperliquid: real positions").
    canvas.dataset.positions = String(next.positions?.layout.ticks.length ?? 0);
  }).current;
  useLayoutEffect(() => {
    try {
      paint(plan);
    } catch (cause) {
      onError(cause);
    }
  }, [plan]);
  // Chrome may drop a 2D canvas's bitmap under memory pressure and hand it back blank: paint it again then, since
  // `samePaint` would otherwise keep skipping a bitmap that is no longer there.
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const restored = () => {
      if (painter.current) painter.current.painted = null;
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
  const cssWidth = plan.width / plan.dpr;
  const cssHeight = plan.height / plan.dpr;
  const style = useMemo(() => ({ width: `${cssWidth}px`, height: `${cssHeight}px` }), [cssWidth, cssHeight]);
  return <canvas ref={ref} class="bands" style={style} />;
}
