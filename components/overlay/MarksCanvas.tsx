import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { type MarksLayout, sameMarks } from '../../lib/overlay/realised-marks';
import { paintRealisedMarks } from './paint-realised-marks';

/** Paints a marks layout now, outside a render (a pan frame); set while the canvas is mounted. */
export type MarksHandleRef = { current: ((layout: MarksLayout) => void) | null };

interface Props {
  layout: MarksLayout;
  onError(cause: unknown): void;
  handle?: MarksHandleRef;
}

/**
 * The realised prints' own canvas over the pane, above the bands: repainted only when the marks would move, grow or
 * fade. `data-count` is the number of marks drawn, `data-off-pane` the prints of the hour outside the visible
 * prices (for the end-to-end tests; the canvas itself cannot be read back).
 */
export function MarksCanvas({ layout, onError, handle }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const painted = useRef<MarksLayout | null>(null);
  const paint = useRef((next: MarksLayout) => {
    const canvas = ref.current;
    if (!canvas) return;
    let cleared = false;
    if (canvas.width !== next.width) {
      canvas.width = next.width;
      cleared = true;
    }
    if (canvas.height !== next.height) {
      canvas.height = next.height;
      cleared = true;
    }
    if (!cleared && sameMarks(painted.current, next)) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    painted.current = null;
    paintRealisedMarks(ctx, next);
    painted.current = next;
    canvas.dataset.count = String(next.marks.length);
    canvas.dataset.offPane = String(next.offPane);
  }).current;
  useLayoutEffect(() => {
    try {
      paint(layout);
    } catch (cause) {
      onError(cause);
    }
  }, [layout]);
  useLayoutEffect(() => {
    if (!handle) return;
    handle.current = paint;
    return () => {
      if (handle.current === paint) handle.current = null;
    };
  }, [handle]);
  const cssWidth = layout.width / layout.dpr;
  const cssHeight = layout.height / layout.dpr;
  const style = useMemo(() => ({ width: `${cssWidth}px`, height: `${cssHeight}px` }), [cssWidth, cssHeight]);
  return <canvas ref={ref} class="marks" data-liqlens-marks="" style={style} />;
}
