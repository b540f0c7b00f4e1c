import { createHttpClient, type PausingHttpClient } from '../http/client';
import type { Limiter } from '../http/limiter';
import type { FetchLike } from '../http/types';
import { createCoinglassSource } from '../sources/coinglass';
import { createSources } from '../sources/index';
import type { OiSnapshotStore } from './oi-snapshot-store';
import { createEngine, type Engine, type EngineOptions } from './pipeline';
import type { SeriesCache } from './series-cache';

export interface LiveEngineOptions {
  fetch: FetchLike;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  oiStore: OiSnapshotStore;
  cache?: SeriesCache;
  /** The user's CoinGlass key: adds the second opinion. */
  coinglassKey?: string | null;
  /** Saved pauses of a previous client (see `createHttpClient`), and where to save new ones. */
  pauses?: unknown;
  onPausesChange?: Parameters<typeof createHttpClient>[0]['onPausesChange'];
  /** The budgets shared with the worker's other clients (see `createHttpClient`). */
  limiter?: Limiter;
  timeoutMs?: number;
  /** The back-off jitter source (a fixed one makes recordings reproducible). */
  random?: () => number;
  engine?: Pick<EngineOptions, 'depthMaxAgeMs' | 'staleMaxAgeMs' | 'minLedgerSpanMs'>;
}

/** One HTTP client (one budget per host), every venue's source on it, and the engine over them. */
export function createLiveEngine(options: LiveEngineOptions): { engine: Engine; http: PausingHttpClient } {
  const now = options.now ?? Date.now;
  const http = createHttpClient({
    fetch: options.fetch,
    now,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.pauses !== undefined ? { pauses: options.pauses } : {}),
    ...(options.onPausesChange ? { onPausesChange: options.onPausesChange } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
  const key = options.coinglassKey?.trim();
  const engine = createEngine({
    sources: createSources(http, { now }),
    now,
    oiStore: options.oiStore,
    http,
    coinglass: key ? createCoinglassSource(http, key) : null,
    ...(options.cache ? { cache: options.cache } : {}),
    ...options.engine,
  });
  return { engine, http };
}

/**
 * A clock that stands still until someone sleeps: for replays and simulations, where "now" is the
 * recording's and the client's back-off and pacing must not wait for real.
 */
export function createVirtualClock(start: number): {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
} {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += Math.max(0, ms);
    },
  };
}
