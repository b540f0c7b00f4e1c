import { err, ok, type Result } from '../util/result';
import { describeZodError } from '../util/zod';
import {
  REQUESTS,
  type ReplyData,
  ReplyEnvelopeSchema,
  type RequestData,
  type RequestType,
} from './protocol';

/** Sends one message and resolves with the raw answer (`browser.runtime.sendMessage`). */
export type SendMessage = (message: { type: string; data: unknown }) => Promise<unknown>;

export interface Messenger {
  request<K extends RequestType>(type: K, data: RequestData<K>): Promise<Result<ReplyData<K>, string>>;
}

/** The requesting side (popup, options, content scripts): checks what it sends and parses what comes back. */
export function createMessenger(send: SendMessage): Messenger {
  return {
    async request(type, data) {
      const spec = REQUESTS[type];
      const outgoing = spec.data.safeParse(data);
      if (!outgoing.success) return err(`${type}: ${describeZodError(outgoing.error, 'data')}`);
      let raw: unknown;
      try {
        raw = await send({ type, data: outgoing.data });
      } catch (cause) {
        return err(
          `${type}: the background did not answer (${cause instanceof Error ? cause.message : String(cause)})`,
        );
      }
      if (raw === undefined) return err(`${type}: the background did not answer`);
      const envelope = ReplyEnvelopeSchema.safeParse(raw);
      if (!envelope.success) return err(`${type}: malformed reply: ${describeZodError(envelope.error)}`);
      if (!envelope.data.ok) return err(`${type}: ${envelope.data.error}`);
      const reply = spec.reply.safeParse(envelope.data.data);
      if (!reply.success) return err(`${type}: malformed reply: ${describeZodError(reply.error, 'data')}`);
      return ok(reply.data as ReplyData<typeof type>);
    },
  };
}
