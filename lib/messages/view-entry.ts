import { AssetSchema } from '../market/asset';
import { ClusterViewSchema } from '../model/cluster-view';
import { z } from '../util/zod';

const time = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'), z.nonnegative());

/** One source's failure in the last refresh, in a trader's words ("Bybit: rate limited, retry in 20 s"). */
export const SourceFailureNoteSchema = z.object({
  /** A venue id, `coinglass`, or `engine` when the whole refresh failed. */
  source: z.string(),
  message: z.string(),
  /** The data layer's failure kind (`rate-limited`, `banned`, …), when a venue failed: the popup offers "Retry now". */
  kind: z.optional(z.string()),
});
export type SourceFailureNote = z.infer<typeof SourceFailureNoteSchema>;

/** What the background keeps per asset: the last good view and how the last refresh went. */
export const ViewEntrySchema = z.object({
  asset: AssetSchema,
  /** Last good view; kept when a later refresh fails. */
  view: z.nullable(ClusterViewSchema),
  /** When `view` was made (ms). */
  viewAt: z.nullable(time()),
  /** When the last refresh attempt ended, good or bad (ms). */
  checkedAt: z.nullable(time()),
  /** Why the last attempt produced no view at all; null when it succeeded. */
  error: z.nullable(z.string()),
  /** Sources that failed in the last attempt (the view may still be fresh, built from the others). */
  failures: z.array(SourceFailureNoteSchema),
});
export type ViewEntry = z.infer<typeof ViewEntrySchema>;

/** The answer to `subscribeAsset` / `getView`, and the payload of the `viewUpdated` push. */
export const ViewReplySchema = z.object({
  asset: AssetSchema,
  entry: z.nullable(ViewEntrySchema),
  /** As judged by the background's clock when sent; UIs that stay open recompute it with `isStale`. */
  stale: z.boolean(),
  /** A refresh for this asset is under way; a `viewUpdated` push follows. */
  refreshing: z.boolean(),
  periodMs: z.number().check(z.positive()),
});
export type ViewReply = z.infer<typeof ViewReplySchema>;
