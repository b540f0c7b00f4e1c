import type { FetchLike } from './types';

/**
 * The browser's `fetch` as the client's `FetchLike`, with `credentials: 'omit'` forced on every call: a request to
 * a venue or CoinGlass never carries the user's cookies (httpOnly and parent-domain ones included), whatever the
 * caller passed. The client sets it too; this is the wiring's own guarantee.
 */
export function withoutCredentials(
  fetch: (url: string, init: NonNullable<Parameters<FetchLike>[1]>) => ReturnType<FetchLike>,
): FetchLike {
  return (url, init) => fetch(url, { ...init, credentials: 'omit' });
}
