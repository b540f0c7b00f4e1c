import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundEngine } from '../../lib/background/live-engine';
import { createStorageOiSnapshotStore } from '../../lib/background/oi-snapshot-store';
import type { OiSnapshot } from '../../lib/engine/oi-snapshot-store';
import { parseHarText } from '../../lib/http/har';
import { createHarFetch, harNow } from '../../lib/http/har-replay';
import type { ViewReply } from '../../lib/messages/view-entry';
import { ClusterViewSchema } from '../../lib/model/cluster-view';
import type { PermissionsLike } from '../../lib/settings/coinglass-access';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { harness, request, settle } from './harness';

const HAR_DIR = new URL('../fixtures/har/', import.meta.url);
const loadHar = () => {
  const parsed = parseHarText(readFileSync(new URL('btc-all.har', HAR_DIR), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const seedSnapshots = () =>
  JSON.parse(readFileSync(new URL('hyperliquid-btc-oi-snapshots.json', HAR_DIR), 'utf8')) as OiSnapshot[];
const noPermissions: PermissionsLike = {
  request: async () => false,
  contains: async () => false,
  remove: async () => false,
};

describe('background over the btc-all HAR replay (real engine, no network)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('serves a full view of BTC from four venues and records a Hyperliquid OI snapshot', async () => {
    const har = loadHar();
    const start = harNow(har);
    // The history an earlier worker would have recorded, so Hyperliquid's ledger is used too.
    const seed = seedSnapshots();
    await fakeBrowser.storage.local.set({
      [STORAGE_KEYS.oiSnapshots('hyperliquid', 'BTC')]: { v: 1, data: seed },
    });
    const h = harness({
      start,
      createEngine: (settings, now) =>
        createBackgroundEngine({
          settings,
          fetch: createHarFetch(har, { now }),
          local: fakeBrowser.storage.local,
          permissions: noPermissions,
          now,
          sleep: async (ms) => h.clock.advance(ms),
        }),
    });
    const bg = h.boot();
    await bg.start();
    const first = await request(bg, 'subscribeAsset', { asset: 'BTC' }, 9);
    expect(first).toMatchObject({ entry: null, refreshing: true });
    await settle(bg);

    const reply = (await request(bg, 'getView', { asset: 'BTC' })) as unknown as ViewReply;
    expect(reply.entry?.error).toBeNull();
    expect(reply.entry?.failures).toEqual([]);
    expect(reply.stale).toBe(false);
    const view = reply.entry?.view;
    expect(ClusterViewSchema.safeParse(view).success).toBe(true);
    expect(view?.venues.map((v) => [v.venue, v.status])).toEqual([
      ['binance', 'ok'],
      ['bybit', 'ok'],
      ['okx', 'ok'],
      ['hyperliquid', 'ok'],
    ]);
    expect(view?.bands.length).toBeGreaterThan(0);
    expect(view?.atRisk.movePct).toBe(3);

    // The tab that asked got the same view pushed.
    const pushedToTab = h.tabMessages.find((m) => m.tabId === 9)?.message as { data: ViewReply };
    expect(pushedToTab.data.entry?.view?.price).toBe(view?.price);

    // The export has the model's input, one venue series each.
    const series = (await request(bg, 'getSeries', { asset: 'BTC' })) as unknown as {
      series: { venues: { venue: string }[] };
    };
    expect(series.series.venues.map((v) => v.venue)).toEqual(['binance', 'bybit', 'okx', 'hyperliquid']);

    // The engine appended this refresh's Hyperliquid open interest to the stored history.
    const history = await createStorageOiSnapshotStore({ area: fakeBrowser.storage.local }).load(
      'hyperliquid',
      'BTC',
    );
    const newest = history.at(-1);
    expect(newest?.time).toBeGreaterThan(seed.at(-1)?.time ?? Number.POSITIVE_INFINITY);
    expect(newest?.time).toBeGreaterThanOrEqual(start);
    expect(view?.venues.find((v) => v.venue === 'hyperliquid')?.openInterestBase).toBe(newest?.oi);

    // And its state, for the next (warm) refresh.
    expect(Object.keys(await fakeBrowser.storage.local.get(STORAGE_KEYS.engineState('BTC')))).toEqual([
      STORAGE_KEYS.engineState('BTC'),
    ]);
  });
});
