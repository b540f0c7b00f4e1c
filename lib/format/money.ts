import { formatFixed, MINUS, NOT_A_NUMBER, roundHalfUp } from './number';

const UNITS = [
  { size: 1, suffix: '' },
  { size: 1e3, suffix: 'K' },
  { size: 1e6, suffix: 'M' },
  { size: 1e9, suffix: 'B' },
  { size: 1e12, suffix: 'T' },
] as const;

/**
 * US dollars, compact: `$0`, `$950`, `$12.3K`, `$950M`, `$3.0B`, `−$1.2M`. One decimal below 100 of a
 * unit, none from 100; a figure that rounds up to 1,000 of a unit moves to the next (999.95K → $1.0M).
 */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const abs = Math.abs(value);
  let text = '0';
  for (let u = 0; u < UNITS.length; u++) {
    const unit = UNITS[u] as (typeof UNITS)[number];
    const scaled = abs / unit.size;
    let decimals = unit.size === 1 || scaled >= 100 ? 0 : 1;
    let rounded = roundHalfUp(scaled, decimals);
    if (decimals === 1 && rounded >= 100) {
      decimals = 0;
      rounded = roundHalfUp(scaled, 0);
    }
    if (rounded < 1000 || u === UNITS.length - 1) {
      text = `${formatFixed(rounded, decimals)}${unit.suffix}`;
      break;
    }
  }
  const negative = value < 0 && text !== '0';
  return `${negative ? MINUS : ''}$${text}`;
}
