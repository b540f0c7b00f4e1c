import { scaledView } from '../../../scripts/lib/browser/overlay-env';
import {
  expectAligned,
  expectBadgeMatchesView,
  settledOverlay,
  waitForMode,
  waitForPaneLayer,
} from '../../../scripts/lib/browser/overlay-probe';
import { onFixture } from '../../../scripts/lib/browser/site-server';
import { alignedJourney, expectLadder, timeToBadgeAsset, WIDE } from './overlay-journey';
import { expect, siteFixture, test } from './overlay-test';

const ETH_PRICE = 3_112.4;

test.describe('tradingview.com', () => {
  test('the chart in the top document: aligned through range, drag, zoom and log', async ({
    env,
    open,
  }, testInfo) => {
    const view = env.btc;
    const { page } = await open(siteFixture('tradingview', view.price));
    await alignedJourney(page, {
      label: 'tradingview',
      price: view.price,
      stored: () => env.storedView('BTC'),
      shot: 'tradingview.png',
      testInfo,
    });
  });

  test('a symbol switch in the page (pushState, new title, same widget) is followed to the ETH view', async ({
    env,
    open,
  }, testInfo) => {
    const eth = scaledView(env.btc, 'ETH', ETH_PRICE);
    await env.seed(eth);
    const { page } = await open(siteFixture('tradingview', env.btc.price));
    await waitForMode(page, 'aligned');
    const ms = await timeToBadgeAsset(page, 'ETH', 'navigate', [
      '/chart/abc123/?symbol=BINANCE%3AETHUSDT.P',
      'BINANCE:ETHUSDT.P',
      'ETHUSDT.P 3,112.4 ▲ +0.80% Unnamed',
      ETH_PRICE,
    ]);
    testInfo.annotations.push({ type: 'symbol switch → badge', description: `${Math.round(ms)} ms` });
    await waitForMode(page, 'aligned');
    await waitForPaneLayer(page);
    await onFixture(page, 'setRange', ETH_PRICE * (1 - WIDE), ETH_PRICE * (1 + WIDE));
    const state = await settledOverlay(page);
    expect(state.asset).toBe('ETH');
    expect(expectAligned(state, 'ETH after the switch').sides.size).toBe(2);
    expectBadgeMatchesView(state, eth, { price: ETH_PRICE, source: 'chart' });
  });

  test('an API whose pane height is off gets the ladder', async ({ env, open }) => {
    const { page } = await open(
      siteFixture('tradingview', env.btc.price, { chart: { lie: { heightDelta: -30 } } }),
    );
    await expectLadder(page, /disagrees with the chart's/, env.btc);
  });
});
