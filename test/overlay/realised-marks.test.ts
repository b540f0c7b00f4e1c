import { describe, expect, it } from 'vitest';
import { type PriceScale, priceToY, ScaleMode } from '../../lib/chart/price-to-y';
import {
  layoutRealisedMarks,
  MARK_AGE_SPAN_CSS,
  MARK_MAX_ALPHA,
  MARK_MAX_R_CSS,
  MARK_MIN_ALPHA,
  MARK_MIN_R_CSS,
  type MarksOptions,
  markRadiusCss,
  rowMapper,
  sameMarks,
} from '../../lib/overlay/realised-marks';

const NOW = 1_765_000_000_000;
const MIN = 60_000;
// 101 rows from 96,000 (row 0) to 94,000 (row 100): 20 a row.
const options: MarksOptions = {
  width: 400,
  height: 101,
  dpr: 2,
  scale: { from: 94_000, to: 96_000, mode: ScaleMode.Normal, height: 101 },
  now: NOW,
  longColor: '#2f80ed',
  shortColor: '#f2994a',
  rightInsetCss: 14,
};
const print = (o: Partial<{ side: 'long' | 'short'; price: number; notionalUsd: number; time: number }>) => ({
  side: 'short' as const,
  price: 95_000,
  notionalUsd: 100_000,
  time: NOW,
  ...o,
});

describe('markRadiusCss', () => {
  it('area follows the notional up to the full size, with a floor', () => {
    expect(markRadiusCss(2_000_000)).toBe(MARK_MAX_R_CSS);
    expect(markRadiusCss(50_000_000)).toBe(MARK_MAX_R_CSS);
    expect(markRadiusCss(500_000)).toBeCloseTo(MARK_MAX_R_CSS / 2, 10);
    expect(markRadiusCss(1_000)).toBe(MARK_MIN_R_CSS);
    expect(markRadiusCss(0)).toBe(MARK_MIN_R_CSS);
  });
});

describe('layoutRealisedMarks', () => {
  it('puts a fresh print at its price at the right edge, left of the hover strip, in bitmap px', () => {
    const { marks, width, height } = layoutRealisedMarks([print({ notionalUsd: 2_000_000 })], options);
    expect([width, height]).toEqual([800, 202]);
    const [m] = marks;
    expect(m?.y).toBe(50 * 2);
    expect(m?.r).toBe(MARK_MAX_R_CSS * 2);
    expect(m?.x).toBe((400 - 14 - MARK_MAX_R_CSS - 1) * 2);
    expect(m?.alpha).toBe(MARK_MAX_ALPHA);
    expect(m?.color).toBe('#f2994a');
  });

  it('colours by the side liquidated, fades and drifts left with age', () => {
    const { marks } = layoutRealisedMarks(
      [print({ side: 'long', time: NOW - 30 * MIN }), print({ time: NOW - 60 * MIN })],
      options,
    );
    const [hour, half] = marks; // oldest first
    expect(half?.color).toBe('#2f80ed');
    expect(hour?.alpha).toBe(MARK_MIN_ALPHA);
    expect(half?.alpha).toBeCloseTo((MARK_MAX_ALPHA + MARK_MIN_ALPHA) / 2, 1);
    const fresh = layoutRealisedMarks([print({})], options).marks[0];
    expect((fresh?.x ?? 0) - (hour?.x ?? 0)).toBeCloseTo(MARK_AGE_SPAN_CSS * 2, 10);
  });

  it('drops prints off the pane or older than the hour, and paints oldest first', () => {
    const layout = layoutRealisedMarks(
      [
        print({ time: NOW - 1 * MIN }),
        print({ price: 97_000 }),
        print({ price: 93_000 }),
        print({ time: NOW - 61 * MIN }),
        print({ time: NOW - 5 * MIN }),
      ],
      options,
    );
    expect(layout.offPane).toBe(3);
    expect(layout.marks.map((m) => m.time)).toEqual([NOW - 5 * MIN, NOW - 1 * MIN]);
  });

  it('a print from the future (clock skew) is drawn as fresh', () => {
    expect(layoutRealisedMarks([print({ time: NOW + 5_000 })], options).marks[0]?.alpha).toBe(MARK_MAX_ALPHA);
  });

  it('lays the same prints out afresh for a new clock, pixel ratio, width or scale', () => {
    const prints = [
      print({ time: NOW - 30 * MIN }),
      print({ side: 'long', price: 94_500, time: NOW - 5 * MIN }),
    ];
    const fresh = (o: MarksOptions) =>
      layoutRealisedMarks(
        prints.map((p) => ({ ...p })),
        o,
      );
    const variants: MarksOptions[] = [
      options,
      { ...options, now: NOW + 20 * MIN },
      { ...options, dpr: 1 },
      { ...options, width: 300 },
      { ...options, scale: { ...options.scale, from: 94_500, to: 96_500 } },
      options,
    ];
    // The same prints array each time: every layout equals one made from a copy (nothing cached by the array).
    for (const o of variants) expect(layoutRealisedMarks(prints, o)).toEqual(fresh(o));
  });

  it('an unusable scale draws nothing', () => {
    const layout = layoutRealisedMarks([print({})], { ...options, scale: { ...options.scale, to: 94_000 } });
    expect(layout.marks).toEqual([]);
    expect(layout.offPane).toBe(1);
  });
});

describe('sameMarks', () => {
  it('compares what would be painted', () => {
    const a = layoutRealisedMarks([print({})], options);
    expect(sameMarks(a, layoutRealisedMarks([print({})], options))).toBe(true);
    expect(sameMarks(a, layoutRealisedMarks([print({ price: 95_020 })], options))).toBe(false);
    expect(sameMarks(null, a)).toBe(false);
  });
});

describe('rowMapper', () => {
  it('is priceToY with the checks done once, on linear and log scales', () => {
    const scales: PriceScale[] = [
      options.scale,
      { from: 80_000, to: 110_000, mode: ScaleMode.Log, height: 633 },
      { from: 0.00001, to: 0.00003, mode: ScaleMode.Log, height: 300, logOffset: 0 },
      { from: 100_000, to: 90_000, mode: ScaleMode.Normal, height: 401 },
    ];
    for (const scale of scales) {
      const toY = rowMapper(scale);
      for (let i = 0; i <= 20; i++) {
        const price = scale.from + ((scale.to - scale.from) * i) / 20;
        expect(toY?.(price)).toBeCloseTo(priceToY(scale, price) as number, 9);
      }
    }
    expect(rowMapper({ ...options.scale, to: options.scale.from })).toBeNull();
    expect(rowMapper(scales[1] as PriceScale)?.(-5)).toBeNaN();
  });
});
