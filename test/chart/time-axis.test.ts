import { describe, expect, it } from 'vitest';
import { createClTimeReader, readClTime, readLwcTime } from '../../lib/chart/bridge/read-time';
import type { TimeRead } from '../../lib/chart/snapshot';
import { resolutionMs, verifyTimeAxis } from '../../lib/chart/time-axis';
import { timeToX } from '../../lib/overlay/layers/types';

const M15 = 900_000;
const T0 = 1_795_000_000_000 - (1_795_000_000_000 % M15);

/** A chart whose candle i (open time T0 + i·15 m) is centred at x = 20 + 8·i. */
const truth = (t: number) => 20 + ((t - T0) / M15) * 8;

function read(overrides: Partial<TimeRead> = {}): TimeRead {
  return {
    t0: T0,
    x0: 20,
    spacing: 8,
    intervalMs: M15,
    checks: [
      { t: T0 + 50 * M15, x: truth(T0 + 50 * M15) },
      { t: T0 + 90 * M15, x: truth(T0 + 90 * M15) },
    ],
    visible: { from: T0, to: T0 + 95 * M15 },
    ...overrides,
  };
}

describe('verifyTimeAxis', () => {
  it('accepts an axis that its known candles confirm, and maps times to candle centres', () => {
    const axis = verifyTimeAxis(read(), 780, '15');
    expect(axis).not.toBeNull();
    if (!axis) return;
    expect(timeToX(axis, T0 + 10 * M15)).toBe(100);
  });

  it('refuses a check more than 1 px off, one known candle, a wrong interval or a range outside the pane', () => {
    expect(
      verifyTimeAxis(read({ checks: [{ t: T0 + 50 * M15, x: truth(T0 + 50 * M15) + 1.5 }] }), 780, null),
    ).toBe(null);
    expect(
      verifyTimeAxis(read({ checks: [read().checks[0] as TimeRead['checks'][0]] }), 780, null),
    ).toBeNull();
    expect(verifyTimeAxis(read(), 780, '60')).toBeNull();
    expect(
      verifyTimeAxis(read({ visible: { from: T0 - 10 * M15, to: T0 + 95 * M15 } }), 780, null),
    ).toBeNull();
    expect(verifyTimeAxis(read({ spacing: 0 }), 780, null)).toBeNull();
    expect(verifyTimeAxis(null, 780, null)).toBeNull();
  });

  it('checks the interval against each snapshot’s resolution, one after another, and months not at all', () => {
    expect(verifyTimeAxis(read(), 780, '15')).not.toBeNull();
    expect(verifyTimeAxis(read(), 780, '60')).toBeNull();
    expect(verifyTimeAxis(read(), 780, '15')).not.toBeNull();
    expect(verifyTimeAxis(read(), 780, '1M')).not.toBeNull();
    expect(verifyTimeAxis(read(), 780, '1W')).toBeNull();
    expect(verifyTimeAxis(read(), 780, 'x')).not.toBeNull();
  });

  it('wants two distinct candles among the checks, not one checked twice', () => {
    const check = read().checks[0] as TimeRead['checks'][0];
    expect(verifyTimeAxis(read({ checks: [check, { ...check }] }), 780, null)).toBeNull();
    expect(
      verifyTimeAxis(read({ checks: [check, { ...check }, ...read().checks.slice(1)] }), 780, null),
    ).not.toBeNull();
  });

  it('reads the Charting Library resolutions', () => {
    expect(resolutionMs('15')).toBe(M15);
    expect(resolutionMs('1D')).toBe(86_400_000);
    expect(resolutionMs('D')).toBe(86_400_000);
    expect(resolutionMs('240')).toBe(4 * 3_600_000);
    expect(resolutionMs('1W')).toBe(7 * 86_400_000);
    expect(resolutionMs('x')).toBeNull();
  });
});

/** A Charting Library chart over lightweight-charts' own mapping (centre of index i at x = W − (B − i + 0.5)·s − 1). */
function fakeCl(shiftBars = 0, spacingLie = 0) {
  const W = 800;
  const s = 7.3;
  const B = 299;
  const time = (i: number) => (T0 + i * M15) / 1000;
  /** The chart scrolled right by this many px (a fraction of a candle: the same candles in view). */
  const scroll = { px: 0 };
  const lookups = { count: 0 };
  const centre = (i: number) => W - (B - i + 0.5) * s - 1 + scroll.px;
  return {
    centre,
    time,
    scroll,
    lookups,
    chart: {
      getTimeScale: () => ({
        barSpacing: () => s + spacingLie,
        coordinateToTime: (x: number) => {
          lookups.count += 1;
          const i = Math.ceil(B - (W - 1 - (x - scroll.px)) / s);
          return i < 0 || i > B ? null : time(i) + shiftBars * 900;
        },
      }),
      getVisibleRange: () => ({ from: time(Math.ceil(B - (W - 1) / s)), to: time(B) }),
    },
    W,
  };
}

