import { defaultSettings, type Settings } from '../../../lib/settings/schema';
import { STORAGE_KEYS } from '../../../lib/storage/keys';
import { scaledView } from '../../../scripts/lib/browser/overlay-env';
import {
  badgeWithStored,
  expectAligned,
  expectBadgeMatchesView,
  overlayRoot,
  readOverlay,
  settledOverlay,
  waitForMode,
  waitForPaneLayer,
} from '../../../scripts/lib/browser/overlay-probe';
import { onFixture } from '../../../scripts/lib/browser/site-server';
import { alignedJourney, expectLadder, shoot, timeToBadgeAsset, WIDE } from './overlay-journey';
import { expect, siteFixture, test } from './overlay-test';

const ETH_PRICE = 3_112.4;

test.describe('binance', () => {
  test('blob iframe, CL v29: aligned through range, drag, zoom and log; the badge is the stored view', async ({
    env,
    open,
  }, testInfo) => {
    const view = env.btc;
    const { page } = await open(siteFixture('binance', view.price));
    await alignedJourney(page, {
      label: 'binance',
      price: view.price,
      stored: () => env.storedView('BTC'),
      shot: 'binance.png',
      testInfo,
    });
  });

  test('about:blank iframe, CL v24, iframe border, scrolled page: bands follow the pane', async ({
    env,
    open,
  }, testInfo) => {
    const { price } = env.btc;
    const { page } = await open(
      siteFixture('binance', price, {
        mode: 'about-blank',
        chart: { version: 24 },
        frameBorder: 3,
        below: 1500,
      }),
    );
    await waitForMode(page, 'aligned');
    await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
    const before = await settledOverlay(page);
    expect(expectAligned(before, 'before scrolling').sides.size).toBe(2);

    // Wheel over the positions panel, not the chart: the page scrolls, the chart moves up with it.
    await page.mouse.move(640, 780);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => window.scrollY > 0);
    const after = await settledOverlay(page);
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(after.pane?.top).toBeCloseTo((before.pane?.top ?? 0) - scrolled, 0);
    expect(expectAligned(after, 'after scrolling').sides.size).toBe(2);
    await shoot(page, testInfo, 'binance-scrolled.png');
  });

  test('a non-USD symbol (ETHBTC) gets the unsupported badge and no bands', async ({ env, open }) => {
    const { page } = await open(
      siteFixture('binance', 0.0352, {
        url: 'https://www.binance.com/en/futures/ETHBTC',
        symbol: 'ETHBTC',
        chart: { tiny: true },
      }),
    );
    await waitForMode(page, 'unsupported');
    const state = await settledOverlay(page);
    expect(state.reason).toMatch(/USD quote/);
    expect(state.badge?.state).toBe('unsupported');
    expect(state.badge?.asset).toBe('ETHBTC');
    expect(state.badgeText.message).toMatch(/ETH\/BTC is quoted in BTC/);
    expect(state.bands).toEqual([]);
    expect(state.ladder).toBeNull();
    // Nothing was asked of the background for it.
    expect(await env.storedEntry('ETH')).toBeNull();
  });

  test('the native chart (no API) ends on the ladder', async ({ env, open }, testInfo) => {
    const { page } = await open(siteFixture('binance', env.btc.price, { mode: 'native' }));
    await expectLadder(page, /no chart API on this page/, env.btc);
    await shoot(page, testInfo, 'binance-native-ladder.png');
  });

  test('a pushState switch to ETHUSDT rebuilds the widget; the overlay follows to the ETH view', async ({
    env,
    open,
  }, testInfo) => {
    const eth = scaledView(env.btc, 'ETH', ETH_PRICE);
    await env.seed(eth);
    const { page } = await open(siteFixture('binance', env.btc.price));
    await waitForMode(page, 'aligned');
    const oldFrame = await page.locator('iframe[id^="tradingview_"]').getAttribute('id');

    const ms = await timeToBadgeAsset(page, 'ETH', 'navigate', [
      '/en/futures/ETHUSDT',
      'ETHUSDT',
      '3,112.4 | ETHUSDT | Binance USDⓈ-M Futures',
      ETH_PRICE,
    ]);
    testInfo.annotations.push({ type: 'symbol switch → badge', description: `${Math.round(ms)} ms` });
    expect(await page.locator('iframe[id^="tradingview_"]').getAttribute('id')).not.toBe(oldFrame);
    await waitForMode(page, 'aligned');
    await expect(page.locator('[data-liqlens-overlay]')).toHaveAttribute('data-asset', 'ETH');
    await waitForPaneLayer(page);
    await onFixture(page, 'setRange', ETH_PRICE * (1 - WIDE), ETH_PRICE * (1 + WIDE));
    const state = await settledOverlay(page);
    expect(expectAligned(state, 'ETH after the switch').sides.size).toBe(2);
    expectBadgeMatchesView(state, eth, { price: ETH_PRICE, source: 'chart' });
  });

  test('settings apply live: bands per side, the site switch, the move', async ({ env, open }) => {
    const { price } = env.btc;
    const { page } = await open(siteFixture('binance', price));
    await waitForMode(page, 'aligned');
    await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
    const before = await settledOverlay(page);
    expect(before.bands.filter((b) => b.side === 'long')).toHaveLength(3);
    const worker = await env.worker();
    // The options page writes storage.sync; the overlay watches it (lib/settings/store.ts).
    const write = (settings: Settings) =>
      worker.evaluate(({ key, data }) => chrome.storage.sync.set({ [key]: { v: 1, data } }), {
        key: STORAGE_KEYS.settings,
        data: settings,
      });
    const defaults = defaultSettings();
    try {
      await write({ ...defaults, display: { ...defaults.display, bandsPerSide: 1 } });
      await expect.poll(async () => (await readOverlay(page)).bands.length).toBe(2);
      expectAligned(await settledOverlay(page), 'one band per side');

      await write({ ...defaults, sites: { ...defaults.sites, binance: false } });
      await expect(page.locator('liqlens-overlay')).toHaveCount(0);

      // The badge measures the new move at once, from the view's bins (the view keeps its own until rebuilt).
      await write({ ...defaults, model: { ...defaults.model, movePct: 5 } });
      await waitForMode(page, 'aligned');
      await expect(page.locator('[data-liqlens-badge]')).toHaveAttribute('data-move-pct', '5');
      const { state, view } = await badgeWithStored(page, () => env.storedView('BTC'));
      expectBadgeMatchesView(state, view, { price, source: 'chart', movePct: 5 });
    } finally {
      await worker.evaluate((key) => chrome.storage.sync.remove(key), STORAGE_KEYS.settings);
    }
  });

  test('one-click hide, then the restore button brings the bands back', async ({ env, open }) => {
    const { page } = await open(siteFixture('binance', env.btc.price));
    await waitForMode(page, 'aligned');
    await page.locator('[data-liqlens-hide]').click();
    await expect(overlayRoot(page)).toHaveAttribute('data-hidden-by', 'user');
    expect((await readOverlay(page)).bands).toEqual([]);
    // The restore button must take the click (it is the only way back short of reloading the page).
    await page.locator('[data-liqlens-restore]').click({ timeout: 3_000 });
    await waitForMode(page, 'aligned');
  });
});
