import { z } from '../../util/zod';
import { msTime, numNonNegative, numOrEmpty, numPositive, numRate } from '../shared/num';

// Written against the venue's documented responses (test/fixtures/api-samples/bybit-*.json).
// Only the fields we read are checked; extra fields and extra row columns are accepted.

/** `{retCode, retMsg, result, time}`; a non-zero `retCode` is turned into a failure before parsing. */
export const envelope = <R extends z.ZodMiniType>(result: R) =>
  z.looseObject({ retCode: z.literal(0), retMsg: z.string(), result, time: msTime() });

/** The part of any Bybit body that says whether it was refused. */
export const RetCodeSchema = z.looseObject({ retCode: z.number(), retMsg: z.optional(z.string()) });

/** `[startTime, open, high, low, close, volume (base), turnover (quote)]`, newest first. */
export const KlineSchema = envelope(
  z.looseObject({
    list: z.array(
      z.tuple(
        [
          msTime(),
          numPositive(),
          numPositive(),
          numPositive(),
          numPositive(),
          numNonNegative(),
          numNonNegative(),
        ],
        z.unknown(),
      ),
    ),
  }),
);

/** Newest first; `singleOpenInterest` (one side) was added in 2026, `openInterest` is both sides. */
export const OpenInterestSchema = envelope(
  z.looseObject({
    list: z.array(
      z.looseObject({
        openInterest: numNonNegative(),
        singleOpenInterest: z.optional(numOrEmpty()),
        timestamp: msTime(),
      }),
    ),
    nextPageCursor: z.optional(z.string()),
  }),
);

export const TickersSchema = envelope(
  z.looseObject({
    list: z.array(
      z.looseObject({
        symbol: z.string(),
        markPrice: numPositive(),
        fundingRate: numRate(),
        nextFundingTime: msTime(),
        openInterest: numNonNegative(),
        singleOpenInterest: z.optional(numOrEmpty()),
        fundingIntervalHour: z.optional(numOrEmpty()),
      }),
    ),
  }),
);

export const InstrumentsInfoSchema = envelope(
  z.looseObject({
    list: z.array(
      z.looseObject({
        symbol: z.string(),
        /** Minutes. */
        fundingInterval: z.number().check(z.positive()),
      }),
    ),
  }),
);

const LevelSchema = z.tuple([numPositive(), numNonNegative()], z.unknown());
export const OrderbookSchema = envelope(z.looseObject({ b: z.array(LevelSchema), a: z.array(LevelSchema) }));
