import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundEngine } from '../../lib/background/live-engine';
import type { FetchLike } from '../../lib/http/types';
import type { PermissionsLike } from '../../lib/settings/coinglass-access';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { harness, request, settle } from './harness';

const noPermissions: PermissionsLike = {
  request: async () => false,
  contains: async () => false,
  remove: async () => false,
};

/** The background harness with the real engine over `fetch`, no host permissions, no real waits. */
const realEngineOver = (fetch: FetchLike) =>
  harness({
    createEngine: (settings, now) =>
      createBackgroundEngine({
        settings,
        fetch,
        local: fakeBrowser.storage.local,
        permissions: noPermissions,
        now,
        sleep: async () => {},
      }),
  });

describe('background with the real engine', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports each venue failing in words when nothing answers, and keeps no view', async () => {
    const urls: string[] = [];
    const offline: FetchLike = async (url) => {
      urls.push(url);
      throw new TypeError('Failed to fetch');
    };
    const h = realEngineOver(offline);
    const bg = h.boot();
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 3);
    await settle(bg);
    const reply = await request(bg, 'getView', { asset: 'BTC' });
    const entry = reply.entry as unknown as {
      view: null;
      error: string;
      failures: { source: string; message: string }[];
    };
    expect(entry.view).toBeNull();
    expect(entry.error).toMatch(/^No venue could be reached: /);
    expect(entry.failures.map((f) => f.source).sort()).toEqual(['binance', 'bybit', 'hyperliquid', 'okx']);
    const label = { binance: 'Binance', bybit: 'Bybit', okx: 'OKX', hyperliquid: 'Hyperliquid' } as Record<
      string,
      string
    >;
    for (const f of entry.failures)
      expect(f.message).toMatch(new RegExp(`^${label[f.source]} could not be reached .*Failed to fetch$`));
    const hosts = new Set(urls.map((u) => new URL(u).host));
    expect([...hosts].sort()).toEqual([
      'api.bybit.com',
      'api.hyperliquid.xyz',
      'fapi.binance.com',
      'www.okx.com',
    ]);
  });

  it('keeps a venue’s rate-limit pause in storage for the next worker', async () => {
    const limited: FetchLike = async (url) => ({
      status: new URL(url).host === 'fapi.binance.com' ? 429 : 503,
      headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? '120' : null) },
      text: async () => '{}',
    });
    const h = realEngineOver(limited);
    const bg = h.boot();
    await bg.refresh('BTC');
    const stored = (await fakeBrowser.storage.local.get(STORAGE_KEYS.httpPauses))[STORAGE_KEYS.httpPauses];
    expect(stored).toMatchObject({
      binance: { until: h.clock.now() + 120_000, kind: 'rate-limited', status: 429 },
    });
  });
});
