import type { HttpClient } from '../http/types';
import type { SeriesDoc } from '../market/series';
import { gridOf } from '../model/bins';
import type { ClusterView } from '../model/cluster-view';
import { venueBins } from '../model/run-model';
import type { AccountStore } from './account-store';
import { atRiskPair, mapAgreement } from './agreement';
import { createPacer } from './pacer';
import { buildRealMap, usableStates } from './real-map';
import type { HlRealView } from './real-view';
import { createPositionScanner, type PositionScanner } from './scanner';
import { createTradesWatcher, type SocketLike } from './trades-stream';

export interface HlPositionsServiceDeps {
  http: HttpClient;
  /** Opened on first use (IndexedDB in the worker). */
  openStore(): Promise<AccountStore>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  createSocket(url: string): SocketLike;
  setTimer(ms: number, fire: () => void): () => void;
  log?: (message: string) => void;
}

export interface HlPositionsService {
  /** Turns the scan on or off and sets the coins whose trades name accounts. */
  configure(enabled: boolean, assets: readonly string[]): Promise<void>;
  /** Hyperliquid's mark for an asset, from the estimate's latest view (for "near" positions). */
  notePrice(asset: string, price: number): void;
  /** The real map of `asset` beside the estimate's Hyperliquid part, when there is an estimate. */
  view(asset: string, estimate: { view: ClusterView; series: SeriesDoc | null } | null): Promise<HlRealView>;
  /** Resolves when the scan loop has stopped (after `configure(false)`). */
  stopped(): Promise<void>;
}

/**
 * The background's side of the real positions: one scanner (its book in IndexedDB) running while the option is
 * on, the trades stream of the watched assets feeding it addresses, and the real map built on request.
 */
export function createHlPositionsService(deps: HlPositionsServiceDeps): HlPositionsService {
  const prices = new Map<string, number>();
  const pacer = createPacer();
  let scanner: Promise<PositionScanner> | null = null;
  let enabled = false;
  let loop: Promise<void> = Promise.resolve();
  let running = false;

  const scannerNow = () => {
    scanner ??= deps.openStore().then((store) => {
      const s = createPositionScanner({
        http: deps.http,
        store,
        now: deps.now,
        sleep: deps.sleep,
        prices: () => prices,
        pacer,
        ...(deps.log ? { log: deps.log } : {}),
      });
      return s.load().then(() => s);
    });
    return scanner;
  };

  const watcher = createTradesWatcher({
    createSocket: deps.createSocket,
    setTimer: deps.setTimer,
    onAddresses: (addresses) => {
      void scannerNow()
        .then((s) => s.addAddresses(addresses, deps.now()))
        .catch((cause) => deps.log?.(`LiqLens: Hyperliquid accounts: ${String(cause)}`));
    },
    ...(deps.log ? { log: deps.log } : {}),
  });

  const startLoop = () => {
    if (running) return;
    running = true;
    loop = scannerNow()
      .then((s) => s.run(() => !enabled))
      .catch((cause) => deps.log?.(`LiqLens: Hyperliquid scan stopped: ${String(cause)}`))
      .finally(() => {
        running = false;
      });
  };

  return {
    async configure(on, assets) {
      enabled = on;
      if (!on) {
        watcher.stop();
        return;
      }
      watcher.watch(assets);
      startLoop();
    },
    notePrice(asset, price) {
      if (Number.isFinite(price) && price > 0) prices.set(asset, price);
    },
    async view(asset, estimate) {
      const now = deps.now();
      const hl = estimate?.view.venues.find((v) => v.venue === 'hyperliquid');
      const price = hl?.markPrice ?? null;
      const base: HlRealView = {
        asset,
        status: 'off',
        message: null,
        computedAt: now,
        price,
        bins: null,
        positions: { total: 0, offGrid: 0, notLiquidatable: 0 },
        coverage: null,
        comparison: null,
        scan: {
          knownAccounts: 0,
          requestsLastMinute: pacer.inLastMinute(now),
          rate: pacer.state().rate,
          failures: 0,
        },
      };
      if (!enabled) return { ...base, message: 'Hyperliquid real positions are off (Options → Venues)' };
      const s = await scannerNow();
      const records = s.records();
      const stats = s.stats();
      base.scan.knownAccounts = records.length;
      base.scan.failures = Object.values(stats.failures).reduce((a, b) => a + (b ?? 0), 0);
      if (price === null)
        return { ...base, status: 'waiting', message: "Waiting for Hyperliquid's mark price" };
      const states = usableStates(records, now);
      if (states.length === 0)
        return {
          ...base,
          status: 'waiting',
          message: `Scanning Hyperliquid accounts (${records.length} known)`,
        };
      const params = estimate?.view.model.params;
      const map = buildRealMap({
        asset,
        price,
        openInterest: hl?.openInterestBase ?? null,
        grid: { binPct: params?.binPct ?? 0.1, rangePct: params?.rangePct ?? 25 },
        states,
        now,
      });
      const view: HlRealView = {
        ...base,
        status: 'ok',
        bins: map.bins,
        positions: { total: map.positions, offGrid: map.offGrid, notLiquidatable: map.notLiquidatable },
        coverage: map.coverage,
      };
      if (estimate?.series && params) {
        // Context only (no open-interest history yet): the model has no Hyperliquid part, which is not a zero.
        const estimateBins = hl?.status === 'ok' ? venueBins(estimate.series, params, 'hyperliquid') : null;
        const onTheirGrid = buildRealMap({
          asset,
          price,
          openInterest: null,
          grid: gridOf(estimate.view.bins),
          states,
          now,
        }).bins;
        const pair = atRiskPair(onTheirGrid, estimateBins, estimate.view.price, params.movePct);
        let agreement: number | null = null;
        try {
          agreement = estimateBins ? mapAgreement(estimateBins, onTheirGrid, estimate.view.price) : null;
        } catch {
          // The cached series no longer matches the view's grid (a refresh under way): no figure this time.
        }
        view.comparison = { ...pair, agreement };
      }
      return view;
    },
    stopped: () => loop,
  };
}
