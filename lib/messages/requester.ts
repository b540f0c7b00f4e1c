import { err, ok, type Result } from '../util/result';
import { describeZodError, type z } from '../util/zod';
import { ReplyEnvelopeSchema, type RequestSpec } from './envelope';

/** Sends one message and resolves with the raw answer (`browser.runtime.sendMessage`). */
export type SendMessage = (message: { type: string; data: unknown }) => Promise<unknown>;

/** Requests to the background by name, for the requests in table `T`. */
export interface Requester<T extends Record<string, RequestSpec>> {
  request<K extends keyof T & string>(
    type: K,
    data: z.infer<T[K]['data']>,
  ): Promise<Result<z.infer<T[K]['reply']>, string>>;
}

/**
 * The requesting side: checks what it sends and parses what comes back, with the schemas of `specs` only (the
 * popup and options pass the whole protocol, a content script the requests of a chart tab).
 */
export function createRequester<T extends Record<string, RequestSpec>>(
  send: SendMessage,
  specs: T,
): Requester<T> {
  return {
    async request(type, data) {
      const spec = Object.hasOwn(specs, type) ? specs[type] : undefined;
      if (!spec) return err(`${type}: not a request this context sends`);
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
      return ok(reply.data as z.infer<T[typeof type]['reply']>);
    },
  };
}
