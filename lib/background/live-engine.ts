import { createLiveEngine } from '../engine/setup';
import type { Limiter } from '../http/limiter';
import type { FetchLike } from '../http/types';
import { coinglassUsable, type PermissionsLike } from '../settings/coinglass-access';
import type { Settings } from '../settings/schema';
import type { StorageAreaLike } from '../storage/area';
import { STORAGE_KEYS } from '../storage/keys';
import type { EngineLike } from './engine-port';
import { createStorageOiSnapshotStore } from './oi-snapshot-store';

/**
 * The real engine for the worker: one HTTP client (per-host budgets) over the injected `fetch`, the OI snapshot
 * history and the venues' rate-limit pauses in storage.local (so a restarted worker keeps honouring a 429's
 * retry time), and CoinGlass only while a key is stored and its host permission granted.
 */
export async function createBackgroundEngine(deps: {
  settings: Settings;
  fetch: FetchLike;
  local: StorageAreaLike;
  permissions: PermissionsLike;
  /** The worker's one limiter, shared with the position scanner's client (one budget per IP). */
  limiter?: Limiter;
  now?: () => number;
  /** Back-off waits of the HTTP client (tests pass a virtual clock's). */
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string) => void;
}): Promise<EngineLike> {
  const pauses = (await deps.local.get(STORAGE_KEYS.httpPauses))[STORAGE_KEYS.httpPauses];
  const key = (await coinglassUsable(deps.settings.coinglassKey, deps.permissions))
    ? deps.settings.coinglassKey
    : null;
  const { engine } = createLiveEngine({
    fetch: deps.fetch,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    oiStore: createStorageOiSnapshotStore({ area: deps.local, ...(deps.log ? { log: deps.log } : {}) }),
    coinglassKey: key,
    ...(deps.limiter ? { limiter: deps.limiter } : {}),
    pauses,
    onPausesChange: (next) => {
      void deps.local.set({ [STORAGE_KEYS.httpPauses]: next }).catch(() => undefined);
    },
  });
  return engine;
}
