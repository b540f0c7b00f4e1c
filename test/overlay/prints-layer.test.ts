import { describe, expect, it } from 'vitest';
import { paintRealisedMarks } from '../../components/overlay/paint-realised-marks';
import { layoutLayers } from '../../lib/overlay/layers/painter';
import { makePrintsLayer, type PrintsData } from '../../lib/overlay/layers/prints';
import { RIGHT_LANES } from '../../lib/overlay/layers/types';
import { layoutRealisedMarks } from '../../lib/overlay/realised-marks';
import { recorder } from './canvas-recorder';
import { paneFrame } from './fixtures';

const printsLayer = makePrintsLayer(paintRealisedMarks);
const NOW = 1_800_000_000_000;
const frame = paneFrame();
const data = (prices: number[]): PrintsData => ({
  prints: prices.map((price, i) => ({
    side: i % 2 ? 'short' : 'long',
    price,
    notionalUsd: 2e6,
    time: NOW - i,
  })),
  now: NOW,
  longColor: '#2f80ed',
  shortColor: '#f2994a',
});

describe('prints layer', () => {
  it('lays out the realised marks for the frame, left of the bands’ hover strips', () => {
    const d = data([95_000, 96_000, 120_000]);
    const layout = printsLayer.layout(d, frame);
    expect(layout).toEqual(
      layoutRealisedMarks(d.prints, {
        width: 800,
        height: 401,
        dpr: 2,
        scale: frame.scale,
        now: NOW,
        longColor: '#2f80ed',
        shortColor: '#f2994a',
        rightInsetCss: RIGHT_LANES.strip.width,
      }),
    );
    expect([layout?.marks.length, layout?.offPane]).toEqual([2, 1]);
    // 95,000 is row 200 → bitmap row 400.
    expect(layout?.marks.find((m) => m.price === 95_000)?.y).toBe(400);
  });

  it('is the same paint for the same discs, and another for a print that moved a row', () => {
    const a = printsLayer.layout(data([95_000]), frame);
    const b = printsLayer.layout(data([95_000]), frame);
    const c = printsLayer.layout(data([95_050]), frame);
    if (!a || !b || !c) throw new Error('no layout');
    expect(printsLayer.same(a, b)).toBe(true);
    expect(printsLayer.same(a, c)).toBe(false);
  });

  it('paints its discs with the marks painter, on the pane only', () => {
    const { ctx, calls } = recorder();
    const [laid] = layoutLayers([{ layer: printsLayer, data: data([95_000]) }], frame);
    if (!laid) throw new Error('not laid out');
    printsLayer.paint(ctx, laid.layout as never, {
      frame,
      width: 1600,
      height: 802,
      font: '',
      sprites: null,
    });
    expect(calls.filter((c) => c[0] === 'arc')).toHaveLength(1);
    expect(calls.find((c) => c[0] === 'fill')?.[1]).toBe('#2f80ed');
    expect(
      layoutLayers([{ layer: printsLayer, data: data([95_000]) }], { ...frame, surface: 'ladder' }),
    ).toEqual([]);
  });
});
