import { describe, expect, it } from 'vitest';
import type { FidelityPoint, FidelityWindow } from '../../lib/fidelity/points';
import {
  DEFAULT_BOOTSTRAP,
  difference,
  type Forecast,
  jOf,
  nullForecast,
  realisedOf,
  rhos,
  scoreForecast,
} from '../../lib/fidelity/score';

const w = (high: number, low: number, long: number, short: number): FidelityWindow => ({
  high,
  low,
  realisedLongUsd: long,
  realisedShortUsd: short,
});

function point(i: number, high: number, low: number, long: number, short: number): FidelityPoint {
  return {
    time: i * 6 * 3_600_000,
    price: 100,
    oiUsd: 1000,
    series: { format: 'liqlens.series/1', asset: 'BTC', interval: '1h', venues: [] },
    windows: { h4: w(high, low, long, short), h24: w(high + 1, low - 1, long * 2, short * 2) },
  };
}

const points = [
  point(0, 103, 98, 5, 1),
  point(1, 101, 99, 1, 4),
  point(2, 102, 97, 9, 2),
  point(3, 100, 96, 3, 0),
];

function forecast(
  name: string,
  fill: (h: 'h4' | 'h24', side: 'long' | 'short', i: number) => number,
): Forecast {
  const arr = (h: 'h4' | 'h24', side: 'long' | 'short') =>
    Float64Array.from(points, (_, i) => fill(h, side, i));
  return {
    name,
    atRisk: {
      h4: { short: arr('h4', 'short'), long: arr('h4', 'long') },
      h24: { short: arr('h24', 'short'), long: arr('h24', 'long') },
    },
  };
}

describe('nullForecast', () => {
  it('is oi × max(0, high/P − 1) for shorts and oi × max(0, 1 − low/P) for longs', () => {
    const f = nullForecast(points);
    expect(Array.from(f.atRisk.h4.short)).toEqual([30, 10, 20, 0].map((v) => expect.closeTo(v, 9)));
    expect(Array.from(f.atRisk.h4.long)).toEqual([20, 10, 30, 40].map((v) => expect.closeTo(v, 9)));
    expect(Array.from(f.atRisk.h24.short)).toEqual([40, 20, 30, 10].map((v) => expect.closeTo(v, 9)));
  });
});

describe('rhos and J', () => {
  const realised = realisedOf(points);

  it('scores a forecast that ranks like the realised at 1', () => {
    const perfect = forecast(
      'perfect',
      (h, side, i) => (side === 'long' ? realised[h].long[i] : realised[h].short[i]) as number,
    );
    const rho = rhos(perfect, realised);
    expect(rho).toEqual({ h4: { short: 1, long: 1 }, h24: { short: 1, long: 1 } });
    expect(jOf(rho)).toBe(1);
  });

  it('gives a constant forecast ρ = 0, and leaves an all-zero window out of J for every forecaster', () => {
    const zeroShorts = points.map((p) => ({
      ...p,
      windows: { ...p.windows, h4: { ...p.windows.h4, realisedShortUsd: 0 } },
    }));
    const r = realisedOf(zeroShorts);
    const flat = forecast('flat', () => 7);
    expect(rhos(flat, r)).toEqual({ h4: { short: null, long: 0 }, h24: { short: 0, long: 0 } });
    const nul = rhos(nullForecast(zeroShorts), r);
    expect(nul.h4.short).toBeNull();
    expect(jOf(nul)).toBeCloseTo(
      ((nul.h4.long as number) + (nul.h24.short as number) + (nul.h24.long as number)) / 3,
      12,
    );
  });

  it('is null when every window is all zero', () => {
    const none = points.map((p) => point(p.time, 101, 99, 0, 0));
    expect(jOf(rhos(nullForecast(none), realisedOf(none)))).toBeNull();
  });

  it('computes the 24 h calibration ratio as Σ at-risk ÷ Σ realised', () => {
    const s = scoreForecast(
      forecast('f', (h) => (h === 'h24' ? 10 : 0)),
      realised,
    );
    // 24 h realised: longs 2·(5+1+9+3) = 36, shorts 2·(1+4+2+0) = 14.
    expect(s.calibration24h.long).toBeCloseTo(40 / 36, 12);
    expect(s.calibration24h.short).toBeCloseTo(40 / 14, 12);
    expect(s.calibration24h.both).toBeCloseTo(80 / 50, 12);
  });
});

describe('difference', () => {
  it('is 0 with a zero-width interval for a forecast equal to the null', () => {
    const realised = realisedOf(points);
    const nul = nullForecast(points);
    const d = difference({ ...nul, name: 'copy' }, nul, realised, { ...DEFAULT_BOOTSTRAP, resamples: 50 });
    expect(d).toEqual({ of: 'copy', against: 'null', diff: 0, low: 0, high: 0 });
  });
});
