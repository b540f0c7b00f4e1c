import { describe, expect, it } from 'vitest';
import { paintRealisedMarks } from '../../../components/overlay/paint-realised-marks';
import type { MarksLayout, RealisedMark } from '../../../lib/overlay/realised-marks';
import { recorder } from '../../overlay/canvas-recorder';

const mark = (o: Partial<RealisedMark>): RealisedMark => {
  const m = {
    side: 'short' as const,
    price: 95_000,
    notionalUsd: 1e5,
    time: 0,
    x: 10,
    y: 20,
    r: 4,
    alpha: 0.9,
    color: '#f2994a',
    ...o,
  };
  return { ...m, group: (m.side === 'long' ? 0 : 20) + Math.round(m.alpha * 20) };
};

const layout = (marks: RealisedMark[]): MarksLayout => ({
  width: 100,
  height: 50,
  dpr: 2,
  marks,
  offPane: 0,
});

describe('paintRealisedMarks', () => {
  it('clears, then fills one path per colour and opacity, newest group last', () => {
    const { ctx, calls } = recorder();
    paintRealisedMarks(
      ctx,
      layout([
        mark({ time: 1, x: 1, alpha: 0.5 }),
        mark({ time: 2, x: 2, color: '#2f80ed', side: 'long' }),
        mark({ time: 3, x: 3, alpha: 0.5 }),
        mark({ time: 4, x: 4 }),
      ]),
    );
    expect(calls.slice(0, 2)).toEqual([
      ['setTransform', 1, 0, 0, 1, 0, 0],
      ['clearRect', 0, 0, 100, 50],
    ]);
    const fills = calls.filter((c) => c[0] === 'fill');
    expect(fills).toEqual([
      ['fill', '#2f80ed', 0.9],
      ['fill', '#f2994a', 0.5],
      ['fill', '#f2994a', 0.9],
    ]);
    expect(calls.filter((c) => c[0] === 'arc').map((c) => c.slice(0, 4))).toEqual([
      ['arc', 2, 20, 4],
      ['arc', 1, 20, 4],
      ['arc', 3, 20, 4],
      ['arc', 4, 20, 4],
    ]);
    expect(ctx.globalAlpha).toBe(1);
  });

  it('an empty layout only clears', () => {
    const { ctx, calls } = recorder();
    paintRealisedMarks(ctx, layout([]));
    expect(calls.map((c) => c[0])).toEqual(['setTransform', 'clearRect']);
  });
});
