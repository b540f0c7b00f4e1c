import { describe, expect, it } from 'vitest';
import { FidelityInputError, parseFidelityCsv } from '../../lib/fidelity/csv';
import { fidelityCsv, HEADER, HOUR, T0 } from './csv-builder';

const bad = (text: string) => {
  try {
    parseFidelityCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FidelityInputError);
    return (error as Error).message;
  }
  throw new Error('expected a FidelityInputError');
};

describe('parseFidelityCsv', () => {
  it('reads the columns by name, in any order, other columns ignored', () => {
    const text = `liquidation_short_usd,liquidation_long_usd,oi_close,price_close,price_low,price_high,price_open,timestamp,extra\n7,6,5000,101,99,102,100,${T0},x\n`;
    expect(parseFidelityCsv(text)).toEqual([
      { time: T0, open: 100, high: 102, low: 99, close: 101, oiUsd: 5000, liqLongUsd: 6, liqShortUsd: 7 },
    ]);
  });

  it('names the problem in one line', () => {
    expect(bad('')).toBe('the file is empty (expected a CSV header)');
    expect(bad(`${HEADER}\n`)).toBe('the file has a header but no rows');
    expect(bad('timestamp,price_open\n1,2\n')).toMatch(/^missing columns: price_high, price_low, /);
    expect(bad(`${HEADER}\n${T0},100,101,99,100,5,0,1\n`)).toBe('line 2: expected 9 cells, found 8');
    expect(bad(`${HEADER}\n${T0},100,101,99,100,abc,0,1,1\n`)).toBe(
      "line 2: oi_close: expected a number, found 'abc'",
    );
    expect(bad(`${HEADER}\n${T0},100,101,99,100,5,0,-1,1\n`)).toBe(
      'line 2: liquidation_long_usd: expected liquidations ≥ 0',
    );
    expect(bad(`${HEADER}\n${T0},100,99,98,100,5,0,1,1\n`)).toBe(
      'line 2: price_high: the high is below the open, low or close',
    );
    expect(bad(`${HEADER}\n${T0},100,101,99,100,,0,1,1\n`)).toBe(
      'line 2: oi_close: expected a number, found an empty cell',
    );
  });

  it('wants times strictly increasing on the hour grid of the first row', () => {
    const two = fidelityCsv(2).split('\n');
    expect(bad([two[0], two[2], two[1]].join('\n'))).toMatch(
      /^line 3: timestamp \d+ is not after the row before$/,
    );
    expect(bad(`${fidelityCsv(1)}${T0 + HOUR + 60_000},100,100,100,100,1,0,0,0\n`)).toMatch(
      /^line 3: timestamp \d+ is not a whole number of hours after the first row$/,
    );
  });

  it('accepts missing hours (a gap, scored as a gap later)', () => {
    expect(parseFidelityCsv(fidelityCsv(5, () => ({}), [2]))).toHaveLength(4);
  });
});
