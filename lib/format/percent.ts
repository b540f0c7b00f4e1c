import { formatFixed, MINUS, NOT_A_NUMBER, roundHalfUp } from './number';

/**
 * A change in percent, always signed: `+3.0 %`, `−1.9 %`, and `0.0 %` for what rounds to zero.
 * `pct` is in percent (3 = 3 %).
 */
export function formatSignedPercent(pct: number, decimals = 1): string {
  if (!Number.isFinite(pct)) return NOT_A_NUMBER;
  const text = formatFixed(Math.abs(pct), decimals);
  if (roundHalfUp(Math.abs(pct), decimals) === 0) return `${text} %`;
  return `${pct > 0 ? '+' : MINUS}${text} %`;
}

/** A level in percent, signed only when negative: `25 %`, `0.1 %`. `pct` is in percent. */
export function formatPercent(pct: number, decimals = 1): string {
  if (!Number.isFinite(pct)) return NOT_A_NUMBER;
  return `${formatFixed(pct, decimals)} %`;
}

/** A fraction of a whole as a percent: `42 %`, and one decimal below 10 % (`4.2 %`). */
export function formatShare(fraction: number): string {
  if (!Number.isFinite(fraction)) return NOT_A_NUMBER;
  const pct = fraction * 100;
  return formatPercent(pct, Math.abs(pct) < 9.95 ? 1 : 0);
}

/** A funding rate (a fraction: 0.0001 = 0.01 %) as a signed percent with four decimals: `+0.0100 %`. */
export function formatFundingRate(rate: number): string {
  return formatSignedPercent(rate * 100, 4);
}
