import { describe, expect, it } from 'vitest';
import type { SeriesCandle } from '../../lib/market/series';
import { candleTable, isStrictlySorted, sortedCandleTable } from '../../lib/model/candle-table';

describe('candle table', () => {
  it('lays candles out flat in tuple order, null as NaN', () => {
    const t = candleTable([[60, 1, 2, 0.5, 1.5, 10, null, 4]]);
    expect(Array.from(t)).toEqual([60, 1, 2, 0.5, 1.5, 10, Number.NaN, 4]);
  });

  it('sorts by open time and keeps the last row of a repeated time', () => {
    const rows: SeriesCandle[] = [
      [120, 3, 3, 3, 3, 1, null, null],
      [60, 1, 1, 1, 1, 1, null, null],
      [120, 9, 9, 9, 9, 1, null, null],
    ];
    const t = sortedCandleTable(rows);
    expect(isStrictlySorted(t)).toBe(true);
    expect([t[0], t[1], t[8], t[9]]).toEqual([60, 1, 120, 9]);
    expect(t.length).toBe(16);
  });
});
