import { AssetSchema } from '../market/asset';
import { z } from '../util/zod';

const num = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const nonNeg = () => num().check(z.nonnegative());
const SideSchema = z.enum(['long', 'short']);

/**
 * The `getBandScores` reply of the realised-liquidations contract (issue 10: BandSnapshot, BandScore,
 * priceRanges), as the track record reads it, plus the optional `prints` the lift and the control zones
 * need. Parsed on receipt like every message.
 */
export const BandScoresReplySchema = z.object({
  snapshots: z.array(
    z.object({
      asset: z.string(),
      time: num(),
      price: num().check(z.positive()),
      modelVersion: z.string(),
      bands: z.array(z.object({ side: SideSchema, low: num(), high: num(), notionalUsd: nonNeg() })),
    }),
  ),
  scores: z.array(
    z.object({
      asset: z.string(),
      snapshotTime: num(),
      price: num().check(z.positive()),
      side: SideSchema,
      low: num(),
      high: num(),
      notionalUsd: nonNeg(),
      realisedUsd: nonNeg(),
      horizonEnd: num(),
      swept: z.boolean(),
    }),
  ),
  priceRanges: z.array(z.object({ time: num(), high: num(), low: num() })),
  prints: z.optional(
    z.array(
      z.object({ side: SideSchema, price: num().check(z.positive()), notionalUsd: nonNeg(), time: num() }),
    ),
  ),
});

/** The one request the track record sends, in the protocol's form (a `RequestSpec` table). */
export const TRACK_RECORD_REQUESTS = {
  getBandScores: {
    data: z.strictObject({ asset: AssetSchema, sinceMs: z.optional(num()) }),
    reply: BandScoresReplySchema,
  },
} as const;
