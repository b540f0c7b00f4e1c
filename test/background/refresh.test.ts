import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM } from '../../lib/background/scheduler';
import { failedView } from '../../lib/engine/venue-status';
import type { ViewReply } from '../../lib/messages/view-entry';
import { defaultSettings } from '../../lib/settings/schema';
import { createSettingsStore } from '../../lib/settings/store';
import { sampleView } from '../fixtures/views';
import {
  allFailedResult,
  fakeEngine,
  harness,
  request,
  sampleSeries,
  sampleState,
  settle,
  T0,
} from './harness';

const PERIOD = 60_000;
const pushed = (messages: unknown[]) => messages.map((m) => (m as { data: ViewReply }).data);
const pushedPrices = (messages: unknown[]) => pushed(messages).map((r) => r.entry?.view?.price);

describe('background refresh', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers from the (empty) cache at once, then pushes the fresh view to the popup and the watching tab', async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    const reply = await request(bg, 'subscribeAsset', { asset: 'BTC' }, 7);
    expect(reply).toMatchObject({
      asset: 'BTC',
      entry: null,
      stale: true,
      refreshing: true,
      periodMs: PERIOD,
    });
    await settle(bg);
    expect(h.fake.calls.map((c) => c.asset)).toEqual(['BTC']);
    expect(pushedPrices(h.broadcasts)).toEqual([100]);
    expect(h.tabMessages.map((m) => m.tabId)).toEqual([7]);
    expect(pushed(h.tabMessages.map((m) => m.message))[0]).toMatchObject({ stale: false, refreshing: false });
    const again = await request(bg, 'subscribeAsset', { asset: 'BTC' }, 7);
    expect(again).toMatchObject({
      stale: false,
      refreshing: false,
      entry: { viewAt: T0, checkedAt: T0, error: null },
    });
    expect(again.entry?.view?.price).toBe(100);
  });

  it('refreshes each asset once per period however many tabs show it', async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 1);
    await settle(bg);
    h.clock.advance(10_000);
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 2);
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 3);
    await request(bg, 'subscribeAsset', { asset: 'BTC' });
    await settle(bg);
    h.clock.advance(20_000);
    await bg.onAlarm(REFRESH_ALARM);
    expect(h.fake.calls).toHaveLength(1);
    h.clock.advance(30_000);
    await bg.onAlarm(REFRESH_ALARM);
    await settle(bg);
    expect(h.fake.calls).toHaveLength(2);
    // The alarm's push reaches every tab that watches BTC.
    const last = h.tabMessages.filter((m) => pushedPrices([m.message])[0] === 101).map((m) => m.tabId);
    expect(last.sort()).toEqual([1, 2, 3]);
  });

  it('shares one in-flight refresh between concurrent requests', async () => {
    const h = harness({ manual: true });
    const bg = h.boot();
    await bg.start();
    const replies = await Promise.all([
      request(bg, 'subscribeAsset', { asset: 'ETH' }, 1),
      request(bg, 'subscribeAsset', { asset: 'ETH' }, 2),
      request(bg, 'getView', { asset: 'ETH', refresh: true }),
    ]);
    const direct = bg.refresh('ETH', { force: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.fake.calls).toHaveLength(1);
    expect(replies.every((r) => r.entry === null)).toBe(true);
    h.fake.resolveNext();
    expect((await direct)?.view?.price).toBe(100);
    await settle(bg);
    expect(h.fake.calls).toHaveLength(1);
    expect(h.fake.waiting()).toBe(0);
  });

  it('refreshes on the alarm only the assets still watched; a watch lapses after three periods', async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 1);
    await request(bg, 'subscribeAsset', { asset: 'ETH' }, 2);
    await settle(bg);
    for (let i = 1; i <= 3; i++) {
      h.clock.advance(PERIOD);
      await request(bg, 'subscribeAsset', { asset: 'BTC' }, 1);
      await bg.onAlarm(REFRESH_ALARM);
      await settle(bg);
    }
    const counts = (asset: string) => h.fake.calls.filter((c) => c.asset === asset).length;
    // ETH's watch (from T0, 3 periods) has just lapsed at the third alarm: refreshed at T0, +1 and +2 periods.
    expect(counts('BTC')).toBe(4);
    expect(counts('ETH')).toBe(3);
    await request(bg, 'unsubscribeAsset', { asset: 'BTC' }, 1);
    h.clock.advance(PERIOD);
    await bg.onAlarm(REFRESH_ALARM);
    expect(h.fake.calls).toHaveLength(7);
  });

  it('forgets a closed tab and a tab whose page no longer listens', async () => {
    const h = harness();
    const bg = h.boot();
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 1);
    await request(bg, 'subscribeAsset', { asset: 'SOL' }, 2);
    await settle(bg);
    await bg.onTabRemoved(1);
    h.closedTabs.add(2);
    h.clock.advance(PERIOD);
    await bg.onAlarm(REFRESH_ALARM);
    await settle(bg);
    expect(h.fake.calls.map((c) => c.asset)).toEqual(['BTC', 'SOL', 'SOL']);
    h.clock.advance(PERIOD);
    await bg.onAlarm(REFRESH_ALARM);
    expect(h.fake.calls).toHaveLength(3);
  });

  it("keeps the last good view when a refresh fails, with each venue's failure in words, and marks it stale later", async () => {
    const h = harness();
    const bg = h.boot();
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 1);
    await settle(bg);
    const binance = failedView('binance', 'BTCUSDT', 'Binance: rate limited, retry in 20 s', 'rate-limited');
    const okx = failedView('okx', 'BTC-USDT-SWAP', 'OKX: network error', 'network');
    const error = 'No venue could be reached: Binance: rate limited, retry in 20 s; OKX: network error';
    h.fake.failNext((asset) => allFailedResult(asset, h.clock.now(), [binance, okx], error));
    for (let i = 1; i <= 4; i++) {
      h.clock.advance(PERIOD);
      await request(bg, 'subscribeAsset', { asset: 'BTC' }, 1);
      await bg.onAlarm(REFRESH_ALARM);
      await settle(bg);
      const reply = await request(bg, 'getView', { asset: 'BTC' });
      expect(reply.entry?.view?.price).toBe(100);
      expect(reply).toMatchObject({
        stale: i > 3,
        entry: {
          viewAt: T0,
          checkedAt: T0 + i * PERIOD,
          error,
          failures: [
            { source: 'binance', message: 'Binance: rate limited, retry in 20 s' },
            { source: 'okx', message: 'OKX: network error' },
          ],
        },
      });
    }
    expect(pushed(h.broadcasts).at(-1)).toMatchObject({ stale: true, entry: { error } });
    h.fake.failNext(new Error('storage quota exceeded'));
    h.clock.advance(PERIOD);
    await bg.onAlarm(REFRESH_ALARM);
    expect((await request(bg, 'getView', { asset: 'BTC' })).entry).toMatchObject({
      viewAt: T0,
      error: 'storage quota exceeded',
      failures: [{ source: 'engine', message: 'storage quota exceeded' }],
    });
    h.fake.succeed();
    h.clock.advance(PERIOD);
    await bg.onAlarm(REFRESH_ALARM);
    expect((await request(bg, 'getView', { asset: 'BTC' })).entry).toMatchObject({
      viewAt: T0 + 6 * PERIOD,
      error: null,
      failures: [],
    });
  });

  it('lists the venues that failed inside an otherwise good view', async () => {
    const h = harness();
    const bg = h.boot();
    const good = await bg.refresh('BTC');
    expect(good?.failures).toEqual([]);
    h.fake.engine.refresh = async (asset) => {
      const view = sampleView(asset, 105, T0);
      const [binance] = view.venues;
      if (!binance) throw new Error('sample view without venues');
      view.venues.push({
        ...binance,
        venue: 'bybit',
        status: 'failed',
        message: 'Bybit: rate limited',
        failure: 'rate-limited',
      });
      view.secondOpinion = {
        source: 'coinglass',
        status: 'failed',
        message: 'CoinGlass: your plan has no heatmap',
        long: [],
        short: [],
      };
      return {
        view,
        series: sampleSeries(asset, 105),
        state: sampleState(asset, T0),
        venues: view.venues,
        allFailed: false,
        error: null,
        modes: { binance: 'warm', bybit: 'failed' },
        requests: {},
        fetchedAt: T0,
      };
    };
    const entry = await bg.refresh('BTC', { force: true });
    expect(entry?.failures).toEqual([
      { source: 'bybit', message: 'Bybit: rate limited', kind: 'rate-limited' },
      { source: 'coinglass', message: 'CoinGlass: your plan has no heatmap' },
    ]);
  });

  it('passes the enabled venues, the model parameters and the last engine state (warm refresh)', async () => {
    const h = harness();
    const bg = h.boot();
    const store = createSettingsStore({ shared: fakeBrowser.storage.sync, local: fakeBrowser.storage.local });
    const s = defaultSettings();
    await store.save({ ...s, venues: { ...s.venues, okx: false }, model: { ...s.model, movePct: 2 } });
    await settle(bg);
    await bg.refresh('BTC');
    h.clock.advance(PERIOD);
    await bg.refresh('BTC');
    expect(h.fake.calls.map((c) => [c.venues, c.movePct])).toEqual([
      [['binance', 'bybit', 'hyperliquid'], 2],
      [['binance', 'bybit', 'hyperliquid'], 2],
    ]);
    expect(h.fake.calls[0]?.previous).toBeNull();
    expect(h.fake.calls[1]?.previous).toEqual(sampleState('BTC', T0));
    expect(await request(bg, 'getSeries', { asset: 'BTC' })).toMatchObject({
      series: { asset: 'BTC', format: 'liqlens.series/1' },
    });
  });

  it('applies settings live: a new period re-arms the alarm, new model inputs refresh the watched assets', async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(1);
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 1);
    await settle(bg);
    const store = createSettingsStore({ shared: fakeBrowser.storage.sync, local: fakeBrowser.storage.local });
    const s = (await store.load()).settings;
    await store.save({ ...s, refreshSeconds: 120 });
    await settle(bg);
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(2);
    expect(h.fake.calls).toHaveLength(1);
    await store.save({ ...s, refreshSeconds: 120, model: { ...s.model, halfLifeHours: 24 } });
    await settle(bg);
    expect(h.fake.calls).toHaveLength(2);
    expect((await request(bg, 'getView', { asset: 'BTC' })).periodMs).toBe(120_000);
  });

  it('builds the engine once, again when the CoinGlass key or the host permissions change', async () => {
    let built = 0;
    const h = harness({
      createEngine: async () => {
        built++;
        return fakeEngine().engine;
      },
    });
    const bg = h.boot();
    await bg.refresh('BTC');
    h.clock.advance(PERIOD);
    await bg.refresh('BTC');
    expect(built).toBe(1);
    bg.onPermissionsChanged();
    h.clock.advance(PERIOD);
    await bg.refresh('BTC');
    expect(built).toBe(2);
    const store = createSettingsStore({ shared: fakeBrowser.storage.sync, local: fakeBrowser.storage.local });
    await store.setCoinglassKey('abcdef0123456789abcdef0123456789');
    await settle(bg);
    await bg.refresh('BTC', { force: true });
    expect(built).toBe(3);
  });

  it('ignores unknown and malformed messages, logging each kind once', async () => {
    const h = harness();
    const bg = h.boot();
    expect(bg.handle({ type: 'subscribeAsset', data: { asset: 'bitcoin!' } }, { tabId: 1 })).toBeUndefined();
    expect(bg.handle({ type: 'subscribeAsset', data: { asset: 'bitcoin!' } }, { tabId: 1 })).toBeUndefined();
    expect(bg.handle({ kind: 'x' }, {})).toBeUndefined();
    expect(h.logs).toHaveLength(2);
    expect(h.fake.calls).toHaveLength(0);
  });
});
