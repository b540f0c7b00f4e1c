import { createLogOnce, type Log } from '../util/log-once';
import { err, ok, type Result } from '../util/result';
import { describeZodError, type z } from '../util/zod';
import {
  isPushType,
  isRequestType,
  MessageSchema,
  PUSHES,
  type PushData,
  type PushType,
  REQUESTS,
  ReplyEnvelopeSchema,
  type RequestSpec,
} from './protocol';

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

export type Messenger = Requester<typeof REQUESTS>;

/** The requesting side for the whole protocol (popup, options). */
export function createMessenger(send: SendMessage): Messenger {
  return createRequester(send, REQUESTS);
}

export type PushHandlers = { [K in PushType]?: (data: PushData<K>) => void };

/**
 * The receiving side of pushes (popup, content scripts): parses each with zod and calls its handler. Requests
 * that other pages send to the background pass by quietly; anything else is logged once per kind.
 * Returns true when the message was a push it handled.
 */
export function createPushReceiver(handlers: PushHandlers, log: Log): (message: unknown) => boolean {
  const logOnce = createLogOnce(log);
  return (message) => {
    const envelope = MessageSchema.safeParse(message);
    if (!envelope.success) {
      logOnce('not-a-message', 'LiqLens: ignored a message that is not { type, data }');
      return false;
    }
    const { type, data } = envelope.data;
    if (!isPushType(type)) {
      if (!isRequestType(type))
        logOnce(`unknown:${type.slice(0, 40)}`, `LiqLens: ignored unknown message "${type.slice(0, 40)}"`);
      return false;
    }
    const parsed = PUSHES[type].data.safeParse(data);
    if (!parsed.success) {
      logOnce(
        `malformed:${type}`,
        `LiqLens: ignored malformed ${type}: ${describeZodError(parsed.error, 'data')}`,
      );
      return false;
    }
    const handler = handlers[type] as ((data: unknown) => void) | undefined;
    if (handler) handler(parsed.data);
    return true;
  };
}
