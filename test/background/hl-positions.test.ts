import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyHlRealView } from '../../lib/hl-positions/real-view';
import type { HlPositionsService } from '../../lib/hl-positions/service';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { harness, request, settle } from './harness';

function fakeService() {
  const calls: string[] = [];
  const service: HlPositionsService = {
    async configure(on, assets) {
      calls.push(`configure ${on} ${assets.join(',')}`);
    },
    notePrice(asset, price) {
      calls.push(`price ${asset} ${price}`);
    },
    async view(asset, estimate) {
      calls.push(`view ${asset} ${estimate ? 'with estimate' : 'alone'}`);
      return emptyHlRealView(asset, 'waiting', 'scanning', 0);
    },
    stopped: async () => {},
  };
  return { service, calls };
}

describe('the background and the real positions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the scan off by default, follows the option and the watched assets, and answers getHlPositions', async () => {
    const h = harness();
    const { service, calls } = fakeService();
    h.deps.hlPositions = service;
    const bg = h.boot();
    await bg.start();
    expect(calls).toContain('configure false ');
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 5);
    await settle(bg);
    await fakeBrowser.storage.sync.set({
      [STORAGE_KEYS.settings]: { v: 1, data: { realPositions: { hyperliquid: true } } },
    });
    await settle(bg);
    expect(calls).toContain('configure true BTC');
    const reply = await request(bg, 'getHlPositions', { asset: 'BTC' });
    expect(reply).toMatchObject({ asset: 'BTC', status: 'waiting', message: 'scanning' });
    expect(calls.at(-1)).toMatch(/^view BTC /);
  });

  it('says the real positions are not available when the worker has no service', async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    const reply = await request(bg, 'getHlPositions', { asset: 'ETH' });
    expect(reply).toMatchObject({ asset: 'ETH', status: 'off' });
  });
});
