import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SITE_IDS, type SiteId } from '../lib/sites/site-list';
import { overlayBenchBlocker } from './lib/bench/overlay-browser';
import { ROOT } from './lib/browser/harness';
import { openOverlayEnv } from './lib/browser/overlay-env';
import { type Rect, readOverlay, settledOverlay } from './lib/browser/overlay-probe';
import { siteFixture } from './lib/browser/overlay-sites';
import { replayedCandles } from './lib/browser/replayed-candles';
import { onFixture } from './lib/browser/site-server';

/**
 * `npm run screenshots`: the README's pictures, regenerated from the site fixtures with the built extension and the
 * btc-all replay, the charts drawing the replay's own Binance candles: one PNG per site with the heatmap, the profile and the bands drawn on its chart (aligned mode, ±12 %
 * around the view's price so that both sides show), and one of the docked ladder on a chart with no API. Written to
 * docs/screenshots/.
 */
const OUT = path.join(ROOT, 'docs/screenshots');
const MAX_BYTES = 150_000;
const TRADINGVIEW_VIEWPORT = { width: 1000, height: 680 };
const WIDE = 0.12;
/** The element the chart lives in, per site fixture: the picture is clipped to it. */
const CHART: Record<SiteId, string> = {
  tradingview: '.chart-widget',
  binance: '#chart_futures-tradingview',
  bybit: '#tv_chart_container',
  okx: '#okx-tv-chart',
  hyperliquid: '#tv_chart_container',
};

const union = (a: Rect, b: Rect): Rect => {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  return {
    left,
    top,
    width: Math.max(a.left + a.width, b.left + b.width) - left,
    height: Math.max(a.top + a.height, b.top + b.height) - top,
  };
};

async function rectOf(page: Page, selector: string): Promise<Rect> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`nothing to photograph: ${selector} is not on the page`);
  return { left: box.x, top: box.y, width: box.width, height: box.height };
}

async function shoot(page: Page, name: string, area: Rect): Promise<void> {
  const file = path.join(OUT, name);
  const pad = 8;
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const left = Math.max(0, Math.floor(area.left - pad));
  const top = Math.max(0, Math.floor(area.top - pad));
  await page.screenshot({
    path: file,
    clip: {
      x: left,
      y: top,
      width: Math.min(viewport.width, Math.ceil(area.left + area.width + pad)) - left,
      height: Math.min(viewport.height, Math.ceil(area.top + area.height + pad)) - top,
    },
  });
  const bytes = fs.statSync(file).size;
  const note = bytes > MAX_BYTES ? ` (over ${MAX_BYTES / 1000} kB: clip it tighter)` : '';
  process.stdout.write(`screenshots: ${path.relative(ROOT, file)} ${(bytes / 1000).toFixed(0)} kB${note}\n`);
}

async function main(): Promise<number> {
  const blocker = overlayBenchBlocker();
  if (blocker) {
    process.stderr.write(`screenshots: cannot run: ${blocker}\n`);
    return 1;
  }
  fs.mkdirSync(OUT, { recursive: true });
  const env = await openOverlayEnv();
  try {
    // tsx compiles with esbuild's keepNames: functions sent to page.evaluate need its `__name` helper there.
    await env.context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const { price } = env.btc;
    const candles = await replayedCandles(env, 'BTC', 'binance', 300);
    for (const site of SITE_IDS) {
      const { page, problems } = await env.open(siteFixture(site, price, { chart: { candles } }));
      // TradingView's chart fills the window: a smaller window keeps its picture as small as the others'.
      if (site === 'tradingview') await page.setViewportSize(TRADINGVIEW_VIEWPORT);
      await page
        .locator('liqlens-overlay [data-liqlens-overlay][data-mode="aligned"]')
        .waitFor({ state: 'attached', timeout: 15_000 });
      await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
      for (const hook of ['heatmap', 'profile'])
        await page
          .locator(`liqlens-overlay [data-liqlens-hook="${hook}"]`)
          .waitFor({ state: 'attached', timeout: 15_000 })
          .catch(() => undefined);
      const state = await settledOverlay(page);
      const sides = new Set(state.bands.map((b) => b.side));
      if (state.mode !== 'aligned' || sides.size < 2)
        throw new Error(
          `${site}: expected bands of both sides on the chart, got ${state.mode} with ${[...sides]}`,
        );
      if (!state.heatmap || !state.profile)
        throw new Error(`${site}: expected the heatmap and the profile on the chart`);
      await shoot(page, `${site}.png`, await rectOf(page, CHART[site]));
      if (problems.length) throw new Error(`${site}: ${problems.join('; ')}`);
      await page.close();
    }

    const { page } = await env.open(siteFixture('binance', price, { mode: 'native' }));
    await page
      .locator('liqlens-overlay [data-liqlens-overlay][data-mode="ladder"]')
      .waitFor({ state: 'attached', timeout: 15_000 });
    await settledOverlay(page);
    const state = await readOverlay(page);
    if (!state.ladder?.bands) throw new Error('ladder: no bands on the ladder');
    const ladder = await rectOf(page, 'liqlens-overlay [data-liqlens-ladder]');
    const badge = await rectOf(page, 'liqlens-overlay [data-liqlens-badge]');
    await shoot(page, 'ladder.png', union(await rectOf(page, CHART.binance), union(ladder, badge)));
    await page.close();
    return 0;
  } finally {
    await env.close();
  }
}

process.exitCode = await main();
