/** The minus sign used in every formatted figure (U+2212), never a hyphen. */
export const MINUS = '\u2212';

/** Shown for a value that is not a finite number. */
export const NOT_A_NUMBER = '—';

/** Moves the decimal point of `x` by `places` through its shortest decimal text, so 1.005 stays 1.005. */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`);
}

/**
 * Rounds half away from zero on the number's decimal text (999.95 → 1000.0 at one decimal), which is
 * what a reader checks against, rather than on its binary value.
 */
export function roundHalfUp(x: number, decimals: number): number {
  const rounded = shiftDecimal(Math.round(shiftDecimal(Math.abs(x), decimals)), -decimals);
  return x < 0 ? -rounded : rounded;
}

/** `1234567.5` → `1,234,567.5`: en-US grouping, whatever the machine's locale. */
function groupThousands(digits: string): string {
  const [whole = '', fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * Fixed decimals with en-US grouping and a real minus sign; a value that rounds to zero has no sign.
 * `decimals` is clamped to 0..20.
 */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const places = Math.min(20, Math.max(0, Math.trunc(decimals)));
  const rounded = roundHalfUp(Math.abs(value), places);
  const text = groupThousands(rounded.toFixed(places));
  return value < 0 && rounded !== 0 ? `${MINUS}${text}` : text;
}
