import type { CoverageSpan, LiqStore } from './liq-store';
import { createOpenScores, type OpenScores } from './open-scores';
import { bandScores, horizonOf, type ScoredSnapshot, scoredSnapshot, scorePrints } from './scoring';
import {
  createStreamManager,
  type SocketFactory,
  type StreamManager,
  type TimerClock,
} from './stream-manager';
import { DAY, summarise } from './summary';
import {
  type BandScore,
  type BandSnapshot,
  type LiqPrint,
  type LiqVenue,
  MAX_SCORED_PRINTS,
  type PriceRange,
  type RealisedSummary,
  type ScoredPrint,
} from './types';
import { createWsRecorder, type WsRecorder } from './ws-recording';

/** Pushes to the UIs at most this often per asset. */
export const PUSH_EVERY_MS = 1_000;
/** How often a live stretch is extended in storage, so that a killed worker leaves a gap of at most this. */
export const COVERAGE_EVERY_MS = 5_000;
export const PRUNE_EVERY_MS = 3_600_000;
/**
 * Open snapshots' scores are written this often (and once more when their horizon ends), not with every batch:
 * a busy minute would otherwise rewrite every open snapshot many times. A restarted worker scores its open
 * snapshots again from the stored prints, so nothing is lost by waiting.
 */
export const SCORES_EVERY_MS = 60_000;

export interface RealisedServiceDeps {
  openSocket: SocketFactory;
  clock: TimerClock;
  random: () => number;
  contractSize(instrument: string): Promise<number | null>;
  /** The IndexedDB store; when it cannot open, prints are kept in memory only (and that is logged). */
  store: Promise<LiqStore>;
  /** A watched asset's figures changed (throttled to one call a second per asset). */
  onUpdate(asset: string, summary: RealisedSummary): void;
  log(message: string): void;
}

export interface RealisedService {
  /** The assets someone watches (chart tabs, the popup, alert rules) and the venues switched on. */
  watch(assets: readonly string[], venues?: readonly LiqVenue[]): void;
  /** Figures for `asset` now, from what was received and stored; null when nothing is known of it. */
  summary(asset: string): Promise<RealisedSummary | null>;
  /** The asset's prints of the last 24 h held in memory (watched assets), for the alert rules. */
  recentPrints(asset: string): readonly LiqPrint[];
  /** Stores a view's bands and starts scoring them against the prints after their time. */
  addSnapshot(snapshot: BandSnapshot): Promise<void>;
  /** The scores of the snapshots since `since`; with the asset's prints since then unless `prints` is false. */
  bandScores(
    asset: string,
    since: number,
    ranges: readonly PriceRange[],
    intervalMs: number,
    options?: { prints?: boolean },
  ): Promise<{
    snapshots: BandSnapshot[];
    scores: BandScore[];
    prints: ScoredPrint[];
    printsCapped: boolean;
  }>;
  /** The debug export, `liqlens.wsrec/1`. */
  recording(): string;
  /** Writes everything pending (tests, and before the worker is expected to stop). */
  flush(): Promise<void>;
  dispose(): void;
}

interface AssetState {
  ready: Promise<void>;
  recent: LiqPrint[];
  spans: CoverageSpan[];
  /** Snapshots whose day is not over, scored as prints arrive. */
  open: OpenScores;
  /** Open snapshots whose scores changed since they were last written. */
  dirty: Set<ScoredSnapshot>;
  pushTimer: unknown;
}

const printKey = (p: LiqPrint) => `${p.venue}|${p.time}|${p.side}|${p.price}|${p.size}`;

/**
 * The realised-liquidations side of the worker: the stream manager's prints go to memory (the last 24 h of
 * each watched asset), to IndexedDB in batches, and into the scores of the open band snapshots; feed coverage
 * is stored as it goes, so that gaps (also those of a stopped worker) stay gaps.
 */
