import { openOverlayEnv } from '../browser/overlay-env';
import { siteFixture } from '../browser/overlay-sites';
import { onFixture } from '../browser/site-server';
import { feedsLive, feedsSubscribed } from '../browser/venue-sockets/feeds-ready';
import { bybitFrame, type PlainPrint } from '../browser/venue-sockets/frames';
import { startVenueSockets } from '../browser/venue-sockets/server';
import { binanceScripts, measured, rangePan, tracedPans, tracedThenWarmedUp } from './overlay-browser';
import type { MeasureEntry } from './overlay-frames';
import { PAN_MS } from './overlay-pans';
import type { ThreadCosts } from './overlay-trace';

export interface MarksPanRun {
  rangePan: MeasureEntry[];
  rangeFrames: number;
  /** Thread (CPU) time per frame from Chrome traces of the same pan run again, as overlay-frame measures it. */
  rangeThread: ThreadCosts;
  /** The pan traced as the first thing once the marks showed, before WARM_UP_PANS (no target). */
  afterLoadThread: ThreadCosts;
  /** Prints sent, and marks on the pane's canvas before and after the pan (`data-count`). */
  printsSent: number;
  marksBefore: number;
  marksAfter: number;
}

const WIDE = 0.12;

/**
 * The overlay-frame pan (binance fixture, range set on every animation frame) with the chart full of realised
 * marks: the local venue sockets send `prints` Bybit prints priced within ±5 % of the view's price over the last
 * 50 minutes, and the pans start once the marks canvas shows them (the summary carries the latest 500). The pan is
 * traced TRACED_PANS times at once (`afterLoadThread`), run WARM_UP_PANS times untraced, measured untraced (wall
 * time), then traced TRACED_PANS times again (thread time).
 */
export async function runMarksPan(options: { panMs?: number; prints?: number } = {}): Promise<MarksPanRun> {
  const panMs = options.panMs ?? PAN_MS;
  const prints = options.prints ?? 600;
  const sockets = await startVenueSockets();
  const env = await openOverlayEnv({ resolverRules: sockets.resolverRules });
  try {
    await env.context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const { price } = env.btc;
    const { page } = await env.open(
      siteFixture('binance', price, { htmlAttributes: { 'data-liqlens-bench': '' } }),
    );
    await page
      .locator('liqlens-overlay [data-liqlens-overlay][data-mode="aligned"]')
      .waitFor({ state: 'attached', timeout: 15_000 });
    await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
    await feedsSubscribed(sockets);
    const extensionPage = await env.context.newPage();
    await extensionPage.goto(`chrome-extension://${env.extensionId}/options.html`);
    await feedsLive(extensionPage);
    await extensionPage.close();
    const now = Date.now();
    const batch: PlainPrint[] = [];
    for (let i = 0; i < prints; i++) {
      batch.push({
        side: i % 3 ? 'long' : 'short',
        price: Math.round(price * (1 + 0.05 * Math.sin(i * 1.7)) * 10) / 10,
        // From $1k to $2M, so every radius is drawn.
        size: (1_000 + ((i * 7_919) % 2_000_000)) / price,
        time: now - 3_000_000 + i * 1_000,
      });
    }
    sockets.play([bybitFrame(batch, now)]);
    const marks = page.locator('liqlens-overlay [data-liqlens-marks]');
    const count = async () => Number((await marks.getAttribute('data-count').catch(() => null)) ?? 0);
    const deadline = Date.now() + 20_000;
    while ((await count()) < Math.min(500, prints) && Date.now() < deadline) await page.waitForTimeout(100);
    const marksBefore = await count();
    const panning = () => rangePan(page, panMs, price * (1 - WIDE), price * (1 + WIDE));
    const cdp = await env.context.newCDPSession(page);
    const scripts = binanceScripts(env.extensionId);
    const afterLoadThread = await tracedThenWarmedUp(page, cdp, panning, scripts);
    const range = await measured(page, panning);
    const rangeThread = await tracedPans(page, cdp, panning, scripts);
    await cdp.detach();
    const marksAfter = await count();
    await page.close();
    return {
      rangePan: range.measures,
      rangeFrames: range.result,
      rangeThread,
      afterLoadThread,
      printsSent: prints,
      marksBefore,
      marksAfter,
    };
  } finally {
    await env.close();
    await sockets.close();
  }
}
