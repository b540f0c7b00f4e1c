import { describe, expect, it } from 'vitest';
import { ladderLayout, ladderSpanPct } from '../../components/popup/ladder-layout';
import { makeView } from '../fixtures/views';

describe('ladderLayout', () => {
  const view = makeView();

  it('groups whole bins into rows around the price, highest first', () => {
    // ±2 % of 95,000 over 5 rows: 3,800 / 5 = 760 → 8 bins of 100 a row; the price sits in 94,800–95,600.
    const { rows, maxUsd } = ladderLayout(view.bins, 95_000, 2, 5, view.bands);
    expect(rows.map((r) => [r.low, r.high])).toEqual([
      [96_400, 97_200],
      [95_600, 96_400],
      [94_800, 95_600],
      [94_000, 94_800],
      [93_200, 94_000],
    ]);
    expect(rows.map((r) => r.short)).toEqual([1405e6, 40e6, 5e6, 0, 0]);
    expect(rows.map((r) => r.long)).toEqual([0, 0, 10e6, 40e6, 300e6]);
    expect(rows.map((r) => r.current)).toEqual([false, false, true, false, false]);
    expect(rows.map((r) => r.band)).toEqual(['short', null, null, null, 'long']);
    expect(maxUsd).toBe(1405e6);
  });

  it('reads rows past the grid as empty', () => {
    // ±1 % of 99,950 over 3 rows: 7 bins of 100 a row; the price sits in 99,800–100,500, the grid ends at 100,000.
    const { rows } = ladderLayout(view.bins, 99_950, 1, 3);
    expect(rows[0]).toMatchObject({ low: 100_500, high: 101_200, long: 0, short: 0 });
    expect(rows[1]).toMatchObject({ low: 99_800, current: true });
  });
});

describe('ladderSpanPct', () => {
  const { bands } = makeView();
  it('reaches the far edge of the farthest listed band with a 10 % margin, within bounds', () => {
    // Farthest edge: the long band's 91,500, 3,500 below 95,000.
    expect(ladderSpanPct(bands, 95_000, 1, 25)).toBeCloseTo((3500 / 95_000) * 110, 12);
    expect(ladderSpanPct(bands, 95_000, 5, 25)).toBe(5);
    expect(ladderSpanPct(bands, 95_000, 1, 2)).toBe(2);
  });
});
