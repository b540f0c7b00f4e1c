import { describe, expect, it } from 'vitest';
import { type BandsLayout, bandsLayer, type PaintBand } from '../../lib/overlay/layers/bands';
import { type LabelsLayout, labelsLayer } from '../../lib/overlay/layers/labels';
import { type LinesLayout, linesLayer, type PaintLine } from '../../lib/overlay/layers/lines';
import type { PaintContext, TextSprites } from '../../lib/overlay/layers/types';
import { recorder } from './canvas-recorder';
import { paneFrame } from './fixtures';

const frame = paneFrame({ height: 1001 });
const context = (sprites: TextSprites | null = null): PaintContext => ({
  frame,
  width: 1600,
  height: 2002,
  font: '22px system-ui',
  sprites,
});

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
const bands = (list: PaintBand[]): BandsLayout => ({
  width: 1600,
  height: 2002,
  dpr: 2,
  bands: list,
  rects: [],
  edges: [],
  lines: [],
});
const line: PaintLine = {
  kind: 'move-up',
  price: 97_850,
  y: 430,
  width: 2,
  dash: [8, 8],
  color: '#cccccc',
  label: { text: '+3.0 % 97,850', x: 8, y: 424 },
};
const lines = (list: PaintLine[]): LinesLayout => ({ width: 1600, dpr: 2, lines: list });
const labels: LabelsLayout = {
  dpr: 2,
  labels: [{ text: 'Shorts $3.0B · +2.1 %', x: 1564, y: 610, color: '#f2994a' }],
};

describe('bands layer paint at devicePixelRatio 2', () => {
  it('fills each band across the surface on its rows, with 2-row edges, and leaves alpha at 1', () => {
    const { ctx, calls } = recorder();
    bandsLayer.paint(ctx, bands([band({})]), context());
    expect(calls).toEqual([
      ['fillRect', 0, 620, 1600, 9, '#f2994a', 0.4],
      ['fillRect', 0, 620, 1600, 2, '#f2994a', 0.8],
      ['fillRect', 0, 627, 1600, 2, '#f2994a', 0.8],
    ]);
    expect(ctx.globalAlpha).toBe(1);
  });

  it('draws no edge where the surface cut the band', () => {
    const { ctx, calls } = recorder();
    bandsLayer.paint(ctx, bands([band({ y: 0, h: 40, clipped: 'top', alpha: 0.3 })]), context());
    expect(calls).toEqual([
      ['fillRect', 0, 0, 1600, 40, '#f2994a', 0.3],
      ['fillRect', 0, 38, 1600, 2, '#f2994a', 0.6],
    ]);
  });
});

describe('lines layer paint', () => {
  it('strokes dashed move lines across the surface, labels them, and resets the dash', () => {
    const { ctx, calls } = recorder();
    linesLayer.paint(ctx, lines([line]), context());
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
    ]);
    expect(ctx.globalAlpha).toBe(1);
  });

  it('sets the dash only when it changes, and leaves the context solid', () => {
    const { ctx, calls } = recorder();
    const price: PaintLine = { ...line, kind: 'price', y: 800, dash: [], label: null };
    const bare = { ...line, label: null };
    linesLayer.paint(ctx, lines([bare, { ...bare, y: 1200, dash: [8, 8] }, price]), context());
    expect(calls.filter((c) => c[0] === 'setLineDash')).toEqual([
      ['setLineDash', [8, 8]],
      ['setLineDash', []],
    ]);
    // Dashed last: reset to solid at the end.
    const after = recorder();
    linesLayer.paint(after.ctx, lines([price, bare]), context());
    expect(after.calls.filter((c) => c[0] === 'setLineDash')).toEqual([
      ['setLineDash', [8, 8]],
      ['setLineDash', []],
    ]);
  });

  it('draws move-line labels from left-anchored sprites in the line colour, after the line', () => {
    const { ctx, calls } = recorder();
    const asked: unknown[][] = [];
    const down = { ...line, kind: 'move-down' as const, y: 1270.5, width: 1, dash: [4, 4], color: '#c9ced8' };
    const downLabel = { text: '−3.0 % 92,150', x: 4, y: 1285 };
    linesLayer.paint(
      ctx,
      lines([
        { ...down, label: downLabel },
        { ...down, kind: 'move-up', y: 100.5, label: downLabel },
      ]),
      context((_c, ...args) => {
        asked.push(args);
        return true;
      }),
    );
    expect(asked).toEqual([
      ['−3.0 % 92,150', 4, 1285, '#c9ced8', '22px system-ui', 2, 'left'],
      ['−3.0 % 92,150', 4, 1285, '#c9ced8', '22px system-ui', 2, 'left'],
    ]);
    // Both lines are still stroked; no text is drawn directly.
    expect(calls.filter((c) => c[0] === 'stroke')).toHaveLength(2);
    expect(calls.filter((c) => c[0] === 'fillText' || c[0] === 'strokeText')).toEqual([]);
  });
});

describe('labels layer paint', () => {
  it('writes labels right-aligned over a dark halo without sprites', () => {
    const { ctx, calls } = recorder();
    labelsLayer.paint(ctx, labels, context());
    expect(calls.filter((c) => c[0] === 'strokeText' || c[0] === 'fillText')).toEqual([
      ['strokeText', 'Shorts $3.0B · +2.1 %', 1564, 610],
      ['fillText', 'Shorts $3.0B · +2.1 %', 1564, 610, 'right'],
    ]);
  });

  it('draws each label from a sprite when one can be made, with the surface font and dpr', () => {
    const { ctx, calls } = recorder();
    const asked: unknown[][] = [];
    labelsLayer.paint(
      ctx,
      labels,
      context((_c, ...args) => {
        asked.push(args);
        return true;
      }),
    );
    expect(asked).toEqual([['Shorts $3.0B · +2.1 %', 1564, 610, '#f4f6fb', '22px system-ui', 2, 'right']]);
    expect(calls.filter((c) => c[0] === 'fillText' || c[0] === 'strokeText')).toEqual([]);
  });

  it('falls back to stroked and filled text when the sprite cannot be made', () => {
    const { ctx, calls } = recorder();
    labelsLayer.paint(
      ctx,
      labels,
      context(() => false),
    );
    expect(calls.filter((c) => c[0] === 'fillText' || c[0] === 'strokeText')).toEqual([
      ['strokeText', 'Shorts $3.0B · +2.1 %', 1564, 610],
      ['fillText', 'Shorts $3.0B · +2.1 %', 1564, 610, 'right'],
    ]);
  });
});
