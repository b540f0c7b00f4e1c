/**
 * Path of the first number in `value` that is not finite (`bins.long[53]`), or null. Finite input can
 * still overflow a product or a sum (prices near 1e300, volumes near 1e-300); this finds where.
 */
export function firstNonFinite(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '(the value)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonFinite(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const found = firstNonFinite(v, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}
