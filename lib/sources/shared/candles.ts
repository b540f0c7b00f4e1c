import type { Candle } from '../../market/types';

/**
 * Keeps candles with open time in [fromMs, toMs] that had closed by `nowMs` (open + interval ≤ now):
 * venues serve the forming candle too, and a half-built candle would under-count volume.
 */
export function completeCandles(
  candles: Candle[],
  intervalMs: number,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Candle[] {
  return candles.filter((c) => c.t >= fromMs && c.t <= toMs && c.t + intervalMs <= nowMs);
}
