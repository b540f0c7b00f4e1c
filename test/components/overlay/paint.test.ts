import { describe, expect, it } from 'vitest';
import { paintPlan } from '../../../components/overlay/paint';
import type { AnyLayer, Frame, LayerId } from '../../../lib/overlay/layers/types';
import { planPaint } from '../../../lib/overlay/paint-plan';
import { recorder } from '../../overlay/canvas-recorder';
import { paneFrame } from '../../overlay/fixtures';

const frame = paneFrame();

/** A layer that paints one fillRect in its own colour (its id), on the surfaces given. */
const fake = (id: LayerId, surfaces: Frame['surface'][] = ['pane', 'ladder']): AnyLayer => ({
  id,
  surfaces,
  layout: (data: string) => ({ data }),
  same: () => true,
  paint(ctx) {
    ctx.fillStyle = id;
    ctx.fillRect(0, 0, 1, 1);
  },
});

describe('the painter on a canvas', () => {
  const entries = (['labels', 'profile', 'lines', 'heatmap', 'positions', 'bands', 'prints'] as const).map(
    (id) => ({ layer: fake(id, id === 'heatmap' || id === 'positions' ? ['pane'] : undefined), data: id }),
  );

  it('clears the bitmap, then paints the layers back to front: heatmap, bands, profile, prints, positions, lines, labels', () => {
    const { ctx, calls } = recorder();
    paintPlan(ctx, planPaint(entries, frame));
    expect(calls.slice(0, 2)).toEqual([
      ['setTransform', 1, 0, 0, 1, 0, 0],
      ['clearRect', 0, 0, 1600, 802],
    ]);
    expect(calls.slice(2).map((c) => c[5])).toEqual([
      'heatmap',
      'bands',
      'profile',
      'prints',
      'positions',
      'lines',
      'labels',
    ]);
  });

  it('on the ladder paints only the layers drawn there, and leaves out layers with no data', () => {
    const { ctx, calls } = recorder();
    const ladder = planPaint(
      entries.map((e) => (e.data === 'prints' ? { ...e, data: null } : e)),
      { ...frame, surface: 'ladder', width: 150 },
    );
    paintPlan(ctx, ladder);
    expect(calls.slice(2).map((c) => c[5])).toEqual(['bands', 'profile', 'lines', 'labels']);
    expect(ladder.width).toBe(300);
  });

  it('does not clear a canvas whose one layer clears it itself', () => {
    const { ctx, calls } = recorder();
    paintPlan(ctx, planPaint(entries.slice(0, 1), frame), null, false);
    expect(calls.map((c) => c[0])).toEqual(['fillRect']);
  });
});
