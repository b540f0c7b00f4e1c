import { BRIDGE_TAG } from '../../../lib/chart/bridge/protocol';
import type { OverlayEnv } from '../../../scripts/lib/browser/overlay-env';
import {
  expectAligned,
  overlayRoot,
  type Rect,
  readOverlay,
  settledOverlay,
  waitForMode,
  waitForPaneLayer,
} from '../../../scripts/lib/browser/overlay-probe';
import { chartReady, onFixture } from '../../../scripts/lib/browser/site-server';
import { WIDE } from './overlay-journey';
import { expect, siteFixture, test } from './overlay-test';

/**
 * A page script that takes the bridge's port from the hello (issue 9): it keeps every port it sees on the window,
 * and closes them on command (`always`: every later one too, as it arrives), so the bridge can no longer report the
 * chart. When the chart then moves, the overlay must never stay aligned on the old geometry: it finds the bridge
 * again (a new hello) or falls back to the ladder.
 */
const ATTACKER = (tag: string) => {
  const ports: MessagePort[] = [];
  let always = false;
  window.addEventListener('message', (event) => {
    const data = event.data as { tag?: unknown; type?: unknown } | null;
    if (data?.tag !== tag || data.type !== 'hello' || !event.ports[0]) return;
    ports.push(event.ports[0]);
    if (always) event.ports[0].close();
  });
  (window as unknown as { __closePorts: (a?: boolean) => number }).__closePorts = (a = false) => {
    always = a;
    for (const port of ports) port.close();
    return ports.length;
  };
};

type Attacked = { __closePorts: (always?: boolean) => number };

/** The Binance fixture with the attacker loaded first, once its bands are aligned. */
async function attackedPage(env: OverlayEnv) {
  const { price } = env.btc;
  const fixture = siteFixture('binance', price);
  await env.serve(fixture);
  const page = await env.context.newPage();
  await page.addInitScript(ATTACKER, BRIDGE_TAG);
  await page.goto(fixture.url);
  await chartReady(page, fixture.mode);
  await waitForMode(page, 'aligned');
  return { page, fixture, price };
}

/**
 * When the attack comes: `settled`, after the chart was moved and the overlay settled; `at once`, the first moment
 * the bands are drawn; `after a rebuild`, the first moment they are drawn again after the page rebuilt its widget in
 * a new frame (which the page poll's look, every second, may not have found yet).
 */
for (const when of ['settled', 'at once', 'after a rebuild'] as const) {
  test(`a page script that closes the bridge port (${when}): after a pan the bands are where the chart is, or on the ladder`, async ({
    env,
  }) => {
    const { page, fixture, price } = await attackedPage(env);
    try {
      await waitForPaneLayer(page);
      if (when === 'after a rebuild') {
        await page.evaluate(
          (symbol) =>
            (window as unknown as { __site: { rebuild(s: string): Promise<void> } }).__site.rebuild(symbol),
          fixture.symbol,
        );
        await chartReady(page, fixture.mode);
        // Between the two widgets the bridge finds no chart for a few frames.
        await waitForMode(page, 'aligned');
        expectAligned(await settledOverlay(page), 'after the rebuild');
      }
      if (when === 'settled') {
        await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
        expectAligned(await settledOverlay(page), 'before the attack');
      }
      const { pane } = await readOverlay(page);
      expect(pane, 'the pane layer is drawn').not.toBeNull();

      // One port per hello the overlay said before the bridge answered (more than one on a slow machine).
      expect(
        await page.evaluate(() => (window as unknown as Attacked).__closePorts()),
      ).toBeGreaterThanOrEqual(1);
      // The user pans: the chart moves, the bridge cannot say so on the closed port.
      const { left, top, width, height } = pane as Rect;
      await page.mouse.move(left + width / 2, top + height / 2);
      await page.mouse.down();
      await page.mouse.move(left + width / 2 + 80, top + height / 2 + 140, { steps: 6 });
      await page.mouse.up();
      await page.waitForTimeout(1500);

      const mode = await overlayRoot(page).getAttribute('data-mode');
      if (mode === 'aligned') expectAligned(await settledOverlay(page), 'after the pan');
      else expect(mode).toBe('ladder');
    } finally {
      await page.close();
    }
  });
}

/**
 * No user input at all: the chart moves by itself (new candles rescale it) after the page closed the port. The
 * bridge says `still` every second while it reads nothing new, so its silence is noticed within a few seconds: a new
 * hello brings the bands back where the chart is, and a page that closes every new port too gets the ladder.
 */
for (const always of [false, true]) {
  test(`a page script that closes the bridge port${always ? ', and every new one,' : ''} while the chart moves by itself: ${always ? 'the ladder' : 'the bands follow again'}`, async ({
    env,
  }) => {
    const { page, price } = await attackedPage(env);
    try {
      await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
      expectAligned(await settledOverlay(page), 'before the attack');
      expect(
        await page.evaluate((a) => (window as unknown as Attacked).__closePorts(a), always),
      ).toBeGreaterThanOrEqual(1);
      await onFixture(page, 'setRange', price * (1 - WIDE / 2), price * (1 + WIDE * 1.5));

      if (always) {
        await waitForMode(page, 'ladder', 10_000);
        await expect(overlayRoot(page)).toHaveAttribute('data-reason', /page bridge/);
        return;
      }
      await expect
        .poll(
          async () => {
            if ((await overlayRoot(page).getAttribute('data-mode')) !== 'aligned') return 'not aligned';
            try {
              expectAligned(await settledOverlay(page), 'after the chart moved');
              return 'aligned where the chart is';
            } catch (cause) {
              return String(cause).slice(0, 200);
            }
          },
          { timeout: 10_000, intervals: [250] },
        )
        .toBe('aligned where the chart is');
    } finally {
      await page.close();
    }
  });
}
