// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LayerCanvas } from '../../../components/overlay/LayerCanvas';
import { createPlanDraw } from '../../../components/overlay/label-sprites';
import { paintRealisedMarks } from '../../../components/overlay/paint-realised-marks';
import { type PaintPlan, samePlan } from '../../../lib/overlay/paint-plan';
import { type MarksLayout, type RealisedMark, sameMarks } from '../../../lib/overlay/realised-marks';

/** Counts the frames painted: every paint starts by clearing the whole bitmap. */
function stubContext() {
  let clears = 0;
  const ctx = new Proxy(
    {},
    {
      get: (_target, key) =>
        key === 'clearRect'
          ? () => {
              clears += 1;
            }
          : key === 'measureText'
            ? () => ({ width: 10, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 })
            : () => undefined,
      set: () => true,
    },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
  return { clears: () => clears };
}

const plan = (): PaintPlan => ({
  width: 800,
  height: 401,
  dpr: 1,
  font: '11px system-ui',
  frame: {
    surface: 'pane',
    width: 800,
    height: 401,
    dpr: 1,
    scale: { from: 90_000, to: 100_000, mode: 0, height: 401 },
    time: null,
    price: 95_000,
  },
  layers: [],
});

describe('LayerCanvas', () => {
  const host = document.createElement('div');
  afterEach(() => {
    render(null, host);
    vi.restoreAllMocks();
  });

  it('keeps its bitmap for a plan that paints the same, and paints again when the browser restores a lost context', () => {
    const painted = stubContext();
    const draw = createPlanDraw();
    const bands = (p: PaintPlan) => (
      <LayerCanvas layout={p} same={samePlan} draw={draw} onError={() => {}} class="bands" />
    );
    render(bands(plan()), host);
    expect(painted.clears()).toBe(1);
    render(bands(plan()), host);
    expect(painted.clears(), 'an equal plan keeps the bitmap').toBe(1);
    host.querySelector('canvas')?.dispatchEvent(new Event('contextrestored'));
    expect(painted.clears(), 'a restored (blank) context is painted again').toBe(2);
  });

  it('writes its data attributes after each repaint, and repaints when the size changes', () => {
    const painted = stubContext();
    const mark = (i: number): RealisedMark => ({
      side: 'long',
      price: 100 + i,
      notionalUsd: 1e5,
      time: i,
      x: 10 + i,
      y: 20,
      r: 2,
      alpha: 0.9,
      color: '#2f80ed',
      group: 18,
    });
    const layout = (width: number, n: number): MarksLayout => ({
      width,
      height: 300,
      dpr: 1,
      marks: Array.from({ length: n }, (_, i) => mark(i)),
      offPane: 3,
    });
    const marks = (l: MarksLayout) => (
      <LayerCanvas
        layout={l}
        same={sameMarks}
        draw={paintRealisedMarks}
        onError={() => {}}
        class="marks"
        marker="data-liqlens-marks"
        data={(m) => ({ count: String(m.marks.length), offPane: String(m.offPane) })}
      />
    );
    render(marks(layout(400, 2)), host);
    const canvas = host.querySelector('canvas[data-liqlens-marks]') as HTMLCanvasElement;
    expect(canvas.dataset).toMatchObject({ count: '2', offPane: '3' });
    render(marks(layout(500, 1)), host);
    expect(canvas.width).toBe(500);
    expect(canvas.dataset.count).toBe('1');
    expect(painted.clears()).toBe(2);
    // A repaint whose data says the same writes no attribute (a write of the same value is still a mutation).
    const writes = new MutationObserver(() => undefined);
    writes.observe(canvas, { attributes: true });
    const moved = layout(500, 1);
    moved.marks = moved.marks.map((m) => ({ ...m, x: m.x + 5 }));
    render(marks(moved), host);
    expect(painted.clears()).toBe(3);
    expect(writes.takeRecords().map((r) => r.attributeName)).toEqual([]);
  });
});
