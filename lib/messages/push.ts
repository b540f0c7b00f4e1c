import { describeZodError } from '../util/zod';
import { MessageSchema } from './envelope';
import { createLogOnce, type Log } from './log-once';
import { isPushType, PUSHES, type PushData, type PushType } from './pushes';
import { isRequestType } from './request-types';

export type PushHandlers = { [K in PushType]?: (data: PushData<K>) => void };

/** A push as the background sends it. */
export function pushMessage<K extends PushType>(type: K, data: PushData<K>): { type: K; data: PushData<K> } {
  return { type, data };
}

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
    const handler = handlers[type];
    if (handler) handler(parsed.data);
    return true;
  };
}
