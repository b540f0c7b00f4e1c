import { describe, expect, it } from 'vitest';
import {
  CAPTION,
  layoutPositions,
  MAX_TICK_CSS,
  paintPositions,
  positionsLayer,
  samePositions,
} from '../../lib/overlay/layers/positions';
import type { Frame } from '../../lib/overlay/layers/types';
import { planPaint, samePlan } from '../../lib/overlay/paint-plan';

// 101 rows for 90,000 (bottom) … 100,000 (top): 100 a row.
const scale = { from: 90_000, to: 100_000, mode: 0 as const, height: 101 };
const frame = { width: 400, height: 101, dpr: 1, scale };
const bins = (entries: [number, 'long' | 'short', number][]) => {
  const long = new Array(300).fill(0);
  const short = new Array(300).fill(0);
  for (const [k, side, usd] of entries) (side === 'long' ? long : short)[k] = usd;
  return { low: 80_000, width: 100, long, short };
};
const colors = { longColor: '#2f80ed', shortColor: '#f2994a' };

describe('the real-positions layer', () => {
  it('draws a tick per row at each bin centre, length by the square root of its share, rows off the pane left out', () => {
    // Bin 100: [90,000, 90,100), centre 90,050 → y 99.5 → row 100 (rounded). Bin 190: centre 99,050 → row 10.
    const layout = layoutPositions(
      {
        bins: bins([
          [100, 'long', 4e6],
          [190, 'short', 1e6],
          [10, 'long', 9e9],
        ]),
        ...colors,
      },
      frame,
    );
    expect(layout?.ticks).toEqual([
      { side: 'short', y: 10.5, length: MAX_TICK_CSS / 2, usd: 1e6 },
      { side: 'long', y: 100.5, length: MAX_TICK_CSS, usd: 4e6 },
    ]);
    expect(layout?.caption.text).toBe(CAPTION);
  });

  it('sums the bins of one device row, and scales with the device pixel ratio', () => {
    const zoomedOut = { ...frame, scale: { ...scale, from: 80_000, to: 110_000 } };
    const layout = layoutPositions(
      {
        bins: bins([
          [101, 'long', 1],
          [102, 'long', 3],
        ]),
        ...colors,
      },
      zoomedOut,
    );
    expect(layout?.ticks.map((t) => t.usd)).toEqual([4]);
    const hi = layoutPositions({ bins: bins([[100, 'long', 1]]), ...colors }, { ...frame, dpr: 2 });
    expect(hi?.ticks[0]).toMatchObject({ y: 199.5, length: 2 * MAX_TICK_CSS });
  });

  it('fails closed on a scale it cannot map', () => {
    expect(
      layoutPositions(
        { bins: bins([[100, 'long', 1]]), ...colors },
        { ...frame, scale: { ...scale, to: 90_000 } },
      ),
    ).toBeNull();
  });

  it('paints dashed outline ticks (never filled bands) and its caption, and leaves the dash and alpha reset', () => {
    const layout = layoutPositions(
      {
        bins: bins([
          [100, 'long', 1],
          [190, 'short', 1],
        ]),
        ...colors,
      },
      frame,
    );
    const calls: string[] = [];
    const ctx = {
      globalAlpha: 1,
      strokeStyle: '',
      fillStyle: '',
      lineWidth: 1,
      font: '',
      textAlign: 'left' as CanvasTextAlign,
      textBaseline: 'alphabetic' as CanvasTextBaseline,
      beginPath: () => calls.push('beginPath'),
      moveTo: (x: number, y: number) => calls.push(`moveTo ${x} ${y}`),
      lineTo: (x: number, y: number) => calls.push(`lineTo ${x} ${y}`),
      stroke: () => calls.push(`stroke ${ctx.strokeStyle}`),
      setLineDash: (d: number[]) => calls.push(`dash ${d.join(',')}`),
      fillText: (t: string) => calls.push(`text ${t}`),
    };
    paintPositions(ctx, layout as NonNullable<typeof layout>, colors, '11px sans-serif');
    expect(calls).toEqual([
      'dash 3,2',
      'beginPath',
      'moveTo 0 100.5',
      `lineTo ${MAX_TICK_CSS} 100.5`,
      'stroke #2f80ed',
      'beginPath',
      'moveTo 0 10.5',
      `lineTo ${MAX_TICK_CSS} 10.5`,
      'stroke #f2994a',
      'dash ',
      `text ${CAPTION}`,
    ]);
    expect(ctx.globalAlpha).toBe(1);
  });

  it('joins the paint plan as a layer, and a plan with other ticks or colours is not the same paint', () => {
    const paneFrame: Frame = { ...frame, surface: 'pane', time: null, price: 95_000 };
    const plan = (k: number, usd: number, over: Partial<typeof colors> = {}) =>
      planPaint(
        [{ layer: positionsLayer, data: { bins: bins([[k, 'long', usd]]), ...colors, ...over } }],
        paneFrame,
      );
    const a = plan(100, 1);
    expect(a.layers.map((l) => l.layer.id)).toEqual(['positions']);
    expect(samePlan(a, plan(101, 1))).toBe(false);
    expect(samePlan(a, plan(100, 5))).toBe(true);
    expect(samePlan(a, plan(100, 1, { longColor: '#ffffff' }))).toBe(false);
    expect(samePositions(a.layers[0]?.layout as never, null)).toBe(false);
    // Not on the ladder.
    expect(
      planPaint(
        a.layers.map(({ layer }) => ({ layer, data: {} })),
        { ...paneFrame, surface: 'ladder' },
      ).layers,
    ).toEqual([]);
  });
});
