import { describe, expect, it } from 'vitest';
import { calibratedAtRisk } from '../../lib/figures/calibrated-at-risk';
import type { CalibrationFactor } from '../../lib/track-record/calibration-factor';

const factor = (value: number, low: number, high: number, sweptBands = 14): CalibrationFactor => ({
  side: 'short',
  sweptBands,
  estimatedUsd: 1e9,
  realisedUsd: value * 1e9,
  factor: { value, low, high },
});
const notEnough: CalibrationFactor = {
  side: 'long',
  sweptBands: 9,
  estimatedUsd: 5e8,
  realisedUsd: 1e8,
  factor: null,
};

describe('calibratedAtRisk', () => {
  it('with the setting off, is the model figure, labelled as an estimate, with no note', () => {
    expect(calibratedAtRisk(1.5e9, null)).toEqual({
      usd: 1.5e9,
      usdText: '$1.5B',
      modelUsd: 1.5e9,
      range: null,
      status: 'off',
      label: 'estimate',
      note: null,
    });
  });

  it('multiplies by the factor and its interval, to the precision of the interval: $1.5B × 0.31 (0.18–0.52)', () => {
    const shown = calibratedAtRisk(1.5e9, factor(0.31, 0.18, 0.52));
    // $465M in $270M–$780M: a half-width of $255M keeps tens of millions.
    expect(shown.usd).toBeCloseTo(4.7e8, 0);
    expect(shown.range?.low).toBeCloseTo(2.7e8, 0);
    expect(shown.range?.high).toBeCloseTo(7.8e8, 0);
    expect(shown).toMatchObject({
      usdText: '$470M',
      status: 'calibrated',
      label: 'calibrated estimate',
      modelUsd: 1.5e9,
    });
    expect(shown.note).toBe(
      "$270M–$780M at 95 %: the model's $1.5B × realised ÷ estimate 0.31 (0.18–0.52) over 7 days",
    );
  });

  it('below 10 swept bands changes nothing and says "not enough data yet"', () => {
    const shown = calibratedAtRisk(1.5e9, notEnough);
    expect(shown).toMatchObject({
      usd: 1.5e9,
      usdText: '$1.5B',
      range: null,
      status: 'not-enough',
      label: 'estimate',
    });
    expect(shown.note).toBe('Calibration: not enough data yet (9 of 10 swept bands); figure unchanged');
  });

  it('keeps nothing at risk at nothing, calibrated or not', () => {
    expect(calibratedAtRisk(0, factor(2, 1, 3)).usd).toBe(0);
    expect(calibratedAtRisk(0, factor(2, 1, 3)).range).toEqual({ low: 0, high: 0 });
  });

  it("keeps a narrow interval's precision: $1.5B × 1.004 (1.001–1.007) reads $1.506B", () => {
    const shown = calibratedAtRisk(1.5e9, factor(1.004, 1.001, 1.007));
    expect(shown.usd).toBeCloseTo(1.506e9, 0);
    expect(shown.range).toEqual({ low: expect.closeTo(1.5015e9, 0), high: expect.closeTo(1.5105e9, 0) });
  });
});
