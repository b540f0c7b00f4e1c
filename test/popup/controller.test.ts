import { describe, expect, it } from 'vitest';
import type { RealisedSummary } from '../../lib/liquidations/types';
import type { ViewEntry, ViewReply } from '../../lib/messages/view-entry';
import { createPopupController, type PopupState } from '../../lib/popup/controller';
import { createPopupPrefs } from '../../lib/popup/popup-prefs';
import { defaultSettings } from '../../lib/settings/schema';
import { createMemoryArea } from '../../lib/storage/area';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { ok } from '../../lib/util/result';
import { sampleView } from '../fixtures/views';
import { summary } from '../realised/summary-fixture';

const entryOf = (asset: string, price = 100): ViewEntry => ({
  asset,
  view: sampleView(asset, price, 1_000),
  viewAt: 1_000,
  checkedAt: 1_000,
  error: null,
  failures: [],
});
const replyOf = (asset: string, price = 100): ViewReply => ({
  asset,
  entry: entryOf(asset, price),
  stale: false,
  refreshing: false,
  periodMs: 60_000,
});

function setup(options: { url?: string; cached?: Record<string, ViewEntry>; forcedAsset?: string } = {}) {
  const requests: string[] = [];
  const downloads: string[] = [];
  const states: PopupState[] = [];
  const cached = { ...options.cached };
  const realisedOf: Record<string, RealisedSummary> = { BTC: summary({ asset: 'BTC' }) };
  const controller = createPopupController({
    messenger: {
      request: (async (type: string, data: { asset?: string }) => {
        requests.push(`${type} ${data.asset ?? ''}`.trim());
        if (type === 'getSeries') return ok({ series: null });
        if (type === 'getTabAsset') return ok({ asset: null });
        if (type === 'getRealised') return ok({ summary: realisedOf[data.asset ?? ''] ?? null });
        return ok(replyOf(data.asset ?? 'BTC'));
      }) as never,
    },
    settings: { load: async () => ({ settings: defaultSettings() }), watch: () => undefined },
    cache: { get: async (asset) => cached[asset] ?? null, getSeries: async () => null },
    prefs: createPopupPrefs(createMemoryArea()),
    activeTab: async () => ({ tabId: 3, url: options.url }),
    forcedAsset: options.forcedAsset ?? null,
    download: (name) => downloads.push(name),
    now: () => 2_000,
    setInterval: () => undefined,
    log: () => undefined,
    onChange: (s) => states.push(s),
  });
  return { controller, requests, downloads, states, cached };
}

describe('popup controller', () => {
  it("shows the active chart's asset, its cached entry first, then subscribes", async () => {
    const { controller, requests, states } = setup({
      url: 'https://www.binance.com/en/futures/ETHUSDT',
      cached: { ETH: entryOf('ETH', 90) },
    });
    await controller.start();
    const first = states.find((s) => s.loaded);
    expect(first).toMatchObject({ asset: 'ETH', fromTab: true, refreshing: true });
    expect(first?.entry?.view?.price).toBe(90);
    expect(requests).toEqual(['subscribeAsset ETH', 'getRealised ETH']);
    expect(controller.state).toMatchObject({ asset: 'ETH', refreshing: false });
    expect(controller.state.entry?.view?.price).toBe(100);
    expect(controller.state.assets.slice(0, 3)).toEqual(['ETH', 'BTC', 'SOL']);
  });

  it('takes pushes for its asset only, and re-reads the cache when its key changes', async () => {
    const { controller, cached } = setup({ forcedAsset: 'SOL' });
    await controller.start();
    controller.receive({ type: 'viewUpdated', data: replyOf('ETH', 5) });
    expect(controller.state.entry?.view?.price).toBe(100);
    controller.receive({ type: 'viewUpdated', data: replyOf('SOL', 7) });
    expect(controller.state.entry?.view?.price).toBe(7);

    cached.SOL = entryOf('SOL', 8);
    controller.onStorageChanged([STORAGE_KEYS.view('BTC')]);
    await Promise.resolve();
    expect(controller.state.entry?.view?.price).toBe(7);
    controller.onStorageChanged([STORAGE_KEYS.view('SOL')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(controller.state.entry?.view?.price).toBe(8);
  });

  it('a paused venue offers "Retry now", which asks the background to lift the pauses (issue 9)', async () => {
    const { controller, requests } = setup({ forcedAsset: 'SOL' });
    await controller.start();
    expect(controller.state.paused).toBe(false);
    const paused = replyOf('SOL', 7);
    if (!paused.entry) throw new Error('no entry');
    paused.entry.failures = [
      { source: 'binance', message: 'Binance has temporarily banned …', kind: 'banned' },
    ];
    controller.receive({ type: 'viewUpdated', data: paused });
    expect(controller.state.paused).toBe(true);
    await controller.retryNow();
    expect(requests.at(-1)).toBe('retryNow SOL');
    expect(controller.state.refreshing).toBe(true);
  });

  it('says so when there is no series to export yet', async () => {
    const { controller, downloads } = setup();
    await controller.start();
    await controller.exportSeries();
    expect(downloads).toEqual([]);
    expect(controller.state.error).toBe('No BTC series cached yet: export after the first refresh');
    controller.exportView();
    expect(downloads).toEqual(['liqlens-view-BTC-19700101T000001Z.json']);
  });

  it('ignores an asset that is not one', async () => {
    const { controller, requests } = setup();
    await controller.start();
    await controller.chooseAsset('btc');
    await controller.chooseAsset('ETH');
    expect(requests.filter((r) => !r.startsWith('getRealised'))).toEqual([
      'getTabAsset',
      'subscribeAsset BTC',
      'subscribeAsset ETH',
    ]);
    expect(controller.state).toMatchObject({ asset: 'ETH', fromTab: false });
  });

  it('asks for the realised summary of its asset, takes its pushes, and drops it on a new asset', async () => {
    const { controller, requests } = setup({ forcedAsset: 'BTC' });
    await controller.start();
    await Promise.resolve();
    expect(requests).toContain('getRealised BTC');
    expect(controller.state.realised?.asset).toBe('BTC');
    controller.receive({
      type: 'realisedUpdated',
      data: { asset: 'ETH', summary: summary({ asset: 'ETH' }) },
    });
    expect(controller.state.realised?.asset).toBe('BTC');
    const pushed = summary({ asset: 'BTC', velocity5m: { long: 1, short: 2 } });
    controller.receive({ type: 'realisedUpdated', data: { asset: 'BTC', summary: pushed } });
    expect(controller.state.realised?.velocity5m).toEqual({ long: 1, short: 2 });
    await controller.chooseAsset('SOL');
    expect(controller.state.realised).toBeNull();
    expect(requests).toContain('getRealised SOL');
  });
});
