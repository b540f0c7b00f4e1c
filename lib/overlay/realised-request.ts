import { RealisedSummarySchema } from '../liquidations/types';
import { AssetSchema } from '../market/asset';
import { z } from '../util/zod';

/**
 * `getRealised` as a chart tab sends it: the same request as in lib/messages/protocol.ts (a test holds them
 * alike), in a module of its own so that the content script carries this schema and not the whole protocol's.
 */
export const REALISED_REQUESTS = {
  getRealised: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: z.strictObject({ summary: z.nullable(RealisedSummarySchema) }),
  },
} as const;