describe('readClTime (the Charting Library, through coordinateToTime)', () => {
  it('finds the candle centres and interval the chart uses, and the overlay accepts them', () => {
    const cl = fakeCl();
    const timeRead = readClTime(cl.chart, cl.W);
    const axis = verifyTimeAxis(timeRead, cl.W, '15');
    expect(axis).not.toBeNull();
    if (!axis) return;
    for (const i of [200, 250, 299])
      expect(Math.abs(timeToX(axis, cl.time(i) * 1000) - cl.centre(i))).toBeLessThan(0.01);
  });

  it('bisects one edge of the middle candle: the other is barSpacing() away when two lookups say so', () => {
    const cl = fakeCl();
    expect(readClTime(cl.chart, cl.W)).not.toBeNull();
    // The middle candle, 13 for the left edge (its bracket, 12 steps), 2 for the right, the next candle, 2 checks.
    expect(cl.lookups.count).toBe(1 + 13 + 2 + 1 + 2);
  });

  it('a time scale that lies (candles reported 3 later, or a wrong bar spacing) gives no axis', () => {
    const shifted = fakeCl(3);
    expect(verifyTimeAxis(readClTime(shifted.chart, shifted.W), shifted.W, '15')).toBeNull();
    const spacing = fakeCl(0, 2);
    expect(readClTime(spacing.chart, spacing.W)).toBeNull();
  });
});

describe('createClTimeReader (the same, remembering the candle edges between frames)', () => {
  it('reads as readClTime does with a few lookups while the axis stays, and reads afresh when it moves', () => {
    const cl = fakeCl();
    const read = createClTimeReader();
    const first = read(cl.chart, cl.W);
    expect(first).toEqual(readClTime(cl.chart, cl.W));
    cl.lookups.count = 0;
    // A frame of a price pan: the time axis is where it was.
    expect(read(cl.chart, cl.W)).toEqual(first);
    const remembered = cl.lookups.count;
    cl.lookups.count = 0;
    readClTime(cl.chart, cl.W);
    expect(remembered).toBeLessThan(cl.lookups.count / 2);
    // Scrolled by a third of a pixel: the remembered edges no longer hold, and the read follows the chart.
    cl.scroll.px = 0.3;
    const moved = read(cl.chart, cl.W);
    expect(moved).toEqual(readClTime(cl.chart, cl.W));
    expect((moved?.x0 ?? 0) - (first?.x0 ?? 0)).toBeCloseTo(0.3, 2);
    const axis = verifyTimeAxis(moved, cl.W, '15');
    expect(axis && Math.abs(timeToX(axis, cl.time(250) * 1000) - cl.centre(250))).toBeLessThan(0.01);
  });

  it('checks the known candles on every read: a scale that starts to lie is caught at once', () => {
    const cl = fakeCl();
    const read = createClTimeReader();
    expect(verifyTimeAxis(read(cl.chart, cl.W), cl.W, '15')).not.toBeNull();
    const lying = {
      ...cl.chart,
      getVisibleRange: () => ({ from: cl.time(100), to: cl.time(299) + 3 * 900 }),
    };
    expect(verifyTimeAxis(read(lying, cl.W), cl.W, '15')).toBeNull();
  });
});

describe('readLwcTime (lightweight-charts, through timeToCoordinate)', () => {
  const bars = Array.from({ length: 300 }, (_, i) => ({ time: (T0 + i * M15) / 1000 }));
  const series = {
    dataByIndex: (i: number, dir: number) =>
      bars[Math.max(0, Math.min(bars.length - 1, i))] ?? (dir ? null : null),
  };
  const chart = (xOf: (t: number) => number) => ({
    timeScale: () => ({
      options: () => ({ barSpacing: 6 }),
      getVisibleLogicalRange: () => ({ from: 170.4, to: 299.6 }),
      timeToCoordinate: (t: number) => xOf(t),
    }),
  });
  const centre = (t: number) => 3 + ((t * 1000 - (T0 + 171 * M15)) / M15) * 6;

  it('reads an axis that verifies', () => {
    const timeRead = readLwcTime(chart(centre), series);
    const axis = verifyTimeAxis(timeRead, 780, null);
    expect(axis).not.toBeNull();
    if (axis) expect(timeToX(axis, T0 + 250 * M15)).toBeCloseTo(3 + 79 * 6, 9);
  });

  it('a mapping that is not linear in time fails the check', () => {
    const timeRead = readLwcTime(
      chart((t) => centre(t) + (t * 1000 > T0 + 240 * M15 ? 12 : 0)),
      series,
    );
    expect(verifyTimeAxis(timeRead, 780, null)).toBeNull();
  });
});
