import { REQUESTS } from './protocol';
import { createRequester, type Requester, type SendMessage } from './requester';

export type { SendMessage } from './requester';

export type Messenger = Requester<typeof REQUESTS>;

/** The requesting side for the whole protocol (popup, options): checks what it sends and parses what comes back. */
export function createMessenger(send: SendMessage): Messenger {
  return createRequester(send, REQUESTS);
}
