import { test as base, expect } from '@playwright/test';
import type { SiteId } from '../../../lib/sites/types';
import type { SiteFixture } from '../sites/site-server';
import { type OverlayEnv, type OverlayPage, openOverlayEnv } from './overlay-env';

export interface OverlayFixtures {
  /**
   * Opens a fixture page in the worker's browser (or the one given) and closes it after the test, which then fails
   * if any page logged a console error or warning or threw: the extension must never disturb the page's console.
   */
  open: (fixture: SiteFixture, env?: OverlayEnv) => Promise<OverlayPage>;
}

export interface OverlayWorkerFixtures {
  /** One browser per worker for every site and variant: launching one per test would cost seconds each. */
  env: OverlayEnv;
  /** The same at devicePixelRatio 2 (a context option), started only by the tests that ask for it. */
  dpr2: OverlayEnv;
}

export const test = base.extend<OverlayFixtures, OverlayWorkerFixtures>({
  env: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
    async ({}, use) => {
      const env = await openOverlayEnv();
      await use(env);
      await env.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  dpr2: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
    async ({}, use) => {
      const env = await openOverlayEnv({ deviceScaleFactor: 2 });
      await use(env);
      await env.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  open: async ({ env }, use) => {
    const opened: OverlayPage[] = [];
    await use(async (fixture, where = env) => {
      const page = await where.open(fixture);
      opened.push(page);
      return page;
    });
    for (const p of opened) await p.page.close();
    expect(
      opened.flatMap((p) => p.problems),
      'console errors and warnings, page errors',
    ).toEqual([]);
  },
});

export { expect };

/** Each site's fixture at its real URL, in the chart-iframe variant it is first tested with. */
export const SITE_FIXTURES: Record<SiteId, Omit<SiteFixture, 'chart'>> = {
  tradingview: {
    site: 'tradingview',
    url: 'https://www.tradingview.com/chart/abc123/?symbol=BINANCE%3ABTCUSDT.P',
    mode: 'site',
    symbol: 'BINANCE:BTCUSDT.P',
  },
  binance: {
    site: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    mode: 'blob',
    symbol: 'BTCUSDT',
  },
  bybit: {
    site: 'bybit',
    url: 'https://www.bybit.com/trade/usdt/BTCUSDT',
    mode: 'sameorigin',
    symbol: 'BYBIT:BTCUSDT',
  },
  okx: {
    site: 'okx',
    url: 'https://www.okx.com/trade-swap/btc-usdt-swap',
    mode: 'about-blank',
    symbol: 'BTC-USDT-SWAP',
  },
  hyperliquid: {
    site: 'hyperliquid',
    url: 'https://app.hyperliquid.xyz/trade/BTC',
    mode: 'blob',
    symbol: 'BTC',
  },
};

/** A site's fixture with the chart drawn around `price` (the view's, so that its bands are on screen). */
export function siteFixture(
  site: SiteId,
  price: number,
  extra: Partial<Omit<SiteFixture, 'chart'>> & { chart?: Partial<SiteFixture['chart']> } = {},
): SiteFixture {
  const { chart, ...rest } = extra;
  return { ...SITE_FIXTURES[site], ...rest, chart: { price, ...chart } };
}
