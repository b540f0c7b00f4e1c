import { MAX_FUNDING_RATE, MAX_MARKET_NUMBER, MAX_TIME_MS } from '../../market/sanity';
import { z } from '../../util/zod';

/**
 * Venues send numbers as strings. These schemas parse them once, at the boundary, and reject
 * what `Number()` would silently accept or turn into NaN: "", "NaN", "Infinity", " 1", "0x10".
 */
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function shown(input: unknown): string {
  if (input === undefined) return 'nothing (the field is missing)';
  const text = JSON.stringify(input);
  return text === undefined ? typeof input : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function numberFrom(input: unknown, allowNumber: boolean): number | undefined {
  if (typeof input === 'number') return allowNumber && Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string' || !NUMERIC.test(input)) return undefined;
  const value = Number(input);
  return Number.isFinite(value) ? value : undefined;
}

type Bound = 'any' | 'positive' | 'non-negative';

/**
 * Every number is also within ±`max` (MAX_MARKET_NUMBER unless said): "1e308" is a finite double, but an open
 * interest of it times a mark price is not, so it fails here, naming its field, and only its venue fails.
 */
function numeric(what: string, allowNumber: boolean, bound: Bound, max = MAX_MARKET_NUMBER) {
  return z.pipe(
    z.unknown(),
    z.transform((input: unknown, ctx): number => {
      const value = numberFrom(input, allowNumber);
      const fail = (expected: string) => {
        ctx.issues.push({ code: 'custom', input, message: `expected ${expected}, got ${shown(input)}` });
        return z.NEVER as never;
      };
      if (value === undefined) return fail(`a ${what}`);
      if (bound === 'positive' && !(value > 0)) return fail(`a positive ${what}`);
      if (bound === 'non-negative' && !(value >= 0)) return fail(`a non-negative ${what}`);
      if (Math.abs(value) > max) return fail(`a ${what} within ±${max}`);
      return value;
    }),
  );
}

/** A decimal number in a string ("0.0001", "-1.5e-5") → finite number. */
export const num = () => numeric('number string', false, 'any');
/** A number string > 0 (prices). */
export const numPositive = () => numeric('number string', false, 'positive');
/** A number string ≥ 0 (sizes, volumes, open interest). */
export const numNonNegative = () => numeric('number string', false, 'non-negative');
/** A funding rate per interval, within ±MAX_FUNDING_RATE (10 %): no venue's cap comes near it. */
export const numRate = () => numeric('number string', false, 'any', MAX_FUNDING_RATE);
/** A finite JSON number or a number string (venues that mix both). */
export const numLoose = () => numeric('number or number string', true, 'any');

/** Epoch milliseconds as a JSON integer or a digit string (Bybit, OKX), before 2200 (2^53 − 1 is no time). */
export const msTime = () =>
  z.pipe(
    z.unknown(),
    z.transform((input: unknown, ctx): number => {
      const value =
        typeof input === 'number'
          ? input
          : typeof input === 'string' && /^\d+$/.test(input)
            ? Number(input)
            : NaN;
      if (!Number.isSafeInteger(value) || value < 0 || value > MAX_TIME_MS) {
        ctx.issues.push({ code: 'custom', input, message: `expected a time in ms, got ${shown(input)}` });
        return z.NEVER as never;
      }
      return value;
    }),
  );

/** A number string, or `null` where the venue sends "" for "not available" (Bybit, OKX); "NaN" still fails. */
export const numOrEmpty = () =>
  z.pipe(
    z.unknown(),
    z.transform((input: unknown, ctx): number | null => {
      if (input === '') return null;
      const value = numberFrom(input, false);
      if (value === undefined || Math.abs(value) > MAX_MARKET_NUMBER) {
        ctx.issues.push({
          code: 'custom',
          input,
          message: `expected a number string or "", got ${shown(input)}`,
        });
        return z.NEVER as never;
      }
      return value;
    }),
  );
