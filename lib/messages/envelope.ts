import { z } from '../util/zod';

/** Every message between contexts is `{ type, data }`: one `data` argument, parsed by whoever receives it. */
export const MessageSchema = z.object({ type: z.string().check(z.maxLength(64)), data: z.unknown() });

/** Replies travel wrapped, so that a failed handler still answers in words. */
export const ReplyEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ReplyEnvelope = z.infer<typeof ReplyEnvelopeSchema>;

/** A request's two schemas: what the sender sends, what the background answers. */
export interface RequestSpec {
  data: z.ZodMiniType;
  reply: z.ZodMiniType;
}
