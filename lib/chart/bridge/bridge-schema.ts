import { z } from '../../util/zod';
import { BRIDGE_TAG } from './protocol';

const channel = () => z.string().check(z.regex(/^[a-z0-9-]{8,64}$/));

export const BridgeToIsolatedSchema = z.discriminatedUnion('type', [
  z.object({
    tag: z.literal(BRIDGE_TAG),
    from: z.literal('bridge'),
    type: z.literal('ready'),
    channel: channel(),
  }),
  z.object({
    tag: z.literal(BRIDGE_TAG),
    from: z.literal('bridge'),
    type: z.literal('snapshot'),
    channel: channel(),
    seq: z.int().check(z.nonnegative()),
    snapshot: z.unknown(),
  }),
]);
export type BridgeMessage = z.infer<typeof BridgeToIsolatedSchema>;
