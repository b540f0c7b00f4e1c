/** A Bybit v5 envelope around `result`, as the venue sends it. */
export function envelope(result: unknown, time: number, retCode = 0, retMsg = 'OK'): unknown {
  return { retCode, retMsg, result, retExtInfo: {}, time };
}

/** A linear kline row for open time `t`, values derived from `t`. */
export function klineRow(t: number, step: number): string[] {
  return [String(t), '100.5', '110', '90', String(100 + ((t / step) % 7)), '12.5', '1250.75'];
}

/** Rows for open times from..to, newest first as Bybit sends them. */
export function klineRows(from: number, to: number, step: number): string[][] {
  const rows: string[][] = [];
  for (let t = to; t >= from; t -= step) rows.push(klineRow(t, step));
  return rows;
}
