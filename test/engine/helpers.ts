import { readFileSync } from 'node:fs';
import { createMemoryOiSnapshotStore, type OiSnapshotStore } from '../../lib/engine/oi-snapshot-store';
import { createLiveEngine, createVirtualClock } from '../../lib/engine/setup';
import type { HarDocument } from '../../lib/http/har';
import { parseHarText } from '../../lib/http/har';
import { createHarFetch, harNow } from '../../lib/http/har-replay';
import type { FetchLike } from '../../lib/http/types';
import { DEFAULT_PARAMS, type ModelParams } from '../../lib/model/params';
import { FIXTURE_NOW, FIXTURE_SEED } from '../../scripts/lib/sim/fixture-cases';
import { createBtcMarket, type Fault, type Market, simulatedSnapshots } from '../../scripts/lib/sim/index';
import { createSimulatorFetch } from '../../scripts/lib/sim/simulator';

export const HAR_DIR = new URL('../fixtures/har/', import.meta.url);
const DAY = 86_400_000;

export function loadHar(name: string): HarDocument {
  const parsed = parseHarText(readFileSync(new URL(name, HAR_DIR), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export const params = (overrides: Partial<ModelParams> = {}): ModelParams => ({
  ...DEFAULT_PARAMS,
  ...overrides,
});

/** The market the fixtures were recorded from. */
let fixtureMarket: Market | null = null;
export function market(): Market {
  fixtureMarket ??= createBtcMarket(FIXTURE_NOW + DAY, FIXTURE_SEED);
  return fixtureMarket;
}

/** A memory store holding the Hyperliquid snapshots of the seed file `make-fixtures` writes. */
export async function seededStore(): Promise<OiSnapshotStore> {
  const store = createMemoryOiSnapshotStore();
  const seed = JSON.parse(readFileSync(new URL('hyperliquid-btc-oi-snapshots.json', HAR_DIR), 'utf8')) as {
    time: number;
    oi: number;
  }[];
  for (const s of seed) await store.append('hyperliquid', 'BTC', s);
  return store;
}

/** A memory store with what a background refreshing every 5 minutes would have recorded up to `to`. */
export async function simulatedStore(to: number): Promise<OiSnapshotStore> {
  const store = createMemoryOiSnapshotStore();
  for (const s of simulatedSnapshots(market(), 'hyperliquid', to - 8 * DAY, to)) {
    await store.append('hyperliquid', 'BTC', s);
  }
  return store;
}

/** The engine over a HAR replay, "now" = the HAR's now; the clock moves only when the client sleeps. */
export function replay(har: HarDocument, oiStore: OiSnapshotStore = createMemoryOiSnapshotStore()) {
  const clock = createVirtualClock(harNow(har));
  const fetch = createHarFetch(har, { now: clock.now });
  const { engine, http } = createLiveEngine({
    fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    oiStore,
  });
  return { engine, http, fetch, clock };
}

/** The engine over the simulator, with a clock the test sets. */
export function simulated(
  start: number,
  options: { oiStore?: OiSnapshotStore; faults?: Fault[]; fetch?: FetchLike } = {},
) {
  let t = start;
  const now = () => t;
  const sim = createSimulatorFetch(market(), { now, faults: options.faults ?? [] });
  const { engine, http } = createLiveEngine({
    fetch: options.fetch ?? sim,
    now,
    sleep: async (ms) => {
      t += ms;
    },
    random: () => 0.5,
    oiStore: options.oiStore ?? createMemoryOiSnapshotStore(),
  });
  return {
    engine,
    http,
    sim,
    setNow: (value: number) => {
      t = value;
    },
  };
}

/** Request counts of one refresh, per host. */
export const counts = (requests: Record<string, { requests: number }>) =>
  Object.fromEntries(Object.entries(requests).map(([host, s]) => [host, s.requests]));

export const total = (requests: Record<string, { requests: number }>) =>
  Object.values(requests).reduce((sum, s) => sum + s.requests, 0);
