import { createLogOnce, type Log } from '../util/log-once';
import { describeZodError } from '../util/zod';
import {
  isPushType,
  isRequestType,
  MessageSchema,
  type PushData,
  type PushType,
  REQUESTS,
  type ReplyData,
  type ReplyEnvelope,
  type RequestData,
  type RequestType,
} from './protocol';

/** Who sent a request, as far as the receiver can tell (`runtime.MessageSender`, reduced). */
export interface SenderInfo {
  tabId?: number;
  frameId?: number;
  url?: string;
}

export type RequestHandlers = {
  [K in RequestType]: (data: RequestData<K>, sender: SenderInfo) => Promise<ReplyData<K>>;
};

export interface Dispatcher {
  /**
   * Answers one incoming message, or returns undefined when it is not a request this side serves (unknown,
   * malformed, or a push meant for the UIs): the browser wiring then leaves it unanswered.
   */
  handle(message: unknown, sender: SenderInfo): Promise<ReplyEnvelope> | undefined;
}

/** A push as the background sends it. */
export function pushMessage<K extends PushType>(type: K, data: PushData<K>): { type: K; data: PushData<K> } {
  return { type, data };
}

const shortType = (type: string) => type.slice(0, 40);

/** Transport-agnostic: the background wires it to `runtime.onMessage`, tests call `handle` directly. */
export function createDispatcher(handlers: RequestHandlers, log: Log): Dispatcher {
  const logOnce = createLogOnce(log);
  return {
    handle(message, sender) {
      const envelope = MessageSchema.safeParse(message);
      if (!envelope.success) {
        logOnce('not-a-message', 'LiqLens: ignored a message that is not { type, data }');
        return undefined;
      }
      const { type, data } = envelope.data;
      if (!isRequestType(type)) {
        // Pushes are broadcast to every extension page; they are not for the background.
        if (!isPushType(type))
          logOnce(`unknown:${shortType(type)}`, `LiqLens: ignored unknown message "${shortType(type)}"`);
        return undefined;
      }
      const parsed = REQUESTS[type].data.safeParse(data);
      if (!parsed.success) {
        logOnce(
          `malformed:${type}`,
          `LiqLens: ignored malformed ${type}: ${describeZodError(parsed.error, 'data')}`,
        );
        return undefined;
      }
      const handler = handlers[type] as (data: unknown, sender: SenderInfo) => Promise<unknown>;
      return handler(parsed.data, sender).then(
        (reply): ReplyEnvelope => ({ ok: true, data: reply }),
        (cause): ReplyEnvelope => ({
          ok: false,
          error: cause instanceof Error ? cause.message : String(cause),
        }),
      );
    },
  };
}
