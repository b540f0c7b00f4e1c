import { z } from '../../util/zod';
import { msTime as ms, numNonNegative, numOrEmpty, numPositive, numRate } from '../shared';

/** `[ts, o, h, l, c, vol (contracts), volCcy (base), volCcyQuote (quote), confirm]`, newest first. */
export const OkxCandleRowSchema = z.tuple(
  [
    ms(),
    numPositive(),
    numPositive(),
    numPositive(),
    numPositive(),
    numNonNegative(),
    numNonNegative(),
    numNonNegative(),
    z.enum(['0', '1']),
  ],
  z.unknown(),
);
export const OkxCandlesSchema = z.array(OkxCandleRowSchema);

/** `[ts, oi (contracts), oiCcy (base), oiUsd]`, newest first; only ts and oi are used. */
export const OkxOiHistoryRowSchema = z.tuple([ms(), numNonNegative()], z.unknown());
export const OkxOiHistorySchema = z.array(OkxOiHistoryRowSchema);

export const OkxInstrumentSchema = z.looseObject({
  instId: z.string(),
  ctVal: numPositive(),
  ctMult: z.optional(numOrEmpty()),
});
export const OkxInstrumentsSchema = z.array(OkxInstrumentSchema);

export const OkxOpenInterestSchema = z.array(
  z.looseObject({ instId: z.string(), oi: numNonNegative(), ts: ms() }),
);

export const OkxMarkPriceSchema = z.array(
  z.looseObject({ instId: z.string(), markPx: numPositive(), ts: ms() }),
);

export const OkxFundingRateSchema = z.array(
  z.looseObject({
    instId: z.string(),
    fundingRate: numRate(),
    fundingTime: ms(),
    nextFundingTime: z.optional(z.union([z.literal(''), ms()])),
  }),
);

/** `[price, size (contracts), "0" (deprecated), orders]`. */
const OkxBookLevelSchema = z.tuple([numPositive(), numNonNegative()], z.unknown());
export const OkxBooksSchema = z.array(
  z.looseObject({ bids: z.array(OkxBookLevelSchema), asks: z.array(OkxBookLevelSchema), ts: ms() }),
);
