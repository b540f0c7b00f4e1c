import type { Page } from '@playwright/test';
import { expectAligned, settledOverlay, waitForMode } from '../../../scripts/lib/browser/overlay-probe';
import { FIXTURE_FRAME, onFixture, type SiteFixture } from '../../../scripts/lib/browser/site-server';
import { expect, siteFixture, test } from './overlay-test';

/**
 * The overlay paints a move of the chart in the frame the chart draws it: the bridge reads the chart in its animation
 * frame callback and its event runs the overlay's paint inside that callback (lib/chart/bridge/protocol.ts). Here the
 * page moves the chart from a timer, as an input handler would, and looks at the overlay's canvas from an animation
 * frame callback it asks for then, which runs after the bridge's in the same frame: the canvas must already be what
 * it is once everything settled. (A snapshot delivered in a task after the frame would leave it the old one.)
 */

interface InFrame {
  /** A hash of the pane canvas's pixels before the move, in the frame of the move, and after the overlay settled. */
  before: number;
  inFrame: number;
  settled: number;
}

/** Moves the chart's price range to `lo`–`hi` from a timer and hashes the overlay's pane canvas as said above. */
function moveAndLook(page: Page, lo: number, hi: number): Promise<InFrame> {
  return page.evaluate(
    ({ lo, hi, frameSelector }) =>
      new Promise<InFrame>((resolve, reject) => {
        type Handle = { setRange(from: number, to: number): void };
        const top = (window as unknown as { __fixture?: Handle }).__fixture;
        const frame = document.querySelector<HTMLIFrameElement>(frameSelector);
        const fixture = top ?? (frame?.contentWindow as unknown as { __fixture?: Handle } | null)?.__fixture;
        const canvas = document
          .querySelector('liqlens-overlay')
          ?.shadowRoot?.querySelector<HTMLCanvasElement>('[data-liqlens-pane] canvas.bands');
        // Read through a copy made for reading: reading the overlay's own canvas back would make Chrome warn.
        const copy = document.createElement('canvas');
        const ctx = copy.getContext('2d', { willReadFrequently: true });
        if (!fixture || !canvas || !ctx) {
          reject(new Error('no chart fixture or no pane canvas'));
          return;
        }
        const hash = () => {
          copy.width = canvas.width;
          copy.height = canvas.height;
          ctx.drawImage(canvas, 0, 0);
          const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
          let h = canvas.width * 31 + canvas.height;
          for (let i = 0; i < data.length; i += 3) h = (Math.imul(h, 31) + (data[i] as number)) | 0;
          return h;
        };
        const before = hash();
        setTimeout(() => {
          fixture.setRange(lo, hi);
          requestAnimationFrame(() => {
            const inFrame = hash();
            setTimeout(() => resolve({ before, inFrame, settled: hash() }), 500);
          });
        }, 0);
      }),
    { lo, hi, frameSelector: FIXTURE_FRAME },
  );
}

const SITES: [string, (price: number) => SiteFixture][] = [
  ['tradingview.com (the site API)', (price) => siteFixture('tradingview', price)],
  ['binance (the Charting Library in a blob iframe)', (price) => siteFixture('binance', price)],
  [
    'lightweight-charts (the page’s own chart)',
    (price) => siteFixture('hyperliquid', price, { mode: 'lwc' }),
  ],
];

for (const [name, fixtureFor] of SITES) {
  test(`${name}: a move of the chart is painted in the frame the chart draws it`, async ({ env, open }) => {
    const { price } = env.btc;
    const { page } = await open(fixtureFor(price));
    await waitForMode(page, 'aligned');
    await onFixture(page, 'setRange', price * 0.9, price * 1.1);
    expectAligned(await settledOverlay(page), 'before the moves');
    // A pan down, a zoom out, a pan up: each one frame, from a still chart.
    for (const [lo, hi] of [
      [0.88, 1.08],
      [0.85, 1.12],
      [0.9, 1.13],
    ] as const) {
      const look = await moveAndLook(page, price * lo, price * hi);
      expect(look.inFrame, `${lo}–${hi}: the move changed the drawing`).not.toBe(look.before);
      expect(look.inFrame, `${lo}–${hi}: in the frame of the move, the canvas is the settled one`).toBe(
        look.settled,
      );
    }
    expectAligned(await settledOverlay(page), 'after the moves');
  });
}
