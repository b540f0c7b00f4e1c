import { describe, expect, it } from 'vitest';
import { createPopupPrefs } from '../../lib/popup/popup-prefs';
import { tabAsset } from '../../lib/popup/tab-asset';
import { createMemoryArea } from '../../lib/storage/area';
import { STORAGE_KEYS } from '../../lib/storage/keys';

/** A stand-in for the background's `getTabAsset` answer: tab 7 shows BTC; every question is recorded. */
function background() {
  const asked: number[] = [];
  const watchedBy = async (tabId: number) => {
    asked.push(tabId);
    return tabId === 7 ? 'BTC' : null;
  };
  return { asked, watchedBy };
}

describe('tabAsset', () => {
  it('reads a supported chart URL through the site registry, without asking the background', async () => {
    const bg = background();
    const url = 'https://www.tradingview.com/chart/abc/?symbol=BINANCE%3AETHUSDT.P';
    expect(await tabAsset({ tabId: 7, url, watchedBy: bg.watchedBy })).toBe('ETH');
    expect(bg.asked).toEqual([]);
  });

  it("without a usable URL, asks the background which asset the tab's chart watches", async () => {
    const bg = background();
    expect(await tabAsset({ tabId: 7, url: undefined, watchedBy: bg.watchedBy })).toBe('BTC');
    expect(await tabAsset({ tabId: 9, url: 'https://example.com/', watchedBy: bg.watchedBy })).toBeNull();
    expect(bg.asked).toEqual([7, 9]);
  });

  it('answers null without a tab, or for a page no content script runs on, without asking', async () => {
    const bg = background();
    expect(await tabAsset({ tabId: undefined, url: undefined, watchedBy: bg.watchedBy })).toBeNull();
    const own = 'chrome-extension://abcdefghijklmnop/popup.html';
    expect(await tabAsset({ tabId: 7, url: own, watchedBy: bg.watchedBy })).toBeNull();
    expect(await tabAsset({ tabId: 7, url: 'chrome://newtab/', watchedBy: bg.watchedBy })).toBeNull();
    expect(bg.asked).toEqual([]);
  });
});

describe('popup prefs', () => {
  it('remembers the last asset and the recent ones, newest first, without repeats', async () => {
    const prefs = createPopupPrefs(createMemoryArea());
    expect(await prefs.load()).toEqual({ last: 'BTC', recent: [] });
    await prefs.remember('ETH');
    await prefs.remember('SOL');
    await prefs.remember('ETH');
    expect(await prefs.load()).toEqual({ last: 'ETH', recent: ['ETH', 'SOL'] });
  });

  it("calls storage's set in the same tick as the pick, so a popup closed at once still keeps it", async () => {
    const area = createMemoryArea({
      [STORAGE_KEYS.popupPrefs]: { v: 1, data: { last: 'BTC', recent: ['SOL'] } },
    });
    const written: unknown[] = [];
    const set = area.set.bind(area);
    area.set = (items) => {
      written.push(items[STORAGE_KEYS.popupPrefs]);
      return set(items);
    };
    const prefs = createPopupPrefs(area);
    await prefs.load();
    void prefs.remember('ETH');
    expect(written).toEqual([{ v: 1, data: { last: 'ETH', recent: ['ETH', 'SOL'] } }]);
  });

  it('starts afresh from an unreadable record', async () => {
    const prefs = createPopupPrefs(
      createMemoryArea({ [STORAGE_KEYS.popupPrefs]: { v: 1, data: { last: 'not an asset' } } }),
    );
    expect(await prefs.load()).toEqual({ last: 'BTC', recent: [] });
  });
});
