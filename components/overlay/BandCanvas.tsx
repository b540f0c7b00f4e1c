import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PaintPlan } from '../../lib/overlay/paint-plan';
import { createLabelSprites } from './label-sprites';
import { type LabelSprites, paintPlan } from './paint';

interface Props {
  plan: PaintPlan;
  onError(cause: unknown): void;
}

/**
 * A canvas sized in device pixels (CSS size = bitmap / dpr, so one bitmap row is one device row) that repaints only
 * when its plan object changes.
 */
export function BandCanvas({ plan, onError }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const sprites = useRef<LabelSprites | null>(null);
  useLayoutEffect(() => {
    try {
      const canvas = ref.current;
      if (!canvas) return;
      if (canvas.width !== plan.width) canvas.width = plan.width;
      if (canvas.height !== plan.height) canvas.height = plan.height;
      const ctx = canvas.getContext('2d');
      sprites.current ??= createLabelSprites(canvas.ownerDocument);
      if (ctx) paintPlan(ctx, plan, sprites.current);
    } catch (cause) {
      onError(cause);
    }
  }, [plan]);
  return (
    <canvas
      ref={ref}
      class="bands"
      style={{ width: `${plan.width / plan.dpr}px`, height: `${plan.height / plan.dpr}px` }}
    />
  );
}
