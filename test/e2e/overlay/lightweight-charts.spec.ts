import type { Page } from '@playwright/test';
import {
  expectAligned,
  type Rect,
  settledOverlay,
  waitForMode,
} from '../../../scripts/lib/browser/overlay-probe';
import { onFixture } from '../../../scripts/lib/browser/site-server';
import { alignedJourney, expectLadder, shoot, WIDE } from './overlay-journey';
import { expect, siteFixture, test } from './overlay-test';

/**
 * The third adapter of issue 5: a page that draws its own chart with the lightweight-charts standalone global and
 * has no TradingView API. The bridge's hook wraps `LightweightCharts.createChart` at document_start and reads the
 * chart it made; the bands must sit on the page's own `series.priceToCoordinate`.
 */

/** What the page itself sees of its library and chart: the hook must change none of it. */
async function pageView(page: Page) {
  return page.evaluate(() => {
    type Lib = Record<string, unknown> & { version(): string };
    const lib = (window as unknown as { LightweightCharts: Lib }).LightweightCharts;
    type Series = {
      priceToCoordinate(p: number): number | null;
      dataByIndex(i: number, d: number): { close: number };
    };
    type Chart = {
      panes(): { getHTMLElement(): HTMLElement; getSeries(): unknown[] }[];
      paneSize(i: number): { width: number; height: number };
    };
    const own = (window as unknown as { __lwcPage: { chart: Chart; main: Series } }).__lwcPage;
    const pane = own.chart.panes()[0];
    const canvas = pane?.getHTMLElement().querySelector('canvas') as HTMLCanvasElement;
    const r = canvas.getBoundingClientRect();
    return {
      frozen: Object.isFrozen(lib),
      version: lib.version(),
      factories: ['createChart', 'createChartEx', 'CandlestickSeries'].map((k) => typeof lib[k]),
      mainIsFirst: pane?.getSeries()[0] === own.main,
      coordinate: own.main.priceToCoordinate(own.main.dataByIndex(1e9, -1).close),
      paneSize: own.chart.paneSize(0),
      canvas: { left: r.left, top: r.top, width: r.width, height: r.height },
    };
  });
}

test.describe('lightweight-charts pages (no TradingView API)', () => {
  test('hyperliquid, the page’s own chart with a volume overlay: aligned through range, drag, zoom and log', async ({
    env,
    open,
  }, testInfo) => {
    const view = env.btc;
    const { page } = await open(
      siteFixture('hyperliquid', view.price, { mode: 'lwc', chart: { volumePane: true } }),
    );
    await alignedJourney(page, {
      label: 'hyperliquid lwc',
      price: view.price,
      stored: () => env.storedView('BTC'),
      shot: 'hyperliquid-lwc.png',
      testInfo,
    });
    // The page's chart works as before: its library is still frozen and whole, its chart answers.
    const seen = await pageView(page);
    expect(seen.frozen).toBe(true);
    expect(seen.version).toBe('5.2.1');
    expect(seen.factories).toEqual(['function', 'function', 'object']);
    expect(seen.mainIsFirst).toBe(true);
    expect(typeof seen.coordinate).toBe('number');
    // The pane the overlay follows is the chart's drawing area: its canvas, as large as paneSize().
    const state = await settledOverlay(page);
    const pane = state.pane as Rect;
    expect(Math.abs(seen.canvas.height - seen.paneSize.height)).toBeLessThanOrEqual(1);
    expect(Math.abs(seen.canvas.width - seen.paneSize.width)).toBeLessThanOrEqual(1);
    for (const k of ['left', 'top', 'width', 'height'] as const)
      expect(Math.abs(pane[k] - seen.canvas[k]), `pane ${k} is the canvas's`).toBeLessThanOrEqual(1);
  });

  test('binance, inverted then percentage and indexed scales, page scroll: aligned', async ({
    env,
    open,
  }) => {
    const { price } = env.btc;
    const { page } = await open(
      siteFixture('binance', price, { mode: 'lwc', below: 600, chart: { inverted: true } }),
    );
    await waitForMode(page, 'aligned');
    await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
    expect(expectAligned(await settledOverlay(page), 'inverted').sides.size).toBe(2);
    await page.mouse.wheel(0, 250);
    expectAligned(await settledOverlay(page), 'inverted, page scrolled');
    await onFixture(page, 'setInverted', false);
    for (const mode of [2, 3]) {
      await onFixture(page, 'setMode', mode);
      await onFixture(page, 'setRange', -WIDE * 100, WIDE * 100);
      expectAligned(await settledOverlay(page), `mode ${mode}`);
    }
  });

  test('a library the page inserts after load is still hooked', async ({ env, open }) => {
    const { page } = await open(
      siteFixture('hyperliquid', env.btc.price, { mode: 'lwc', chart: { lwc: 'late' } }),
    );
    await waitForMode(page, 'aligned');
    await onFixture(page, 'setRange', env.btc.price * (1 - WIDE), env.btc.price * (1 + WIDE));
    expect(expectAligned(await settledOverlay(page), 'late library').sides.size).toBe(2);
    expect((await pageView(page)).frozen).toBe(true);
  });

  test('a chart of another market on a BTC page (ETH prices, no symbol to say so): the ladder, never its bands', async ({
    env,
    open,
  }) => {
    const { page } = await open(siteFixture('hyperliquid', 3_112.4, { mode: 'lwc' }));
    await expectLadder(page, /names no instrument and its last price 3,112\.4 is not BTC's/, env.btc);
  });

  test('the chart removed by the page: the ladder, the chart let go', async ({ env, open }) => {
    const { page } = await open(siteFixture('hyperliquid', env.btc.price, { mode: 'lwc' }));
    await waitForMode(page, 'aligned');
    await page.evaluate(() =>
      (window as unknown as { __lwcPage: { chart: { remove(): void } } }).__lwcPage.chart.remove(),
    );
    await expectLadder(page, /no chart API on this page/, env.btc);
  });

  test('a page’s own LightweightCharts whose createChart throws: its error unchanged, the ladder', async ({
    env,
    open,
  }, testInfo) => {
    const { page } = await open(
      siteFixture('hyperliquid', env.btc.price, { mode: 'lwc', chart: { lwc: 'throws' } }),
    );
    await expectLadder(page, /no chart API on this page/, env.btc);
    expect(
      await page.evaluate(() => (window as unknown as { __lwcPage: { errors: string[] } }).__lwcPage.errors),
    ).toEqual(['fixture: this chart library refuses']);
    await shoot(page, testInfo, 'hyperliquid-lwc-throws-ladder.png');
  });

  test('a createChart that returns an object without the chart API: the same object back, the ladder', async ({
    env,
    open,
  }) => {
    const { page } = await open(
      siteFixture('hyperliquid', env.btc.price, { mode: 'lwc', chart: { lwc: 'no-api' } }),
    );
    await expectLadder(page, /no chart API on this page/, env.btc);
    expect(
      await page.evaluate(
        () => (window as unknown as { __lwcPage: { sameResult: boolean } }).__lwcPage.sameResult,
      ),
    ).toBe(true);
  });
});
