import { scaledView } from '../../../scripts/lib/browser/overlay-env';
import {
  expectAligned,
  expectBadgeMatchesView,
  type Rect,
  settledOverlay,
  waitForMode,
} from '../../../scripts/lib/browser/overlay-probe';
import { onFixture } from '../../../scripts/lib/browser/site-server';
import { alignedJourney, expectLadder, WIDE } from './overlay-journey';
import { expect, siteFixture, test } from './overlay-test';

test.describe('hyperliquid', () => {
  test('blob iframe, CL v29: aligned through range, drag, zoom and log', async ({ env, open }, testInfo) => {
    const view = env.btc;
    const { page } = await open(siteFixture('hyperliquid', view.price));
    await alignedJourney(page, {
      label: 'hyperliquid',
      price: view.price,
      stored: () => env.storedView('BTC'),
      shot: 'hyperliquid.png',
      testInfo,
    });
  });

  test('devicePixelRatio 2: canvas in device pixels, strips on half pixels, still within 1 px', async ({
    dpr2,
    open,
  }, testInfo) => {
    const view = dpr2.btc;
    const { page } = await open(siteFixture('hyperliquid', view.price), dpr2);
    await alignedJourney(page, {
      label: 'hyperliquid dpr 2',
      price: view.price,
      stored: () => dpr2.storedView('BTC'),
      shot: 'hyperliquid-dpr2.png',
      testInfo,
    });
    const state = await settledOverlay(page);
    expect(state.dpr).toBe(2);
    expect(state.canvas?.width).toBe(Math.round((state.canvas?.cssWidth ?? 0) * 2));
    expect(state.canvas?.height).toBe(Math.round((state.canvas?.cssHeight ?? 0) * 2));
    const pane = state.pane as Rect;
    for (const band of state.bands) {
      // rect.top = pane.top + round(y × dpr) / dpr: whole device pixels from the pane's top.
      expect(((band.top - pane.top) * 2) % 1).toBeCloseTo(0, 6);
      expect(((band.bottom - pane.top) * 2) % 1).toBeCloseTo(0, 6);
    }
  });

  test('a log scale with prices near 1e-5 (a seeded view): aligned on both sides', async ({ env, open }) => {
    const price = 0.000012345;
    const pepe = scaledView(env.btc, 'PEPE', price);
    await env.seed(pepe);
    const { page } = await open(
      siteFixture('hyperliquid', price, {
        url: 'https://app.hyperliquid.xyz/trade/PEPE',
        symbol: 'PEPE',
        chart: { log: true, tiny: true },
      }),
    );
    await waitForMode(page, 'aligned');
    await expect(page.locator('[data-liqlens-overlay]')).toHaveAttribute('data-asset', 'PEPE');
    const first = await settledOverlay(page);
    expectAligned(first, 'tiny log at load');
    expectBadgeMatchesView(first, pepe, { price, source: 'chart' });
    await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
    const wide = await settledOverlay(page);
    expect(expectAligned(wide, 'tiny log, wide').sides.size).toBe(2);
    const pane = wide.pane as Rect;
    await page.mouse.move(pane.left + pane.width / 2, pane.top + pane.height / 2);
    await page.mouse.down();
    await page.mouse.move(pane.left + pane.width / 2 + 60, pane.top + pane.height / 2 + 50, { steps: 5 });
    await page.mouse.up();
    expectAligned(await settledOverlay(page), 'tiny log, after a drag');
  });

  test('an API whose range is shifted fails the crosshair self-check and gets the ladder', async ({
    env,
    open,
  }) => {
    const { price } = env.btc;
    const { page } = await open(siteFixture('hyperliquid', price, { chart: { lie: { rangeShift: 0.004 } } }));
    // Until the crosshair has a price and a y to compare, nothing betrays the lie: the bands are drawn (misplaced).
    await waitForMode(page, 'aligned');
    // The bridge watches the crosshair from the moment it holds the chart: move over it now.
    const frame = await page.locator('iframe[id^="tradingview_"]').boundingBox();
    if (!frame) throw new Error('no chart iframe');
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await page.mouse.move(frame.x + frame.width / 2 + 20, frame.y + frame.height / 2 + 20, { steps: 3 });
    await expectLadder(page, /crosshair self-check failed/, env.btc);
  });
});
