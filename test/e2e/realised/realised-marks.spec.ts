import { expect, test } from '@playwright/test';
import { markRadiusCss } from '../../../lib/overlay/realised-marks';
import { type OverlayEnv, openOverlayEnv } from '../../../scripts/lib/browser/overlay-env';
import { settledOverlay, waitForMode } from '../../../scripts/lib/browser/overlay-probe';
import { siteFixture } from '../../../scripts/lib/browser/overlay-sites';
import { onFixture } from '../../../scripts/lib/browser/site-server';
import { bybitFrame, okxFrame, type PlainPrint } from '../../../scripts/lib/browser/venue-sockets/frames';
import { startVenueSockets, type VenueSockets } from '../../../scripts/lib/browser/venue-sockets/server';
import { feedsLive, feedsSubscribed } from './realised-helpers';

const MIN = 60_000;
const WIDE = 0.12;

let sockets: VenueSockets;
let env: OverlayEnv;
test.beforeAll(async () => {
  sockets = await startVenueSockets();
  env = await openOverlayEnv({ resolverRules: sockets.resolverRules });
});
test.afterAll(async () => {
  await env?.close();
  await sockets?.close();
});
test.setTimeout(90_000);

/**
 * The marks canvas's attributes, its rect relative to the pane, and the alpha of its pixels at pane-relative CSS
 * points (0 outside the canvas, which covers only a lane at the pane's right edge), from one readback (more would
 * make Chrome warn in the page's console).
 */
async function marksAt(page: import('@playwright/test').Page, points: { x: number; y: number }[]) {
  return page.evaluate((points) => {
    const root = document.querySelector('liqlens-overlay')?.shadowRoot;
    const pane = root?.querySelector<HTMLElement>('[data-liqlens-pane]');
    const canvas = pane?.querySelector<HTMLCanvasElement>('canvas[data-liqlens-marks]');
    const ctx = canvas?.getContext('2d');
    if (!pane || !canvas || !ctx) return null;
    const at = pane.getBoundingClientRect();
    const rect = canvas.getBoundingClientRect();
    const dpr = canvas.width / rect.width;
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const alphaAt = ({ x, y }: { x: number; y: number }) => {
      const column = Math.round((x + at.left - rect.left) * dpr);
      const row = Math.round((y + at.top - rect.top) * dpr);
      if (column < 0 || column >= canvas.width || row < 0 || row >= canvas.height) return 0;
      return image.data[(row * canvas.width + column) * 4 + 3] ?? 0;
    };
    return {
      count: Number(canvas.dataset.count),
      offPane: Number(canvas.dataset.offPane),
      rect: {
        left: rect.left - at.left,
        right: rect.right - at.left,
        width: rect.width,
        paneWidth: at.width,
      },
      alphas: points.map(alphaAt),
    };
  }, points);
}

test('realised prints are drawn as marks at their price on the pane; the badge shows the 5-minute velocity', async () => {
  const { price } = env.btc;
  const { page, problems } = await env.open(siteFixture('binance', price));
  await waitForMode(page, 'aligned');
  await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
  await feedsSubscribed(sockets);
  const extensionPage = await env.context.newPage();
  await extensionPage.goto(`chrome-extension://${env.extensionId}/options.html`);
  await feedsLive(extensionPage);
  await extensionPage.close();

  const now = Date.now();
  const at = (pct: number) => Math.round(price * (1 + pct / 100) * 10) / 10;
  const big: PlainPrint = { side: 'short', price: at(2), size: 2_500_000 / at(2), time: now - 1_000 };
  const bybit: PlainPrint[] = [
    big,
    { side: 'long', price: at(-3), size: 0.5, time: now - 2 * MIN },
    { side: 'long', price: at(-1), size: 0.2, time: now - 40 * MIN },
    // Above the visible range: not drawn.
    { side: 'short', price: at(20), size: 0.1, time: now - 3 * MIN },
  ];
  const okx: PlainPrint[] = [{ side: 'long', price: at(-4), size: 1.2, time: now - 4 * MIN }];
  sockets.play([bybitFrame(bybit, now), okxFrame(okx, now)]);

  const overlay = page.locator('liqlens-overlay');
  const marks = overlay.locator('[data-liqlens-pane] canvas[data-liqlens-marks]');
  await expect(marks).toHaveAttribute('data-count', '4', { timeout: 15_000 });
  await expect(marks).toHaveAttribute('data-off-pane', '1');

  // The big fresh print: a disc of the largest radius just left of the hover strips, at its price's row.
  const state = await settledOverlay(page);
  const pane = state.pane as NonNullable<typeof state.pane>;
  const y = await page.evaluate((p) => {
    type Handle = { priceToClientY(p: number): number | null };
    const frame = document.querySelector<HTMLIFrameElement>('iframe[id^="tradingview_"]');
    const handle = (frame?.contentWindow as unknown as { __fixture?: Handle } | null)?.__fixture;
    const r = frame?.getBoundingClientRect();
    const inner = handle?.priceToClientY(p) ?? null;
    return inner === null || !r || !frame ? null : inner + r.top + frame.clientTop;
  }, big.price);
  expect(y).not.toBeNull();
  const r = markRadiusCss(big.size * big.price);
  const x = pane.width - 14 - r - 1;
  // The disc's centre is painted; a point well clear of every mark is not.
  const read = await marksAt(page, [
    { x, y: (y as number) - pane.top },
    { x: pane.width - 30, y: 10 },
  ]);
  expect(read?.alphas[0]).toBeGreaterThan(100);
  expect(read?.alphas[1]).toBe(0);
  // The marks have a canvas of their own along the pane's right edge, not one the size of the pane.
  expect(read?.rect.right).toBeCloseTo(read?.rect.paneWidth ?? Number.NaN, 0);
  expect(read?.rect.width).toBeLessThan(100);

  // Velocity over the last 5 minutes (off-pane prints count too): shorts ≈ $2.51M against longs ≈ $0.16M.
  const shorts = bybit.filter((p) => p.side === 'short').reduce((sum, p) => sum + p.size * p.price, 0);
  const velocity = overlay.locator('[data-liqlens-badge] [data-field="velocity"]');
  await expect(velocity).toHaveAttribute('data-side', 'short');
  expect(Number(await velocity.getAttribute('data-usd'))).toBeCloseTo(shorts, 3);
  // "≥" while the 5 minutes still reach back before the feeds connected (that stretch is a gap, not a zero).
  await expect(velocity).toHaveText(/^Realised ↑ shorts (≥ )?\$2\.5M liquidated in 5 min$/);
  // Realised figures never enter the estimates: the badge's at-risk figures are the stored view's.
  const badge = overlay.locator('[data-liqlens-badge]');
  expect(Number(await badge.getAttribute('data-view-up-usd'))).toBe(env.btc.atRisk.up.notionalUsd);

  await page.close();
  expect(problems).toEqual([]);
});
