import { describe, expect, it } from 'vitest';
import { makeGrid } from '../../lib/model/bins';
import { runLedger } from '../../lib/model/ledger';
import { readOut } from '../../lib/model/read-out';
import { flat, HOUR, params, SIMPLE } from './helpers';

// One 4x tier at 100, opened by candle 1 (t = 1 h): long 50 at 75, short 50 at 125. The last candle
// (t = 2 h) ends at 3 h, so the buckets are 2 h old at read-out.
const ledger = runLedger(
  [flat(0, 100), flat(HOUR, 100), flat(2 * HOUR, 100)],
  [
    [0, 10],
    [HOUR, 11],
    [2 * HOUR, 11],
  ],
  params(SIMPLE),
);
const END = 3 * HOUR;
const grid = makeGrid(100, 1, 30); // w = 1 on [70, 130): 75 is bin 5, 125 is bin 55

describe('read-out', () => {
  it('puts each bucket in the bin holding its liquidation price (no decay)', () => {
    const map = readOut(ledger, grid, 0, END);
    expect(map.long[5]).toBe(50);
    expect(map.short[55]).toBe(50);
    expect(map.openUsd).toBe(100);
    expect(map.decayedUsd).toBe(0);
    expect(map.droppedUsd).toBe(0);
  });

  it('decay halves a bucket at one half-life of age', () => {
    const map = readOut(ledger, grid, 2, END);
    expect(map.long[5]).toBe(25);
    expect(map.short[55]).toBe(25);
    expect(map.openUsd).toBe(100);
    expect(map.decayedUsd).toBe(50);
  });

  it('and quarters it at two', () => {
    const map = readOut(ledger, grid, 1, END);
    expect(map.long[5]).toBe(12.5);
    expect(map.decayedUsd).toBe(75);
  });

  it('follows 0.5^(age/half-life) between whole half-lives', () => {
    const map = readOut(ledger, grid, 3, END); // 2 h of a 3 h half-life
    expect(map.long[5]).toBeCloseTo(50 * 0.5 ** (2 / 3), 12);
    expect(map.short[55]).toBeCloseTo(31.498, 3);
  });

  it('drops and counts notional outside [lo, hi), before decay', () => {
    const narrow = makeGrid(100, 1, 20); // [80, 120)
    const map = readOut(ledger, narrow, 2, END);
    expect(map.droppedUsd).toBe(100);
    expect(map.openUsd).toBe(0);
    expect(map.decayedUsd).toBe(0);
    expect(map.long.every((v) => v === 0) && map.short.every((v) => v === 0)).toBe(true);
  });
});
