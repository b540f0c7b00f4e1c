import { describe, expect, it } from 'vitest';
import { createPopupPrefs } from '../../entrypoints/popup/popup-prefs';
import { tabAsset } from '../../entrypoints/popup/tab-asset';
import { createMemoryArea } from '../../lib/storage/area';

const NOW = 1_000_000;
const watches = (watchers: Record<string, Record<string, number>>) =>
  createMemoryArea({ 'liqlens:watches': { v: 1, data: { watchers, lastWatched: {} } } });

describe('tabAsset', () => {
  it('reads a supported chart URL through the site registry', async () => {
    const area = createMemoryArea();
    const url = 'https://www.tradingview.com/chart/abc/?symbol=BINANCE%3AETHUSDT.P';
    expect(await tabAsset({ tabId: 7, url, area, now: NOW })).toBe('ETH');
  });

  it("without a URL, takes the asset the tab's content script watches, if its watch is live", async () => {
    const area = watches({ BTC: { 'tab:7': NOW + 1, popup: NOW + 5 }, SOL: { 'tab:8': NOW + 9 } });
    expect(await tabAsset({ tabId: 7, url: undefined, area, now: NOW })).toBe('BTC');
    expect(await tabAsset({ tabId: 9, url: undefined, area, now: NOW })).toBeNull();
    const expired = watches({ BTC: { 'tab:7': NOW - 1 } });
    expect(await tabAsset({ tabId: 7, url: undefined, area: expired, now: NOW })).toBeNull();
  });

  it('answers null for an unsupported page or an unreadable record', async () => {
    const area = createMemoryArea({ 'liqlens:watches': { nonsense: true } });
    expect(await tabAsset({ tabId: 7, url: 'https://example.com/', area, now: NOW })).toBeNull();
    expect(await tabAsset({ tabId: undefined, url: undefined, area, now: NOW })).toBeNull();
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

  it('starts afresh from an unreadable record', async () => {
    const prefs = createPopupPrefs(
      createMemoryArea({ 'liqlens:popup': { v: 1, data: { last: 'not an asset' } } }),
    );
    expect(await prefs.load()).toEqual({ last: 'BTC', recent: [] });
  });
});
