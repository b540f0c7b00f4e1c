import { describe, expect, it } from 'vitest';
import { type Canvas2D, paintPlan } from '../../../components/overlay/paint';
import type { PaintBand, PaintPlan } from '../../../lib/overlay/paint-plan';

/** A 2D context that records what was drawn, with the state each call ran under. */
function recorder() {
  const calls: unknown[][] = [];
  const ctx = {
    globalAlpha: 1,
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    setTransform: (...a: number[]) => calls.push(['setTransform', ...a]),
    clearRect: (...a: number[]) => calls.push(['clearRect', ...a]),
    fillRect: (...a: number[]) => calls.push(['fillRect', ...a, ctx.fillStyle, ctx.globalAlpha]),
    beginPath: () => calls.push(['beginPath']),
    moveTo: (...a: number[]) => calls.push(['moveTo', ...a]),
    lineTo: (...a: number[]) => calls.push(['lineTo', ...a]),
    stroke: () => calls.push(['stroke', ctx.strokeStyle, ctx.lineWidth]),
    setLineDash: (d: number[]) => calls.push(['setLineDash', d]),
    fillText: (t: string, x: number, y: number) => calls.push(['fillText', t, x, y, ctx.textAlign]),
    strokeText: (t: string, x: number, y: number) => calls.push(['strokeText', t, x, y]),
  };
  return { ctx: ctx as unknown as Canvas2D, calls };
}

const band = (overrides: Partial<PaintBand>): PaintBand => ({
  side: 'short',
  low: 96_855,
  high: 96_900,
  notionalUsd: 1e9,
  share: 0.5,
  venues: [],
  color: '#f2994a',
  alpha: 0.4,
  y: 620,
  h: 9,
  cssTop: 310,
  cssHeight: 4.5,
  yHigh: 310,
  yLow: 314.5,
  clipped: null,
  widened: false,
  ...overrides,
});

const plan = (overrides: Partial<PaintPlan>): PaintPlan => ({
  width: 1600,
  height: 2002,
  dpr: 2,
  font: '22px system-ui',
  bands: [],
  labels: [],
  lines: [],
  ...overrides,
});

describe('paintPlan at devicePixelRatio 2', () => {
  it('clears the bitmap and fills each band across the pane on its rows, with 2-row edges', () => {
    const { ctx, calls } = recorder();
    paintPlan(ctx, plan({ bands: [band({})] }));
    expect(calls.slice(0, 2)).toEqual([
      ['setTransform', 1, 0, 0, 1, 0, 0],
      ['clearRect', 0, 0, 1600, 2002],
    ]);
    expect(calls.filter((c) => c[0] === 'fillRect')).toEqual([
      ['fillRect', 0, 620, 1600, 9, '#f2994a', 0.4],
      ['fillRect', 0, 620, 1600, 2, '#f2994a', 0.8],
      ['fillRect', 0, 627, 1600, 2, '#f2994a', 0.8],
    ]);
  });

  it('draws no edge where the pane cut the band', () => {
    const { ctx, calls } = recorder();
    paintPlan(ctx, plan({ bands: [band({ y: 0, h: 40, clipped: 'top', alpha: 0.3 })] }));
    expect(calls.filter((c) => c[0] === 'fillRect')).toEqual([
      ['fillRect', 0, 0, 1600, 40, '#f2994a', 0.3],
      ['fillRect', 0, 38, 1600, 2, '#f2994a', 0.6],
    ]);
  });

  it('strokes dashed move lines across the pane and labels them', () => {
    const { ctx, calls } = recorder();
    paintPlan(
      ctx,
      plan({
        lines: [
          {
            kind: 'move-up',
            price: 97_850,
            y: 430,
            width: 2,
            dash: [8, 8],
            color: '#cccccc',
            label: { text: '+3.0 % 97,850', x: 8, y: 424 },
          },
        ],
      }),
    );
    const drawn = calls.filter((c) =>
      ['setLineDash', 'moveTo', 'lineTo', 'stroke', 'fillText'].includes(c[0] as string),
    );
    expect(drawn).toEqual([
      ['setLineDash', [8, 8]],
      ['moveTo', 0, 430],
      ['lineTo', 1600, 430],
      ['stroke', '#cccccc', 2],
      ['setLineDash', []],
      ['fillText', '+3.0 % 97,850', 8, 424, 'left'],
      ['setLineDash', []],
    ]);
  });

  it('writes labels right-aligned over a dark halo', () => {
    const { ctx, calls } = recorder();
    paintPlan(ctx, plan({ labels: [{ text: 'Shorts $3.0B · +2.1 %', x: 1564, y: 610, color: '#f2994a' }] }));
    expect(calls.filter((c) => c[0] === 'strokeText' || c[0] === 'fillText')).toEqual([
      ['strokeText', 'Shorts $3.0B · +2.1 %', 1564, 610],
      ['fillText', 'Shorts $3.0B · +2.1 %', 1564, 610, 'right'],
    ]);
  });
});

describe('paintPlan with label sprites', () => {
  const labels = [{ text: 'Shorts $1.0B · +2.0 %', x: 1564, y: 624, color: '#f2994a' }];

  it('draws each label from a sprite when one can be made, with the plan font and dpr', () => {
    const { ctx, calls } = recorder();
    const asked: unknown[][] = [];
    paintPlan(ctx, plan({ labels }), (_c, ...args) => {
      asked.push(args);
      return true;
    });
    expect(asked).toEqual([['Shorts $1.0B · +2.0 %', 1564, 624, '#f4f6fb', '22px system-ui', 2, 'right']]);
    expect(calls.filter((c) => c[0] === 'fillText' || c[0] === 'strokeText')).toEqual([]);
  });

  it('draws move-line labels from left-anchored sprites in the line colour, after the line', () => {
    const { ctx, calls } = recorder();
    const asked: unknown[][] = [];
    const line = {
      kind: 'move-down' as const,
      price: 92_150,
      y: 1270.5,
      width: 1,
      dash: [4, 4],
      color: '#c9ced8',
      label: { text: '−3.0 % 92,150', x: 4, y: 1285 },
    };
    paintPlan(ctx, plan({ lines: [line, { ...line, kind: 'move-up', y: 100.5 }] }), (_c, ...args) => {
      asked.push(args);
      return true;
    });
    expect(asked).toEqual([
      ['−3.0 % 92,150', 4, 1285, '#c9ced8', '22px system-ui', 2, 'left'],
      ['−3.0 % 92,150', 4, 1285, '#c9ced8', '22px system-ui', 2, 'left'],
    ]);
    // Both lines are still stroked; no text is drawn directly.
    expect(calls.filter((c) => c[0] === 'stroke')).toHaveLength(2);
    expect(calls.filter((c) => c[0] === 'fillText' || c[0] === 'strokeText')).toEqual([]);
  });

  it('falls back to stroked and filled text when the sprite cannot be made', () => {
    const { ctx, calls } = recorder();
    paintPlan(ctx, plan({ labels }), () => false);
    expect(calls.filter((c) => c[0] === 'fillText' || c[0] === 'strokeText')).toEqual([
      ['strokeText', 'Shorts $1.0B · +2.0 %', 1564, 624],
      ['fillText', 'Shorts $1.0B · +2.0 %', 1564, 624, 'right'],
    ]);
  });
});
