import { describe, expect, it } from 'vitest';
import { parseFidelityCsv } from '../../lib/fidelity/csv';
import { selectPoints } from '../../lib/fidelity/points';
import { DAY, fidelityCsv, HOUR, T0 } from './csv-builder';

describe('selectPoints', () => {
  it('takes every 6th hour after 30 days while the next 24 h are in the file', () => {
    // 32 days: t = 30 d + 6 h·k with t + 24 h ≤ 32 d → k = 0..4.
    const { points, skipped } = selectPoints(parseFidelityCsv(fidelityCsv(32 * 24)));
    expect(points.map((p) => (p.time - T0) / HOUR)).toEqual([720, 726, 732, 738, 744]);
    expect(skipped).toBe(0);
  });

  it('builds the 30 days before t as one binance venue at 1 h, OI in base units', () => {
    const rows = parseFidelityCsv(
      fidelityCsv(31 * 24, (i) => ({ close: 100 + i / 100, high: 101 + i, oi: 2000 })),
    );
    const [point] = selectPoints(rows).points;
    const venue = point?.series.venues[0];
    expect(point?.series.interval).toBe('1h');
    expect(venue?.venue).toBe('binance');
    expect(venue?.candles).toHaveLength(720);
    expect(venue?.candles[0]?.[0]).toBe(T0);
    expect(venue?.markPrice).toBeCloseTo(100 + 719 / 100, 12);
    expect(point?.price).toBeCloseTo(107.19, 12);
    expect(venue?.openInterest[719]).toEqual([T0 + 719 * HOUR, 2000 / 107.19]);
    expect(point?.oiUsd).toBe(2000);
  });

  it('sums the realised and spans the range of the next 4 h and 24 h', () => {
    const rows = parseFidelityCsv(
      fidelityCsv(31 * 24, (i) =>
        i >= 720 ? { high: 100 + (i - 719), low: 100 - (i - 719) / 10, long: 1, short: 2 } : {},
      ),
    );
    const [point] = selectPoints(rows).points;
    expect(point?.windows.h4).toEqual({ high: 104, low: 99.6, realisedLongUsd: 4, realisedShortUsd: 8 });
    expect(point?.windows.h24).toEqual({ high: 124, low: 97.6, realisedLongUsd: 24, realisedShortUsd: 48 });
  });

  it('skips and counts a point whose window or P hour is missing, never reading a gap as zero', () => {
    // Hour 730 lies in the windows of t = 720 and 726; hour 731 is P of t = 732.
    const { points, skipped } = selectPoints(parseFidelityCsv(fidelityCsv(32 * 24, () => ({}), [730, 731])));
    expect(points.map((p) => (p.time - T0) / HOUR)).toEqual([738, 744]);
    expect(skipped).toBe(3);
  });

  it('keeps the 6-hour grid and restricts to from ≤ t < to', () => {
    const rows = parseFidelityCsv(fidelityCsv(32 * 24));
    const { points } = selectPoints(rows, T0 + 30 * DAY + 1, T0 + 30 * DAY + 18 * HOUR);
    expect(points.map((p) => (p.time - T0) / HOUR)).toEqual([726, 732]);
  });
});
