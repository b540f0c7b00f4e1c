import type { SiteId } from '../../../lib/sites/types';
import { expectAligned, settledOverlay, waitForMode } from '../../../scripts/lib/browser/overlay-probe';
import { evidenceFixture } from '../../../scripts/lib/browser/overlay-sites';
import { onFixture } from '../../../scripts/lib/browser/site-server';
import { heatmapJourney } from './heatmap-journey';
import { WIDE } from './overlay-journey';
import { expect, siteFixture, test } from './overlay-test';

const SITES: SiteId[] = ['tradingview', 'binance', 'bybit', 'okx', 'hyperliquid'];

test.describe('heatmap, profile and bands in view', () => {
  for (const site of SITES) {
    test(`${site}: heatmap on the candles and profile on the scale through pan, zoom and log`, async ({
      env,
      open,
    }) => {
      const { page } = await open(siteFixture(site, env.btc.price));
      await heatmapJourney(page, env.btc, site);
    });

    // The site as the public evidence shows it, read through a scale without getVisiblePriceRange.
    test(`${site}, evidence-shaped, scale without getVisiblePriceRange: the same`, async ({ env, open }) => {
      const { page } = await open(evidenceFixture(site, env.btc.price, { noVisibleRange: true }));
      await heatmapJourney(page, env.btc, `${site} (evidence)`);
    });

    test(`${site}: a time scale that starts lying takes the heatmap away, the bands stay`, async ({
      env,
      open,
    }) => {
      const { price } = env.btc;
      const { page } = await open(siteFixture(site, price));
      await waitForMode(page, 'aligned');
      await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
      const heatmap = page.locator('liqlens-overlay [data-liqlens-hook="heatmap"]');
      await expect(heatmap).toHaveCount(1, { timeout: 15_000 });
      await onFixture(page, 'setTimeShift', 3);
      await expect(heatmap, 'no heatmap on an unverified time axis').toHaveCount(0);
      const state = await settledOverlay(page);
      expect(expectAligned(state, `${site} lying time scale`).sides.size).toBe(2);
      expect(state.heatmap).toBeNull();
    });
  }
});
