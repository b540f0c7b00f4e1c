/**
 * Plausibility bounds every boundary applies to market figures, so that no product or sum of them overflows
 * (an open interest of 1e308 times a mark price is Infinity) and no absurd stamp decides a window.
 */

/** No price, size, volume or open interest a venue serves comes near this; products of two stay finite. */
export const MAX_MARKET_NUMBER = 1e15;
/** A funding rate per interval beyond ±10 % is no venue's (their caps are a few percent). */
export const MAX_FUNDING_RATE = 0.1;
/** Times after this (1 Jan 2200) are not a market's clock. */
export const MAX_TIME_MS = Date.UTC(2200, 0, 1);

/** Why a candle's prices cannot be (high below low, open or close outside [low, high]), or null. */
export function candleProblem(open: number, high: number, low: number, close: number): string | null {
  if (high < low) return `its high ${high} is below its low ${low}`;
  if (open < low || open > high) return `its open ${open} is outside [low ${low}, high ${high}]`;
  if (close < low || close > high) return `its close ${close} is outside [low ${low}, high ${high}]`;
  return null;
}
