/** Small hand-made fidelity files for the tests: one row an hour from T0. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 0, 1);
export const HEADER =
  'timestamp,price_open,price_high,price_low,price_close,oi_close,funding_close,liquidation_long_usd,liquidation_short_usd';

export interface HourRow {
  open: number;
  high: number;
  low: number;
  close: number;
  oi: number;
  long: number;
  short: number;
}

/** A file of `hours` rows; `row(i)` gives hour i (defaults: a flat 100 with OI $1,000 and nothing liquidated). */
export function fidelityCsv(
  hours: number,
  row: (i: number) => Partial<HourRow> = () => ({}),
  skip: readonly number[] = [],
): string {
  const lines = [HEADER];
  for (let i = 0; i < hours; i++) {
    if (skip.includes(i)) continue;
    const r: HourRow = { open: 100, high: 100, low: 100, close: 100, oi: 1000, long: 0, short: 0, ...row(i) };
    lines.push([T0 + i * HOUR, r.open, r.high, r.low, r.close, r.oi, 0.0001, r.long, r.short].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A month and a bit of a market that swings: the price follows a slow wave, OI grows, and liquidations
 * follow the size of each hour's move, so a sensible forecast ranks them.
 */
export function swingingCsv(days = 34): string {
  return fidelityCsv(days * 24, (i) => {
    const price = 100 * (1 + 0.05 * Math.sin(i / 9) + 0.02 * Math.sin(i / 2.3));
    const next = 100 * (1 + 0.05 * Math.sin((i + 1) / 9) + 0.02 * Math.sin((i + 1) / 2.3));
    const high = Math.max(price, next) * 1.002;
    const low = Math.min(price, next) * 0.998;
    return {
      open: price,
      high,
      low,
      close: next,
      oi: 1000 + i,
      long: Math.max(0, price - next) * 1000 + (i % 7),
      short: Math.max(0, next - price) * 1000 + (i % 5),
    };
  });
}
