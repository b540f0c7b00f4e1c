import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { harness, request, settle } from './harness';

const PERIOD = 60_000;
const tabAsset = async (bg: ReturnType<ReturnType<typeof harness>['boot']>, tabId: number) =>
  (await request(bg, 'getTabAsset', { tabId })).asset;

describe('background: getTabAsset (the one reader of the watch record for the popup)', () => {
  beforeEach(() => fakeBrowser.reset());

  it("answers the asset a tab's chart watches, the latest when it switched, and null for other tabs", async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 7);
    await request(bg, 'subscribeAsset', { asset: 'SOL' }); // the popup's own watch: not a tab's
    await settle(bg);
    expect(await tabAsset(bg, 7)).toBe('BTC');
    expect(await tabAsset(bg, 8)).toBeNull();
    // The chart switched symbol: the newer watch expires later and wins.
    h.clock.advance(1_000);
    await request(bg, 'subscribeAsset', { asset: 'ETH' }, 7);
    await settle(bg);
    expect(await tabAsset(bg, 7)).toBe('ETH');
  });

  it('forgets a lapsed watch (three periods) and a closed tab', async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 7);
    await request(bg, 'subscribeAsset', { asset: 'ETH' }, 9);
    await settle(bg);
    h.clock.advance(3 * PERIOD - 1);
    expect(await tabAsset(bg, 7)).toBe('BTC');
    h.clock.advance(1);
    expect(await tabAsset(bg, 7)).toBeNull();
    h.clock.advance(-3 * PERIOD);
    expect(await tabAsset(bg, 9)).toBe('ETH');
    await bg.onTabRemoved(9);
    expect(await tabAsset(bg, 9)).toBeNull();
  });

  it('ignores a malformed request instead of guessing', () => {
    const h = harness();
    const bg = h.boot();
    expect(bg.handle({ type: 'getTabAsset', data: { tabId: 'seven' } }, {})).toBeUndefined();
  });
});
