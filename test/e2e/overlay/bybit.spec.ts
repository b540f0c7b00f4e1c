import { expectAligned, settledOverlay, waitForMode } from '../../../scripts/lib/browser/overlay-probe';
import { onFixture } from '../../../scripts/lib/browser/site-server';
import { alignedJourney, expectLadder, WIDE } from './overlay-journey';
import { expect, siteFixture, test } from './overlay-test';

test.describe('bybit', () => {
  test('sameorigin.html iframe with a 7 px border: aligned through range, drag, zoom and log', async ({
    env,
    open,
  }, testInfo) => {
    const view = env.btc;
    const { page } = await open(siteFixture('bybit', view.price, { frameBorder: 7 }));
    await alignedJourney(page, {
      label: 'bybit',
      price: view.price,
      stored: () => env.storedView('BTC'),
      shot: 'bybit.png',
      testInfo,
    });
  });

  test('scale margins and a volume pane under the main pane: bands on the main pane only', async ({
    env,
    open,
  }) => {
    const { price } = env.btc;
    const { page } = await open(
      siteFixture('bybit', price, { mode: 'blob', chart: { volumePane: true, margins: true } }),
    );
    await waitForMode(page, 'aligned');
    const state = await settledOverlay(page);
    expectAligned(state, 'margins and volume pane');
    // Two panes: the main one is the upper; the layer covers it, not the volume pane below.
    const panes = await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[id^="tradingview_"]');
      return frame?.contentDocument?.querySelectorAll('.chart-markup-table.pane').length ?? 0;
    });
    expect(panes).toBe(2);
    await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
    expect(expectAligned(await settledOverlay(page), 'margins, wide').sides.size).toBe(2);
    const pane = state.pane as { left: number; top: number; width: number; height: number };
    await page.mouse.move(pane.left + pane.width / 2, pane.top + pane.height / 2);
    await page.mouse.down();
    await page.mouse.move(pane.left + pane.width / 2 - 80, pane.top + pane.height / 2 - 40, { steps: 5 });
    await page.mouse.up();
    expectAligned(await settledOverlay(page), 'margins, after a drag');
  });

  test('an API whose pane height is off by 25 px gets the ladder', async ({ env, open }) => {
    const { page } = await open(siteFixture('bybit', env.btc.price, { chart: { lie: { heightDelta: 25 } } }));
    await expectLadder(page, /disagrees with the chart's/, env.btc);
  });

  test('a widget rebuilt with a new iframe is followed; one rebuilt on another symbol gets the ladder', async ({
    env,
    open,
  }) => {
    const { price } = env.btc;
    const { page } = await open(siteFixture('bybit', price, { mode: 'blob' }));
    await waitForMode(page, 'aligned');
    const frames = page.locator('iframe[id^="tradingview_"]');
    const first = await frames.getAttribute('id');

    await page.evaluate(() =>
      (window as unknown as { __site: { rebuild(s: string): Promise<void> } }).__site.rebuild(
        'BYBIT:BTCUSDT',
      ),
    );
    await expect(frames).toHaveCount(1);
    expect(await frames.getAttribute('id')).not.toBe(first);
    await page.waitForFunction(() => {
      const f = document.querySelector<HTMLIFrameElement>('iframe[id^="tradingview_"]');
      return f?.contentDocument?.documentElement?.dataset.fixtureChart === 'ready';
    });
    await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
    await waitForMode(page, 'aligned');
    expect(expectAligned(await settledOverlay(page), 'after the rebuild').sides.size).toBe(2);

    // The page still says BTCUSDT, the new widget shows ETHUSDT: the chart cannot be trusted for BTC's bands.
    await page.evaluate(() =>
      (window as unknown as { __site: { rebuild(s: string): Promise<void> } }).__site.rebuild(
        'BYBIT:ETHUSDT',
      ),
    );
    await expectLadder(page, /the chart shows BYBIT:ETHUSDT, the page BTC/, env.btc);
  });
});
