import { describe, expect, it } from 'vitest';
import { trackRecord } from '../../lib/track-record/aggregate';
import { MIN_SWEPT_BANDS } from '../../lib/track-record/calibration-factor';
import { DAY, HOUR, recorded, T0 } from './fixture';

describe('trackRecord', () => {
  it('counts bands swept, not reached and still open', () => {
    const r = trackRecord(recorded(3, 12, T0 + 30 * HOUR)); // views at 0, 12 h, 24 h; the last two still open
    expect(r.bands).toEqual({ total: 6, swept: 3, notReached: 1, open: 2 });
  });

  it('measures the lift and the control zones by hand', () => {
    // Padded bands 94.5–96.5 and 103.5–105.5; traded 95.5–101, so outside = 96.5–101 (4.5 % of P).
    // Inside: $300 over 2 % = 150 per %. Outside: $90 long at 98 + $45 short at 100.5 = 135 over 4.5 % =
    // 30 per %. Lift 5. Control zones of the swept band's width, 2: 96.5–98.5 (hit by the long at 98)
    // and 98.5–100.5 (the short at 100.5 is on its upper edge, outside it): 1 of 2.
    const r = trackRecord(recorded(1));
    expect(r.lift).toEqual({ value: 5, low: 5, high: 5 });
    expect(r.hitRate.bands).toMatchObject({ hits: 1, trials: 1, rate: 1 });
    expect(r.hitRate.control).toMatchObject({ hits: 1, trials: 2, rate: 0.5 });
    expect(r.hitRate.control.interval?.low).toBeCloseTo(0.0945, 3); // Wilson, 1 of 2
    expect(r.hitRate.control.interval?.high).toBeCloseTo(0.9055, 3);
  });

  it(`says "not enough data yet" (no factor) below ${MIN_SWEPT_BANDS} swept bands on a side`, () => {
    const nine = trackRecord(recorded(MIN_SWEPT_BANDS - 1));
    // Each band collects its own $300 and the next view's (12 h later): 8 × 600 + 300.
    expect(nine.calibration.long).toMatchObject({
      sweptBands: 9,
      estimatedUsd: 9000,
      realisedUsd: 5100,
      factor: null,
    });
    const ten = trackRecord(recorded(MIN_SWEPT_BANDS));
    expect(ten.calibration.long.sweptBands).toBe(10);
    const f = ten.calibration.long.factor;
    expect(f?.value).toBeCloseTo(5700 / 10_000, 12);
    expect(f?.low).toBeLessThan(0.57);
    expect(f?.high).toBeGreaterThanOrEqual(0.57);
    expect(f?.high).toBeLessThanOrEqual(0.6);
    expect(ten.calibration.short).toMatchObject({ sweptBands: 0, factor: null });
  });

  it('gives a view with no swept band no factor and no lift', () => {
    const data = recorded(12);
    const unswept = { ...data, scores: data.scores.map((s) => ({ ...s, swept: false })) };
    const r = trackRecord(unswept);
    expect(r.calibration.long).toMatchObject({ sweptBands: 0, factor: null });
    expect(r.lift).toBeNull();
    expect(r.hitRate.bands).toEqual({ hits: 0, trials: 0, rate: null, interval: null });
  });

  it('puts an interval around a factor that varies between views', () => {
    const data = recorded(12);
    const scores = data.scores.map((s, i) =>
      s.side === 'long' ? { ...s, realisedUsd: ((i / 2) % 4) * 200 } : s,
    );
    const r = trackRecord({ ...data, scores });
    const f = r.calibration.long.factor;
    expect(f?.value).toBeCloseTo(0.3, 12);
    expect(f?.low).toBeLessThan(0.3);
    expect(f?.high).toBeGreaterThan(0.3);
    expect(trackRecord({ ...data, scores }).calibration.long.factor).toEqual(f);
  });

  it('keeps to the last 7 days and to the asset', () => {
    const data = recorded(20, 12); // views over 9.5 days
    const r = trackRecord(data);
    expect(r.from).toBe(data.now - 7 * DAY);
    expect(r.snapshots).toBe(13); // 84 h … 228 h
    expect(trackRecord({ ...data, asset: 'ETH' }).bands.total).toBe(0);
  });

  it('sums the swept bands per day for the chart', () => {
    const r = trackRecord(recorded(4, 12));
    expect(r.daily).toEqual([
      { day: T0, sweptBands: 2, estimatedUsd: 2000, realisedUsd: 1200 },
      { day: T0 + DAY, sweptBands: 2, estimatedUsd: 2000, realisedUsd: 900 },
    ]);
  });
});
