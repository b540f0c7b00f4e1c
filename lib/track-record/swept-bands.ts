/**
 * Below this many swept bands on a side, its factor is "not enough data yet" and changes nothing. In a module without
 * zod: the chart overlay words the factor (factor-text.ts) without carrying the factor's schema.
 */
export const MIN_SWEPT_BANDS = 10;
