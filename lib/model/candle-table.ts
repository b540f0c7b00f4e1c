import type { SeriesCandle } from '../market/series';

/**
 * Candles as one flat Float64Array, `WIDTH` numbers a candle in the order of the `liqlens.series/1`
 * tuple, null as NaN. Read once from the JSON-shaped tuples, then every pass runs over contiguous memory.
 */
export const WIDTH = 8;
export const T = 0;
export const HIGH = 2;
export const LOW = 3;
export const CLOSE = 4;
export const VOLUME = 5;
export const QUOTE = 6;
export const TAKER_BUY = 7;

export function candleTable(candles: readonly SeriesCandle[]): Float64Array {
  const table = new Float64Array(candles.length * WIDTH);
  let o = 0;
  for (const c of candles) {
    table[o] = c[0];
    table[o + 1] = c[1];
    table[o + 2] = c[2];
    table[o + 3] = c[3];
    table[o + 4] = c[4];
    table[o + 5] = c[5];
    table[o + 6] = c[6] ?? Number.NaN;
    table[o + 7] = c[7] ?? Number.NaN;
    o += WIDTH;
  }
  return table;
}

/** Whether open times strictly increase. */
export function isStrictlySorted(table: Float64Array): boolean {
  for (let o = WIDTH; o < table.length; o += WIDTH)
    if (!((table[o] as number) > (table[o - WIDTH] as number))) return false;
  return true;
}

/** Candles by open time; for a repeated open time the last row wins. */
export function sortedCandleTable(candles: readonly SeriesCandle[]): Float64Array {
  const table = candleTable(candles);
  if (isStrictlySorted(table)) return table;
  const last = new Map<number, SeriesCandle>();
  for (const c of candles) last.set(c[0], c);
  return candleTable([...last.values()].sort((a, b) => a[0] - b[0]));
}
