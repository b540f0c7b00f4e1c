import { createHttpClient } from '../http/client';
import type { FetchLike } from '../http/types';
import { openLiqStore } from '../liquidations/liq-store';
import { createRealisedService, type RealisedService } from '../liquidations/realised-service';
import type { SocketFactory, TimerClock } from '../liquidations/stream-manager';
import type { RealisedSummary } from '../liquidations/types';
import { createContractSize } from '../sources/okx/contract';
import type { IdbDeps } from '../storage/idb';

export interface RealisedWiring extends IdbDeps {
  openSocket: SocketFactory;
  clock: TimerClock;
  random: () => number;
  /** For OKX's contract values (the instruments endpoint). */
  fetch: FetchLike;
  log(message: string): void;
}

/** The realised service on the worker's sockets, IndexedDB and a fetch for OKX's contract values. */
export function createWorkerRealised(
  wiring: RealisedWiring,
  hooks: { onUpdate(asset: string, summary: RealisedSummary): void },
): RealisedService {
  const http = createHttpClient({ fetch: wiring.fetch, now: wiring.clock.now });
  const contractSize = createContractSize(http, wiring.clock.now);
  return createRealisedService({
    openSocket: wiring.openSocket,
    clock: wiring.clock,
    random: wiring.random,
    contractSize: async (instrument) => {
      const res = await contractSize(instrument);
      return res.ok ? res.value : null;
    },
    store: openLiqStore({
      indexedDB: wiring.indexedDB,
      keyRange: wiring.keyRange,
      setTimeout: wiring.clock.setTimeout,
      log: wiring.log,
    }),
    onUpdate: hooks.onUpdate,
    log: wiring.log,
  });
}
