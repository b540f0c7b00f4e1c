import type { Page } from '@playwright/test';
import { defaultSettings, type Settings } from '../../../lib/settings/schema';
import { STORAGE_KEYS } from '../../../lib/storage/keys';
import { openOverlayEnv } from '../../../scripts/lib/browser/overlay-env';
import { settledOverlay, waitForMode } from '../../../scripts/lib/browser/overlay-probe';
import { onFixture } from '../../../scripts/lib/browser/site-server';
import { WIDE } from './overlay-journey';
import { expect, siteFixture, test } from './overlay-test';

const SETTINGS_KEY = STORAGE_KEYS.settings;

/** Every element of the host page (ours left out) with its box, in document order. */
function pageBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('liqlens-overlay'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName}#${el.id}.${el.className}: ${r.left},${r.top},${r.width},${r.height}`;
      }),
  );
}

test.describe('the host page is left alone', () => {
  test('mounting the overlay moves nothing; keys, clicks and focus stay with the page', async ({
    env,
    open,
  }) => {
    const { price } = env.btc;
    const worker = await env.worker();
    const write = (settings: Settings) =>
      worker.evaluate(([key, data]) => chrome.storage.sync.set({ [key]: { v: 1, data } }), [
        SETTINGS_KEY,
        settings,
      ] as const);
    const defaults = defaultSettings();
    try {
      // The site switch off: the page as it is without us, then on: the overlay mounts live over the same page.
      await write({ ...defaults, sites: { ...defaults.sites, binance: false } });
      const { page } = await open(siteFixture('binance', price));
      await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
      await expect(page.locator('liqlens-overlay')).toHaveCount(0);
      const without = await pageBoxes(page);
      expect(without.length, 'the page has elements to compare').toBeGreaterThan(10);

      await write(defaults);
      await waitForMode(page, 'aligned');
      const state = await settledOverlay(page);
      expect(state.bands.length, 'bands are drawn over the page').toBeGreaterThan(0);
      expect(await pageBoxes(page), 'no element of the page moved or resized').toEqual(without);

      // The pane belongs to the chart: at points across it the top document hits the chart's iframe, not us
      // (the badge's own box and the bands' hover strip, a few pixels at the pane's right edge, are ours).
      const pane = state.pane;
      if (!pane) throw new Error('no pane in an aligned overlay');
      const hits = await page.evaluate((p) => {
        const badge = document
          .querySelector('liqlens-overlay')
          ?.shadowRoot?.querySelector('[data-liqlens-badge]')
          ?.getBoundingClientRect();
        if (!badge) return ['no badge'];
        return [0.1, 0.3, 0.5, 0.7, 0.9].flatMap((fx) =>
          [0.1, 0.5, 0.9].flatMap((fy) => {
            const x = p.left + p.width * fx * 0.95;
            const y = p.top + p.height * fy;
            if (x >= badge.left && x <= badge.right && y >= badge.top && y <= badge.bottom) return [];
            const el = document.elementFromPoint(x, y);
            return [`${fx},${fy}: ${el ? `${el.tagName}#${el.id}` : 'nothing'}`];
          }),
        );
      }, pane);
      expect(hits.length, 'points off the badge').toBeGreaterThanOrEqual(12);
      for (const hit of hits) expect(hit).toMatch(/: IFRAME#tradingview_/);

      // A click on the chart reaches the chart's document, and its keys follow; nothing of ours takes focus.
      const frame = page.frameLocator('iframe[id^="tradingview_"]');
      await frame.locator('body').evaluate((body) => {
        const seen: string[] = [];
        (window as unknown as { __seen: string[] }).__seen = seen;
        body.ownerDocument.addEventListener('pointerdown', () => seen.push('pointerdown'));
        body.ownerDocument.addEventListener('keydown', (e) => seen.push(`key:${e.key}`));
      });
      await page.mouse.click(pane.left + pane.width * 0.5, pane.top + pane.height * 0.5);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Escape');
      expect(
        await frame.locator('body').evaluate(() => (window as unknown as { __seen: string[] }).__seen),
      ).toEqual(['pointerdown', 'key:ArrowLeft', 'key:Escape']);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');

      // The page's own inputs type as before.
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.id = 'page-input';
        input.style.cssText = 'position:fixed;left:8px;bottom:8px;width:120px';
        document.body.append(input);
      });
      await page.locator('#page-input').click();
      await page.keyboard.type('0.25 BTC');
      await expect(page.locator('#page-input')).toHaveValue('0.25 BTC');
    } finally {
      await worker.evaluate((key) => chrome.storage.sync.remove(key), SETTINGS_KEY);
    }
  });

  test('an extension update (the old content script orphaned) takes the overlay away quietly', async () => {
    // Its own browser: reloading the extension would pull the background from under the worker's other tests.
    const env = await openOverlayEnv();
    try {
      const fixture = siteFixture('binance', env.btc.price);
      const { page, problems } = await env.open(fixture);
      await waitForMode(page, 'aligned');

      // What an update does to an open tab: the old content script stays, orphaned, its context invalidated. (This
      // Chromium does not bring back an extension loaded with --load-extension after the reload, so the new
      // version's arrival cannot be watched here.)
      await (await env.worker()).evaluate(() => chrome.runtime.reload());
      await expect(page.locator('liqlens-overlay')).toHaveCount(0, { timeout: 15_000 });
      // The chart and the page go on as before.
      await onFixture(page, 'setRange', env.btc.price * 0.9, env.btc.price * 1.1);
      expect(problems, 'console errors and warnings, page errors after the update').toEqual([]);
    } finally {
      await env.close();
    }
  });
});
