import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type Background,
  type BackgroundDeps,
  createBackground,
  type Notice,
} from '../../lib/background/create-background';
import type { EngineLike, RefreshResult } from '../../lib/background/engine-port';
import type { EngineState } from '../../lib/engine/series-cache';
import type { SeriesDoc } from '../../lib/market/series';
import type { Venue } from '../../lib/market/venue';
import type { ClusterView, VenueView } from '../../lib/model/cluster-view';
import type { Settings } from '../../lib/settings/schema';
import { sampleView } from '../fixtures/views';

export const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);

export function sampleSeries(asset = 'BTC', price = 100): SeriesDoc {
  return {
    format: 'liqlens.series/1',
    asset,
    interval: '15m',
    venues: [
      {
        venue: 'binance',
        instrument: `${asset}USDT`,
        markPrice: price,
        candles: [[T0 - 900_000, price, price + 1, price - 1, price, 10, 10 * price, 5]],
        openInterest: [[T0 - 900_000, 100]],
      },
    ],
  };
}

export interface EngineCall {
  asset: string;
  venues: Venue[];
  movePct: number;
  previous: EngineState | null | undefined;
}

export function sampleState(asset: string, fetchedAt: number): EngineState {
  return { format: 'liqlens.engine-state/1', asset, interval: '15m', fetchedAt, venues: [] };
}

/** What the engine returns when no enabled venue answered. */
export function allFailedResult(
  asset: string,
  fetchedAt: number,
  venues: VenueView[],
  error: string,
): RefreshResult {
  return {
    view: null,
    series: null,
    state: sampleState(asset, fetchedAt),
    venues,
    allFailed: true,
    error,
    modes: {},
    requests: {},
    fetchedAt,
  };
}

/**
 * A stand-in for lib/engine: every call is recorded; in `manual` mode each call waits until the test settles it
 * with `resolveNext` / `rejectNext`, otherwise it answers at once with views priced 100, 101, 102, …
 */
/**
 * A stand-in for lib/engine: every call is recorded; in `manual` mode each call waits until the test settles it
 * with `resolveNext`, otherwise it answers at once with views priced 100, 101, 102, …; `failNext` makes the
 * following calls throw (an Error) or return the given result, until `succeed()`.
 */
export function fakeEngine(options: { manual?: boolean; now?: () => number } = {}) {
  const now = options.now ?? (() => T0);
  const calls: EngineCall[] = [];
  const waiting: { resolve(o: RefreshResult): void; asset: string }[] = [];
  let price = 100;
  let failWith: Error | ((asset: string) => RefreshResult) | null = null;
  const outcome = (asset: string): RefreshResult => {
    const p = price++;
    const t = now();
    const view = sampleView(asset, p, t);
    return {
      view,
      series: sampleSeries(asset, p),
      state: sampleState(asset, t),
      venues: view.venues,
      allFailed: false,
      error: null,
      modes: { binance: 'cold' },
      requests: {},
      fetchedAt: t,
    };
  };
  const engine: EngineLike = {
    refresh(asset, params, opts = {}) {
      calls.push({
        asset,
        venues: [...(opts.venues ?? [])],
        movePct: params.movePct,
        previous: opts.previous,
      });
      if (options.manual) return new Promise((resolve) => waiting.push({ resolve, asset }));
      if (failWith instanceof Error) return Promise.reject(failWith);
      if (failWith) return Promise.resolve(failWith(asset));
      return Promise.resolve(outcome(asset));
    },
  };
  return {
    engine,
    calls,
    failNext(how: Error | ((asset: string) => RefreshResult)) {
      failWith = how;
    },
    succeed() {
      failWith = null;
    },
    resolveNext() {
      const next = waiting.shift();
      if (!next) throw new Error('no refresh is waiting');
      next.resolve(outcome(next.asset));
    },
    waiting: () => waiting.length,
  };
}

export function harness(
  options: {
    start?: number;
    manual?: boolean;
    notify?: boolean;
    createEngine?: (settings: Settings, now: () => number) => Promise<EngineLike>;
  } = {},
) {
  let now = options.start ?? T0;
  const clock = {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
  const fake = fakeEngine({ manual: options.manual, now: clock.now });
  const broadcasts: unknown[] = [];
  const tabMessages: { tabId: number; message: unknown }[] = [];
  const closedTabs = new Set<number>();
  const notices: { id: string; notice: Notice }[] = [];
  const logs: string[] = [];
  const deps: BackgroundDeps = {
    local: fakeBrowser.storage.local,
    shared: fakeBrowser.storage.sync,
    alarms: fakeBrowser.alarms,
    now: clock.now,
    createEngine: (settings) =>
      options.createEngine ? options.createEngine(settings, clock.now) : fake.engine,
    broadcast: async (message) => {
      broadcasts.push(message);
    },
    sendToTab: async (tabId, message) => {
      if (closedTabs.has(tabId))
        throw new Error('Could not establish connection. Receiving end does not exist.');
      tabMessages.push({ tabId, message });
    },
    ...(options.notify === false
      ? {}
      : {
          notify: async (id: string, notice: Notice) => {
            notices.push({ id, notice });
          },
        }),
    log: (m) => logs.push(m),
  };
  const instances: Background[] = [];
  /** A new worker over the same storage and browser: what MV3 does after stopping the old one. */
  const boot = (): Background => {
    const bg = createBackground(deps);
    instances.push(bg);
    return bg;
  };
  return { clock, fake, broadcasts, tabMessages, closedTabs, notices, logs, deps, boot, instances };
}

/** Lets storage change events reach their listeners, then waits for the background's own work. */
export async function settle(bg: Background): Promise<void> {
  // setImmediate, not setTimeout: a test may run on vitest's fake setTimeout (test/liquidations/fake-clock.ts).
  await new Promise((resolve) => setImmediate(resolve));
  await bg.settled();
}

export const request = async (bg: Background, type: string, data: unknown, tabId?: number) => {
  const answer = await bg.handle({ type, data }, tabId === undefined ? {} : { tabId });
  if (!answer?.ok) throw new Error(`no answer to ${type}: ${JSON.stringify(answer)}`);
  return answer.data as Record<string, unknown> & { entry: { view: ClusterView | null } | null };
};
