import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EngineLike, RefreshResult } from '../../lib/background/engine-port';
import { MAX_STORED_ASSETS, MAX_WATCHED_ASSETS } from '../../lib/background/storage-budget';
import type { ViewReply } from '../../lib/messages/view-entry';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { sampleView } from '../fixtures/views';
import { harness, request, sampleSeries, sampleState, settle, T0 } from './harness';

const outcome = (asset: string, price: number, at: number): RefreshResult => {
  const view = sampleView(asset, price, at);
  return {
    view,
    series: sampleSeries(asset, price),
    state: sampleState(asset, at),
    venues: view.venues,
    allFailed: false,
    error: null,
    modes: {},
    requests: {},
    fetchedAt: at,
  };
};

describe('background hardening (issue 9)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a view with a non-finite figure is not stored: the last good one stays, with our message', async () => {
    let poison = false;
    const h = harness({
      createEngine: async (_settings, now) => ({
        async refresh(asset) {
          const result = outcome(asset, 100, now());
          if (poison && result.view) {
            const venue = result.view.venues[0];
            if (venue) venue.openInterestUsd = Number.POSITIVE_INFINITY;
          }
          return result;
        },
      }),
    });
    const bg = h.boot();
    await bg.start();
    await bg.refresh('BTC', { force: true });
    poison = true;
    h.clock.advance(60_000);
    const entry = await bg.refresh('BTC', { force: true });
    expect(entry?.error).toMatch(
      /^the refresh made an invalid view \(view\.venues\[0\]\.openInterestUsd: .*\); showing the last good one$/,
    );
    expect(entry?.view?.price).toBe(100);
    expect(entry?.viewAt).toBe(T0);
    const stored = (await request(bg, 'getView', { asset: 'BTC' })) as unknown as ViewReply;
    expect(stored.entry?.view?.venues[0]?.openInterestUsd).toBe(sampleView().venues[0]?.openInterestUsd);
    expect(stored.entry?.error).toMatch(/^the refresh made an invalid view/);
  });

  it('a full storage area: least recently used assets are evicted, and the message is ours, never kQuotaBytes', async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    for (const asset of ['OLD', 'BTC']) {
      await request(bg, 'subscribeAsset', { asset }, 1);
      await settle(bg);
      await request(bg, 'unsubscribeAsset', { asset }, 1);
      h.clock.advance(1000);
    }
    const local = fakeBrowser.storage.local;
    const set = local.set.bind(local);
    let full = 2;
    local.set = async (items: Record<string, unknown>) => {
      if (Object.keys(items).some((k) => k.startsWith(STORAGE_KEYS.engineState(''))) && full-- > 0)
        throw new Error('Resource::kQuotaBytes quota exceeded');
      return set(items);
    };
    h.clock.advance(60_000);
    const entry = await bg.refresh('ETH', { force: true });
    const text = JSON.stringify(entry);
    expect(text).not.toMatch(/kQuotaBytes/);
    expect(entry?.failures).toEqual([
      {
        source: 'storage',
        message:
          "LiqLens's browser storage is full, so the engine state could not be saved; data of assets not watched lately was cleared, and the next refresh tries again",
      },
    ]);
    expect(entry?.view?.asset).toBe('ETH');
    local.set = set;
  });

  it(`caps the watched set at ${MAX_WATCHED_ASSETS} assets and the stored ones at ${MAX_STORED_ASSETS}, least recently used out first`, async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    const assets = Array.from({ length: 14 }, (_, i) => `COIN${i + 1}`);
    for (const [i, asset] of assets.entries()) {
      await request(bg, 'subscribeAsset', { asset }, 100 + i);
      await settle(bg);
      h.clock.advance(1000);
    }
    const watches = (await fakeBrowser.storage.local.get(STORAGE_KEYS.watches))[STORAGE_KEYS.watches] as {
      data: { watchers: Record<string, unknown> };
    };
    expect(Object.keys(watches.data.watchers).sort()).toEqual(assets.slice(-MAX_WATCHED_ASSETS).sort());
    const all = await fakeBrowser.storage.local.get(null);
    const withData = (prefix: string) =>
      Object.keys(all)
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length));
    for (const prefix of [STORAGE_KEYS.view(''), STORAGE_KEYS.series(''), STORAGE_KEYS.engineState('')])
      expect(withData(prefix).sort()).toEqual(assets.slice(-MAX_STORED_ASSETS).sort());
  });

  it('"Retry now" clears the stored pauses and refreshes at once', async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    await bg.refresh('BTC', { force: true });
    await fakeBrowser.storage.local.set({
      [STORAGE_KEYS.httpPauses]: { binance: { until: T0 + 86_400_000, kind: 'banned', host: 'binance' } },
    });
    const engines = h.fake.calls.length;
    const answer = await bg.handle({ type: 'retryNow', data: { asset: 'BTC' } }, {});
    expect(answer).toEqual({ ok: true, data: { cleared: true } });
    await settle(bg);
    expect(
      (await fakeBrowser.storage.local.get(STORAGE_KEYS.httpPauses))[STORAGE_KEYS.httpPauses],
    ).toBeUndefined();
    expect(h.fake.calls.length).toBe(engines + 1);
  });

  it('29 symbols in 9 seconds from one tab: few refreshes, and the symbol the user stops on arrives promptly', async () => {
    // Virtual time: every refresh takes 4 s (a cold refresh of four venues is ~33 requests).
    const REFRESH_MS = 4000;
    const timers: { at: number; fire: () => void }[] = [];
    const calls: { asset: string; at: number }[] = [];
    const h = harness({
      createEngine: async (_settings, now) =>
        ({
          refresh(asset) {
            calls.push({ asset, at: now() });
            return new Promise((resolve) =>
              timers.push({ at: now() + REFRESH_MS, fire: () => resolve(outcome(asset, 100, now())) }),
            );
          },
        }) satisfies EngineLike,
    });
    const flush = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const advance = async (ms: number) => {
      const until = h.clock.now() + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        h.clock.advance(next.at - h.clock.now());
        next.fire();
        await flush();
      }
      h.clock.advance(until - h.clock.now());
      await flush();
    };
    const bg = h.boot();
    await bg.start();
    const TAB = 5;
    const symbols = Array.from({ length: 29 }, (_, i) => `COIN${i + 1}`);
    let previous: string | null = null;
    for (const asset of symbols) {
      await request(bg, 'subscribeAsset', { asset }, TAB);
      if (previous) await request(bg, 'unsubscribeAsset', { asset: previous }, TAB);
      previous = asset;
      await advance(9000 / 29);
    }
    const stoppedAt = h.clock.now();
    const last = symbols[symbols.length - 1] as string;
    const arrived = () =>
      h.tabMessages.find(
        (m) => (m.message as { data?: ViewReply }).data?.entry?.view?.asset === last && m.tabId === TAB,
      );
    for (let waited = 0; !arrived() && waited < 60_000; waited += 250) await advance(250);
    const arrivedAt = h.clock.now();
    await settle(bg);

    // At most two refreshes run at once and the passed-over symbols are skipped: 29 switches, a handful of
    // refreshes (×33 requests each), against 29 without the queue.
    expect(calls.length).toBeLessThanOrEqual(8);
    expect(calls.map((c) => c.asset)).toContain(last);
    // The last symbol waits at most for one refresh in flight, then takes one itself.
    expect(arrived()).toBeDefined();
    expect(arrivedAt - stoppedAt).toBeLessThanOrEqual(2 * REFRESH_MS);
  });
});
