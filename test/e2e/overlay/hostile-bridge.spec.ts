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

/** The attacked page with its chart on a wide range and the bands aligned there: the moment before the attack. */
async function alignedBeforeTheAttack(env: OverlayEnv) {
  const attacked = await attackedPage(env);
  const { page, price } = attacked;
  await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
  expectAligned(await settledOverlay(page), 'before the attack');
  return attacked;
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
 * No user input at all: the chart moves by itself (new candles rescale it) while the page closes the bridge's port,
 * and every new one. The snapshots do not travel on the port (they are the bridge's events, protocol.ts): the bands
 * keep following the chart.
 */
test('a page script that closes the bridge port, and every new one, while the chart moves by itself: the bands follow', async ({
  env,
}) => {
  const { page, price } = await alignedBeforeTheAttack(env);
  try {
    expect(
      await page.evaluate(() => (window as unknown as Attacked).__closePorts(true)),
    ).toBeGreaterThanOrEqual(1);
    for (const [lo, hi] of [
      [1 - WIDE / 2, 1 + WIDE * 1.5],
      [1 - WIDE * 1.5, 1 + WIDE / 2],
    ]) {
      await onFixture(page, 'setRange', price * (lo as number), price * (hi as number));
      expectAligned(await settledOverlay(page), `after the chart moved to ${lo}–${hi}`);
    }
    // Through the heartbeat's looks too: nothing taken for silence.
    await page.waitForTimeout(4_000);
    expectAligned(await settledOverlay(page), 'four seconds later');
  } finally {
    await page.close();
  }
});

/**
 * A page script can still silence the bridge: it tells the bridge's world that the page is hidden (the bridge reads
 * nothing in a hidden tab). The chart then moves by itself: the bridge's silence while the overlay sees the page
 * shown is noticed within a few seconds, a new hello stays unanswered by any snapshot, and the overlay falls back to
 * the ladder rather than keep bands on the old geometry. When the page stops lying, the bands come back.
 */
test('a page script that silences the bridge while the chart moves by itself: the ladder, then the bands again', async ({
  env,
}) => {
  const { page, price } = await alignedBeforeTheAttack(env);
  try {
    await page.evaluate(() =>
      Object.defineProperty(document, 'visibilityState', { get: () => 'hidden', configurable: true }),
    );
    await onFixture(page, 'setRange', price * (1 - WIDE / 2), price * (1 + WIDE * 1.5));
    await waitForMode(page, 'ladder', 10_000);
    await expect(overlayRoot(page)).toHaveAttribute('data-reason', /page bridge/);

    await page.evaluate(() => Reflect.deleteProperty(document, 'visibilityState'));
    await expect
      .poll(
        async () => {
          if ((await overlayRoot(page).getAttribute('data-mode')) !== 'aligned') return 'not aligned';
          try {
            expectAligned(await settledOverlay(page), 'after the page stopped lying');
            return 'aligned where the chart is';
          } catch (cause) {
            return String(cause).slice(0, 200);
          }
        },
        { timeout: 15_000, intervals: [250] },
      )
      .toBe('aligned where the chart is');
  } finally {
    await page.close();
  }
});

/**
 * A page script that takes the port from each hello and says `ready` on it too, naming an event type of its own, then
 * sends snapshots of a chart that is not there on that type: two voices on one port. The overlay must never draw the
 * forged geometry: the second `ready` is a doubt, every time, and it stays on the ladder.
 */
test('a page script that says ready on the bridge’s port and forges snapshots: never drawn, the ladder', async ({
  env,
}) => {
  const { price } = env.btc;
  const fixture = siteFixture('binance', price);
  await env.serve(fixture);
  const page = await env.context.newPage();
  await page.addInitScript((tag) => {
    const type = 'liqlens-bridge-0f8e2b6c-1d2e-4f00-9a1b-000000000bad';
    const channels = new Set<string>();
    window.addEventListener('message', (event) => {
      const data = event.data as { tag?: unknown; type?: unknown; channel?: unknown } | null;
      if (data?.tag !== tag || data.type !== 'hello' || !event.ports[0] || typeof data.channel !== 'string')
        return;
      channels.add(data.channel);
      event.ports[0].postMessage({ tag, from: 'bridge', type: 'ready', channel: data.channel, events: type });
    });
    // A chart a third of the way down the page, its scale far from the real one, on every frame's worth of time.
    let seq = 0;
    setInterval(() => {
      for (const channel of channels) {
        const wire = [
          'tv-cl-iframe',
          'BINANCE:BTCUSDT.P',
          '15',
          0,
          300,
          900,
          300,
          300,
          1,
          2,
          0,
          false,
          null,
          null,
          null,
          1280,
          800,
          null,
        ];
        const detail = JSON.stringify({
          tag,
          from: 'bridge',
          type: 'snapshot',
          channel,
          seq,
          snapshot: wire,
        });
        window.dispatchEvent(new CustomEvent(type, { detail }));
      }
      seq += 1;
    }, 16);
  }, BRIDGE_TAG);
  try {
    await page.goto(fixture.url);
    await chartReady(page, fixture.mode);
    await waitForMode(page, 'ladder');
    await expect(overlayRoot(page)).toHaveAttribute('data-reason', /page bridge/);
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(250);
      expect(await overlayRoot(page).getAttribute('data-mode'), `${i * 250} ms on`).toBe('ladder');
    }
  } finally {
    await page.close();
  }
});
