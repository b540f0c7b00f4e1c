import type { RequestType } from './protocol';

/**
 * The names of every request in `REQUESTS` (protocol.ts fails to compile when the two differ), so that a receiver
 * of pushes can tell a request passing by from an unknown message without carrying the requests' schemas.
 */
export const REQUEST_TYPES = [
  'subscribeAsset',
  'unsubscribeAsset',
  'getView',
  'getSeries',
  'getTabAsset',
  'testAlert',
] as const satisfies readonly RequestType[];

export const isRequestType = (type: string): type is RequestType =>
  (REQUEST_TYPES as readonly string[]).includes(type);
