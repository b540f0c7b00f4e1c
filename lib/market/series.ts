import { z } from '../util/zod';
import { DurationSchema } from './interval';
import { VenueSchema } from './venue';

const finite = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const positive = () => finite().check(z.positive());
const nonNegative = () => finite().check(z.nonnegative());
const time = () => z.int().check(z.nonnegative());

/** [openTimeMs, open, high, low, close, baseVolume, quoteVolume|null, takerBuyBase|null] */
export const SeriesCandleSchema = z.tuple([
  time(),
  positive(),
  positive(),
  positive(),
  positive(),
  nonNegative(),
  z.nullable(nonNegative()),
  z.nullable(nonNegative()),
]);
export type SeriesCandle = z.infer<typeof SeriesCandleSchema>;

/** [openTimeMs of the candle at whose end it was measured, one-sided OI in base units] */
export const SeriesOiSchema = z.tuple([time(), nonNegative()]);
export type SeriesOi = z.infer<typeof SeriesOiSchema>;

export const VenueSeriesSchema = z.object({
  venue: VenueSchema,
  instrument: z.string().check(z.minLength(1)),
  markPrice: positive(),
  candles: z.array(SeriesCandleSchema),
  openInterest: z.array(SeriesOiSchema),
});
export type VenueSeries = z.infer<typeof VenueSeriesSchema>;

export const SERIES_FORMAT = 'liqlens.series/1';

/** The venue-neutral input of the model (model.md, "Interchange format"). */
export const SeriesDocSchema = z.object({
  format: z.literal(SERIES_FORMAT),
  asset: z.string().check(z.regex(/^[A-Z0-9]{1,20}$/, 'expected an upper-case base asset such as BTC')),
  interval: DurationSchema,
  venues: z.array(VenueSeriesSchema).check(z.minLength(1, 'expected at least one venue')),
});
export type SeriesDoc = z.infer<typeof SeriesDocSchema>;
