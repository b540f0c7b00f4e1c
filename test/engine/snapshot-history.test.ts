import { describe, expect, it } from 'vitest';
import { alignSnapshots, oiChange24hPct, snapshotTolerance } from '../../lib/engine/snapshot-history';

const MIN = 60_000;
const H = 60 * MIN;
const T = Date.UTC(2026, 10, 20, 12, 0);

describe('alignSnapshots', () => {
  it('gives each candle the snapshot nearest its end, within the tolerance', () => {
    const snapshots = [
      { time: T + 20_000, oi: 1 }, // end of 11:45 → candle 11:45
      { time: T - 10_000, oi: 2 }, // also near 12:00, nearer (10 s): wins
      { time: T + 15 * MIN + 5 * MIN + 1, oi: 3 }, // 5 min + 1 ms after 12:15: too far
      { time: T + 30 * MIN - 4 * MIN, oi: 4 }, // 4 min before 12:30 → candle 12:15
      { time: T + 45 * MIN, oi: 5 }, // end of 12:30, but after toOpen 12:15
    ];
    expect(alignSnapshots(snapshots, 15 * MIN, T - 15 * MIN, T + 15 * MIN)).toEqual([
      { t: T - 15 * MIN, oi: 2 },
      { t: T + 15 * MIN, oi: 4 },
    ]);
  });

  it('tolerates half a candle or 5 minutes, whichever is less', () => {
    expect(snapshotTolerance(5 * MIN)).toBe(150_000);
    expect(snapshotTolerance(15 * MIN)).toBe(5 * MIN);
    expect(snapshotTolerance(4 * H)).toBe(5 * MIN);
  });
});

describe('oiChange24hPct', () => {
  it('compares the last point with the one a day before', () => {
    const points = [
      { t: T - 24 * H, oi: 80 },
      { t: T - 12 * H, oi: 90 },
      { t: T, oi: 100 },
    ];
    expect(oiChange24hPct(points)).toBeCloseTo(25, 12);
  });

  it('takes the nearest point within an hour of a day back, else null', () => {
    expect(
      oiChange24hPct([
        { t: T - 24 * H - 45 * MIN, oi: 50 },
        { t: T - 23 * H - 30 * MIN, oi: 200 },
        { t: T, oi: 100 },
      ]),
    ).toBeCloseTo(-50, 12);
    expect(
      oiChange24hPct([
        { t: T - 20 * H, oi: 50 },
        { t: T, oi: 100 },
      ]),
    ).toBeNull();
    expect(oiChange24hPct([])).toBeNull();
  });
});
