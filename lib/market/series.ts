import { z } from '../util/zod';
import { DurationSchema, durationMs } from './interval';
import { candleProblem, MAX_MARKET_NUMBER, MAX_TIME_MS } from './sanity';
import { VenueSchema } from './venue-schema';

const finite = () =>
  z
    .number()
    .check(
      z.refine(
        (n) => Number.isFinite(n) && Math.abs(n) <= MAX_MARKET_NUMBER,
        `expected a finite number within ±${MAX_MARKET_NUMBER}`,
      ),
    );
const positive = () => finite().check(z.positive());
const nonNegative = () => finite().check(z.nonnegative());
const time = () =>
  z.int().check(z.nonnegative(), z.maximum(MAX_TIME_MS, 'expected a time in ms before the year 2200'));

/** [openTimeMs, open, high, low, close, baseVolume, quoteVolume|null, takerBuyBase|null] */
export const SeriesCandleSchema = z
  .tuple([
    time(),
    positive(),
    positive(),
    positive(),
    positive(),
    nonNegative(),
    z.nullable(nonNegative()),
    z.nullable(nonNegative()),
  ])
  .check(
    z.superRefine(([, open, high, low, close], ctx) => {
      const problem = candleProblem(open, high, low, close);
      if (problem) ctx.issues.push({ code: 'custom', input: [open, high, low, close], message: problem });
    }),
  );
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
export const SeriesDocSchema = z
  .object({
    format: z.literal(SERIES_FORMAT),
    asset: z.string().check(z.regex(/^[A-Z0-9]{1,20}$/, 'expected an upper-case base asset such as BTC')),
    interval: DurationSchema,
    venues: z.array(VenueSeriesSchema).check(z.minLength(1, 'expected at least one venue')),
  })
  .check(
    z.superRefine((doc, ctx) => {
      const step = durationMs(doc.interval);
      doc.venues.forEach((venue, v) => {
        const problem = spacingProblem(venue.candles, step, doc.interval);
        if (problem)
          ctx.issues.push({
            code: 'custom',
            input: doc.interval,
            path: ['venues', v, 'candles'],
            message: problem,
          });
      });
    }),
  );

/**
 * The `interval` label must be the candles' spacing: every gap between open times a whole number of intervals
 * (gaps are missing candles) and the smallest gap one interval ("7m" on 15-minute candles fails both).
 */
function spacingProblem(candles: readonly SeriesCandle[], step: number, label: string): string | null {
  if (candles.length < 2) return null;
  const times = candles.map((c) => c[0]).sort((a, b) => a - b);
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap === 0) return `two candles open at ${new Date(times[i] as number).toISOString()}`;
    if (gap % step !== 0) return `candles ${gap / 60_000} minutes apart do not fit the interval ${label}`;
    smallest = Math.min(smallest, gap);
  }
  return smallest === step
    ? null
    : `the candles are at least ${smallest / 60_000} minutes apart, not ${label}`;
}
export type SeriesDoc = z.infer<typeof SeriesDocSchema>;
