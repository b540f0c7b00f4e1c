import { z } from '../../util/zod';
import { msTime, numLoose, numNonNegative, numPositive, numRate } from '../shared/num';

// Written against the venue's documented responses (test/fixtures/api-samples/binance-*.json).
// Only the fields we read are checked; extra fields and extra row columns are accepted.

/** `[openTime, o, h, l, c, baseVol, closeTime, quoteVol, trades, takerBuyBase, takerBuyQuote, ignore]` */
export const KlineRowSchema = z.tuple(
  [
    msTime(),
    numPositive(),
    numPositive(),
    numPositive(),
    numPositive(),
    numNonNegative(),
    z.unknown(),
    numNonNegative(),
    z.unknown(),
    numNonNegative(),
  ],
  z.unknown(),
);
export const KlinesSchema = z.array(KlineRowSchema);

export const OpenInterestHistSchema = z.array(
  z.looseObject({
    /** One side, base units. */
    sumOpenInterest: numNonNegative(),
    timestamp: msTime(),
  }),
);

export const OpenInterestSchema = z.looseObject({
  openInterest: numNonNegative(),
  time: msTime(),
});

export const PremiumIndexSchema = z.looseObject({
  markPrice: numPositive(),
  lastFundingRate: numRate(),
  nextFundingTime: msTime(),
  time: msTime(),
});

/** Lists only symbols whose funding differs from the default (8 h, standard caps). */
export const FundingInfoSchema = z.array(
  z.looseObject({
    symbol: z.string(),
    fundingIntervalHours: numLoose().check(z.positive()),
  }),
);

const LevelSchema = z.tuple([numPositive(), numNonNegative()], z.unknown());
export const DepthSchema = z.looseObject({
  bids: z.array(LevelSchema),
  asks: z.array(LevelSchema),
});

/** The error body of a refused request: `{"code": -1121, "msg": "Invalid symbol."}`. */
export const ErrorBodySchema = z.looseObject({ code: z.number(), msg: z.string() });
