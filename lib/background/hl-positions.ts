import { createIdbAccountStore } from '../hl-positions/account-store';
import { createHlPositionsService, type HlPositionsService } from '../hl-positions/service';
import type { SocketLike } from '../hl-positions/trades-stream';
import { createHttpClient } from '../http/client';
import type { Limiter } from '../http/limiter';
import type { FetchLike } from '../http/types';
import type { StorageAreaLike } from '../storage/area';
import type { IdbDeps } from '../storage/idb';
import { STORAGE_KEYS } from '../storage/keys';

/**
 * The worker's real-positions service: its own HTTP client (its 429 pauses kept in storage.local across
 * restarts) on the worker's shared limiter (the scanner's 300-a-minute rule on top of the Hyperliquid weight
 * budget it shares with the estimate), the account book in IndexedDB, the trades stream over the worker's
 * WebSocket.
 */
export function createBackgroundHlPositions(deps: {
  fetch: FetchLike;
  /** Read when the store is first opened (the worker's `indexedDB`), so that building the service touches nothing. */
  idb: () => IdbDeps;
  createSocket(url: string): SocketLike;
  local: StorageAreaLike;
  /**
   * The worker's one limiter, shared with the estimate's client: Hyperliquid counts both against one 1,200
   * weight a minute per IP, and the scanner's own rule keeps it to 300 requests (600 weight) of that.
   */
  limiter?: Limiter;
  now?: () => number;
  log?: (message: string) => void;
}): HlPositionsService {
  const now = deps.now ?? Date.now;
  const key = STORAGE_KEYS.hlPositionsPauses;
  let http: ReturnType<typeof createHttpClient> | null = null;
  const pausesLoaded = deps.local.get(key).then(
    (items) => items[key],
    () => undefined,
  );
  const lazyHttp = {
    async request(req: Parameters<ReturnType<typeof createHttpClient>['request']>[0]) {
      http ??= createHttpClient({
        fetch: deps.fetch,
        now,
        pauses: await pausesLoaded,
        ...(deps.limiter ? { limiter: deps.limiter } : {}),
        onPausesChange: (next) => {
          void deps.local.set({ [key]: next }).catch(() => undefined);
        },
      });
      return http.request(req);
    },
    stats: () => http?.stats() ?? {},
  };
  return createHlPositionsService({
    http: lazyHttp,
    openStore: () => createIdbAccountStore(deps.idb()),
    now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    createSocket: deps.createSocket,
    setTimer: (ms, fire) => {
      const handle = setTimeout(fire, ms);
      return () => clearTimeout(handle);
    },
    ...(deps.log ? { log: deps.log } : {}),
  });
}