export function createRealisedService(deps: RealisedServiceDeps): RealisedService {
  const { clock } = deps;
  const states = new Map<string, AssetState>();
  const recorder: WsRecorder = createWsRecorder();
  let watched = new Set<string>();
  let store: LiqStore | null = null;
  /** Writes asked for before the database is open; they run once it is (a socket can be faster than IndexedDB). */
  let queued: ((s: LiqStore) => void)[] | null = [];
  const withStore = (write: (s: LiqStore) => void) => {
    if (store) write(store);
    else queued?.push(write);
  };
  const storeReady = deps.store.then(
    (s) => {
      store = s;
      for (const write of queued ?? []) write(s);
      queued = null;
      void s.prune(clock.now());
    },
    (cause) => {
      queued = null;
      deps.log(`LiqLens: liquidation storage unavailable, keeping prints in memory only: ${String(cause)}`);
    },
  );
  let tickTimer: unknown = null;
  let lastPrune = clock.now();
  let lastScores = clock.now();

  const writeScores = () => {
    for (const state of states.values()) {
      for (const scored of state.open.takeChanged()) state.dirty.add(scored);
      for (const scored of state.dirty) withStore((st) => st.putSnapshot(scored));
      state.dirty.clear();
    }
  };

  const trim = (state: AssetState, now: number) => {
    // OKX's prints may come out of time order: filter, never cut at the first young one.
    const from = now - DAY - 60_000;
    if (state.recent.some((p) => p.time < from)) state.recent = state.recent.filter((p) => p.time >= from);
    state.spans = state.spans.filter((s) => s.to >= now - DAY);
    const closed = state.open.removeWhere((s) => horizonOf(s.snapshot) < now);
    for (const scored of closed) {
      withStore((st) => st.putSnapshot(scored));
      state.dirty.delete(scored);
    }
  };

  const stateOf = (asset: string): AssetState => {
    const known = states.get(asset);
    if (known) return known;
    const state: AssetState = {
      ready: Promise.resolve(),
      recent: [],
      spans: [],
      open: createOpenScores(),
      dirty: new Set(),
      pushTimer: null,
    };
    state.ready = (async () => {
      await storeReady;
      if (!store) return;
      const now = clock.now();
      const [prints, spans, snapshots] = await Promise.all([
        store.prints(asset, now - DAY, Infinity),
        store.spans(asset, now - DAY),
        store.snapshots(asset, now - DAY),
      ]);
      // Prints received while this was loading are in memory already, and may be in storage too by now.
      const have = new Set(state.recent.map(printKey));
      state.recent = [...prints.filter((p) => !have.has(printKey(p))), ...state.recent];
      state.spans = [...spans, ...state.spans];
      // Stored scores of open snapshots may be up to a minute old: score them again from the stored prints.
      const reopened = snapshots
        .filter((s) => horizonOf(s.snapshot) >= now && !state.open.has(s.snapshot.time))
        .map((s) => scoredSnapshot(s.snapshot));
      for (const scored of reopened) {
        scorePrints(scored, state.recent);
        state.dirty.add(scored);
        state.open.add(scored);
      }
    })().catch((cause) =>
      deps.log(`LiqLens: could not read stored liquidations of ${asset}: ${String(cause)}`),
    );
    states.set(asset, state);
    return state;
  };

  const feedsOf = (asset: string) => manager.feeds(asset);

  /** Extends (or starts) the stored live stretch of each venue that is live for the asset. */
  const recordCoverage = (asset: string, now: number) => {
    const state = stateOf(asset);
    for (const feed of feedsOf(asset)) {
      if (feed.liveSince === null) continue;
      const span: CoverageSpan = { asset, venue: feed.venue, from: feed.liveSince, to: now };
      const i = state.spans.findIndex((s) => s.venue === span.venue && s.from === span.from);
      if (i >= 0) state.spans[i] = span;
      else state.spans.push(span);
      withStore((st) => st.putSpan(span));
    }
  };

  const summaryNow = (asset: string): RealisedSummary => {
    const state = stateOf(asset);
    const now = clock.now();
    trim(state, now);
    return summarise({ asset, now, prints: state.recent, feeds: feedsOf(asset), spans: state.spans });
  };

  const schedulePush = (asset: string) => {
    const state = stateOf(asset);
    if (state.pushTimer !== null) return;
    state.pushTimer = clock.setTimeout(() => {
      state.pushTimer = null;
      if (!watched.has(asset)) return;
      recordCoverage(asset, clock.now());
      deps.onUpdate(asset, summaryNow(asset));
    }, PUSH_EVERY_MS);
  };

  const tick = () => {
    tickTimer = null;
    if (watched.size === 0) return;
    const now = clock.now();
    for (const asset of watched) recordCoverage(asset, now);
    if (now - lastScores >= SCORES_EVERY_MS) {
      lastScores = now;
      writeScores();
    }
    if (now - lastPrune >= PRUNE_EVERY_MS && store) {
      lastPrune = now;
      void store.prune(now);
    }
    tickTimer = clock.setTimeout(tick, COVERAGE_EVERY_MS);
  };

  const onPrints = (asset: string, prints: LiqPrint[]) => {
    const state = stateOf(asset);
    for (const p of prints) state.recent.push(p);
    withStore((st) => st.addPrints(asset, prints));
    state.open.score(prints);
    schedulePush(asset);
  };

  const manager: StreamManager = createStreamManager({
    openSocket: deps.openSocket,
    clock,
    random: deps.random,
    contractSize: deps.contractSize,
    onPrints,
    onFrame: (record) => recorder.add(record),
    onChange: () => {
      const now = clock.now();
      for (const asset of watched) {
        recordCoverage(asset, now);
        schedulePush(asset);
      }
    },
    log: deps.log,
  });

  return {
    watch(assets, venues) {
      const before = watched;
      watched = new Set(assets);
      const now = clock.now();
      // Close the live stretches of assets no longer watched before the manager forgets them.
      for (const asset of before) if (!watched.has(asset)) recordCoverage(asset, now);
      for (const asset of watched) stateOf(asset);
      manager.watch([...watched], venues);
      if (watched.size > 0 && tickTimer === null) tickTimer = clock.setTimeout(tick, COVERAGE_EVERY_MS);
    },
    async summary(asset) {
      const state = stateOf(asset);
      await state.ready;
      if (!watched.has(asset) && state.recent.length === 0 && state.spans.length === 0) return null;
      return summaryNow(asset);
    },
    recentPrints: (asset) => states.get(asset)?.recent ?? [],
    async addSnapshot(snapshot) {
      const state = stateOf(snapshot.asset);
      await state.ready;
      if (state.open.has(snapshot.time)) return;
      const scored = scoredSnapshot(snapshot);
      scorePrints(scored, state.recent);
      state.open.add(scored);
      withStore((st) => st.putSnapshot(scored));
    },
    async bandScores(asset, since, ranges, intervalMs, options = {}) {
      await storeReady;
      const now = clock.now();
      // The open snapshots' scores in memory are newer than the stored ones.
      const open = new Map((states.get(asset)?.open.list ?? []).map((s) => [s.snapshot.time, s]));
      const stored = store ? await store.snapshots(asset, since) : [];
      const scored = stored.map((s) => open.get(s.snapshot.time) ?? s);
      for (const s of open.values())
        if (s.snapshot.time >= since && !stored.some((x) => x.snapshot.time === s.snapshot.time))
          scored.push(s);
      scored.sort((a, b) => a.snapshot.time - b.snapshot.time);
      const all =
        options.prints === false
          ? []
          : store
            ? await store.prints(asset, since, Infinity)
            : [...(states.get(asset)?.recent ?? [])];
      const kept = all.length > MAX_SCORED_PRINTS ? all.slice(all.length - MAX_SCORED_PRINTS) : all;
      return {
        snapshots: scored.map((s) => s.snapshot),
        scores: scored.flatMap((s) => bandScores(s, now, ranges, intervalMs)),
        prints: kept.map(({ side, price, notionalUsd, time }) => ({ side, price, notionalUsd, time })),
        printsCapped: kept.length < all.length,
      };
    },
    recording: () => recorder.toJsonl(),
    async flush() {
      await storeReady;
      await Promise.all([...states.values()].map((s) => s.ready));
      writeScores();
      await store?.flush();
    },
    dispose() {
      manager.dispose();
      if (tickTimer !== null) clock.clearTimeout(tickTimer);
      for (const state of states.values()) if (state.pushTimer !== null) clock.clearTimeout(state.pushTimer);
    },
  };
}
