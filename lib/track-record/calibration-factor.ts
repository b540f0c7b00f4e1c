import { z } from '../util/zod';

const num = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const nonNeg = () => num().check(z.nonnegative());

export { MIN_SWEPT_BANDS } from './swept-bands';

/**
 * One side's calibration factor over the swept bands whose day is over: realised ÷ estimated with its 95 %
 * interval, or null below MIN_SWEPT_BANDS ("not enough data yet"). This schema checks it between contexts.
 */
export const CalibrationFactorSchema = z.strictObject({
  side: z.enum(['long', 'short']),
  sweptBands: z.int().check(z.nonnegative()),
  estimatedUsd: nonNeg(),
  realisedUsd: nonNeg(),
  factor: z.nullable(z.strictObject({ value: nonNeg(), low: nonNeg(), high: nonNeg() })),
});

export type CalibrationFactor = z.infer<typeof CalibrationFactorSchema>;

/** Both sides' factors, as `TrackRecord.calibration`. */
export const CalibrationSchema = z.strictObject({
  long: CalibrationFactorSchema,
  short: CalibrationFactorSchema,
});
