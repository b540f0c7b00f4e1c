import { AssetSchema } from '../settings/schema';
import { z } from '../util/zod';
import { ViewReplySchema } from './view-entry';

/**
 * The requests a chart tab sends (protocol.ts holds them with all the others): a module of their own, so that a
 * content script carries these schemas and not the whole protocol's.
 */
export const WATCH_REQUESTS = {
  /** A chart tab or the popup shows `asset`: start or renew its watch (expires unless renewed every period). */
  subscribeAsset: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: ViewReplySchema,
  },
  /** Stop watching `asset` for this sender (tab closed or symbol changed). */
  unsubscribeAsset: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: z.strictObject({ watching: z.array(AssetSchema) }),
  },
} as const;
