import { num, numPositive } from '../sources/shared/num';
import { z } from '../util/zod';

/** A 20-byte address as Hyperliquid writes it; stored lower-case so one account is one key. */
export const AddressSchema = z.pipe(
  z.string().check(z.regex(/^0x[0-9a-fA-F]{40}$/, 'expected an address such as 0x0123…cdef (40 hex digits)')),
  z.transform((s: string) => s.toLowerCase()),
);

const nullablePrice = () => z.nullable(numPositive());

/**
 * One position of `clearinghouseState`: `szi` is the signed size in coins (long > 0), `liquidationPx` the
 * venue's own liquidation price or `null` when no price in reach liquidates it (a well-collateralised cross
 * account), `leverage.type` cross or isolated.
 * https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/info-endpoint/perpetuals
 */
export const HlAssetPositionSchema = z.looseObject({
  position: z.looseObject({
    coin: z.string().check(z.minLength(1)),
    szi: num(),
    entryPx: z.optional(nullablePrice()),
    leverage: z.looseObject({ type: z.enum(['cross', 'isolated']), value: z.number() }),
    liquidationPx: nullablePrice(),
    positionValue: z.optional(num()),
  }),
});

const MarginSummarySchema = z.looseObject({ accountValue: num() });

/**
 * The answer as the venue sends it when it has answered in full. `marginSummary` is required: under load the
 * venue answers HTTP 200 without it (silent throttling), and such an answer is a failure, not an empty account.
 */
export const ClearinghouseStateSchema = z.looseObject({
  assetPositions: z.array(HlAssetPositionSchema),
  marginSummary: MarginSummarySchema,
});

/** One open position as the scanner keeps it. */
export const PositionSchema = z.object({
  coin: z.string(),
  /** Signed size in coins: long when > 0. */
  szi: z.number(),
  liquidationPx: z.nullable(z.number()),
  margin: z.enum(['cross', 'isolated']),
});
export type Position = z.infer<typeof PositionSchema>;

/** The last complete answer for an account. */
export const AccountStateSchema = z.object({
  fetchedAt: z.number(),
  positions: z.array(PositionSchema),
});
export type AccountState = z.infer<typeof AccountStateSchema>;

/**
 * What is stored per address (one IndexedDB record). `state` is the last good answer and is never replaced by a
 * failure: `failedAt` later than `state.fetchedAt` marks it stale.
 */
export const AccountRecordSchema = z.object({
  address: z.string().check(z.regex(/^0x[0-9a-f]{40}$/)),
  seenAt: z.number(),
  state: z.nullable(AccountStateSchema),
  /** Last attempt that failed, and why (a failure kind). */
  failedAt: z.nullable(z.number()),
  failure: z.nullable(z.string()),
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

/** A `trades` push: `{channel: "trades", data: [{coin, px, sz, time, users: [buyer, seller], …}]}`. */
export const TradesFrameSchema = z.looseObject({
  channel: z.literal('trades'),
  data: z.array(
    z.looseObject({
      coin: z.string(),
      users: z.tuple([AddressSchema, AddressSchema]),
    }),
  ),
});
