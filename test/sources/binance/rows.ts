/** A Binance kline row for open time `t` whose values are derived from `t` (so tests can check them). */
export function klineRow(t: number, step: number, close = 100 + ((t / step) % 7)): unknown[] {
  return [t, '100.5', '110', '90', String(close), '12.5', t + step - 1, '1250.75', 42, '7.25', '725.1', '0'];
}

export function klineRows(from: number, to: number, step: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let t = from; t <= to; t += step) rows.push(klineRow(t, step));
  return rows;
}
