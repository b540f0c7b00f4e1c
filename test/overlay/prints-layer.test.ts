import { describe, expect, it } from 'vitest';
import { paintRealisedMarks } from '../../components/overlay/paint-realised-marks';
import { layoutLayers } from '../../lib/overlay/layers/painter';
import { MARKS_LANE_CSS, makePrintsLayer, marksLane, type PrintsData } from '../../lib/overlay/layers/prints';
import { RIGHT_LANES } from '../../lib/overlay/layers/types';
import { layoutRealisedMarks, MARK_MAX_R_CSS } from '../../lib/overlay/realised-marks';
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

  describe('marksLane: the marks on a canvas the width of the pane’s right-edge lane', () => {
    // Every kind of disc: the largest and the smallest, fresh and an hour old (and older: not drawn).
    const AGES = [0, 0, 3_600_000, 3_600_000, 3_700_000];
    const prints = (now: number): PrintsData => ({
      prints: [2e6, 1_000, 2e6, 1_000, 2e6].map((notionalUsd, i) => ({
        side: i % 2 ? 'short' : 'long',
        price: 95_000,
        notionalUsd,
        time: now - (AGES[i] as number),
      })),
      now,
      longColor: '#2f80ed',
      shortColor: '#f2994a',
    });

    for (const dpr of [1, 1.25, 2, 3]) {
      for (const width of [801.5, 333]) {
        it(`dpr ${dpr}, pane ${width} CSS px: the same discs on the same device pixels, every one inside the lane`, () => {
          const pane = paneFrame({ width, dpr });
          const lane = marksLane(pane);
          const paneWidth = Math.round(width * dpr);
          expect(lane.width * dpr).toBe(Math.ceil(MARKS_LANE_CSS * dpr));
          expect({ ...lane, width: 0 }).toEqual({ ...pane, width: 0 });
          const d = prints(NOW);
          const onPane = printsLayer.layout(d, pane);
          const onLane = printsLayer.layout(d, lane);
          if (!onPane || !onLane) throw new Error('no layout');
          // Placed as the pane layer places it: its left edge at the pane canvas's bitmap width less its own.
          const left = paneWidth - onLane.width;
          expect(onLane.width).toBe(Math.ceil(MARKS_LANE_CSS * dpr));
          expect(onLane.marks).toHaveLength(4);
          onLane.marks.forEach((m, i) => {
            const p = onPane.marks[i] as (typeof onPane.marks)[number];
            expect([m.y, m.r, m.alpha, m.color]).toEqual([p.y, p.r, p.alpha, p.color]);
            // Within the half device pixel by which the pane canvas's bitmap width rounds the pane's.
            expect(Math.abs(m.x + left - p.x)).toBeLessThanOrEqual(0.5 + 1e-9);
            // The disc and its outline (one device pixel at most) inside the lane.
            expect(m.x - m.r - Math.max(1, Math.round(dpr))).toBeGreaterThanOrEqual(0);
            expect(m.x + m.r).toBeLessThanOrEqual(onLane.width);
          });
          // The largest, oldest disc reaches furthest left: the lane is not wider than it needs by much.
          const oldest = onLane.marks.reduce((a, b) => (b.x - b.r < a.x - a.r ? b : a));
          expect(oldest.r).toBe(MARK_MAX_R_CSS * dpr);
          expect(oldest.x - oldest.r).toBeLessThan(5 * dpr);
        });
      }
    }

    it('a pane narrower than the lane: the lane is the whole pane', () => {
      const pane = paneFrame({ width: 40, dpr: 2 });
      expect(marksLane(pane)).toEqual(pane);
    });
  });
});
