import type { Page } from '@playwright/test';
import { BRIDGE_TAG } from '../../../lib/chart/bridge/protocol';
import { decodeSnapshot } from '../../../lib/chart/bridge/wire';
import { type PriceScale, priceToY } from '../../../lib/chart/price-to-y';
import type { ChartSnapshot } from '../../../lib/chart/snapshot';
import { validateSnapshot } from '../../../lib/chart/validate-snapshot';
import {
  type ChartMode,
  chartReady,
  chartY,
  onFixture,
  routeSite,
  type SiteFixture,
} from '../../../scripts/lib/browser/site-server';
import { expect, test } from '../fixtures';

test.use({ har: null });

/**
 * Speaks the isolated side of the bridge protocol from the test: says hello on the window with a port of its own, as
 * the overlay does, listens for the event type the bridge's `ready` names and says so, and keeps every snapshot the
 * bridge sends.
 */
async function listen(page: Page): Promise<void> {
  await page.evaluate((tag) => {
    const w = window as unknown as { __snaps: unknown[] };
    w.__snaps = [];
    const channel = 'e2e-bridge-test';
    let ready = false;
    let port: MessagePort | null = null;
    // The bridge may load after this runs: say hello, each time with a new port, until it answers.
    const hello = () => {
      if (ready) return;
      port?.close();
      const pair = new MessageChannel();
      port = pair.port1;
      const own = port;
      own.onmessage = (event) => {
        const data = event.data as { tag?: string; type?: string; channel?: string; events?: string };
        if (data?.tag !== tag || data.channel !== channel || data.type !== 'ready' || ready) return;
        ready = true;
        addEventListener(data.events as string, (e) => {
          const message = JSON.parse((e as CustomEvent<string>).detail) as {
            type?: string;
            snapshot?: unknown;
          };
          if (message.type === 'snapshot') w.__snaps.push(message.snapshot);
        });
        own.postMessage({ tag, from: 'isolated', type: 'listening', channel });
      };
      postMessage({ tag, from: 'isolated', type: 'hello', channel }, location.origin, [pair.port2]);
      setTimeout(hello, 100);
    };
    hello();
  }, BRIDGE_TAG);
}

/** The last snapshot the bridge posted, decoded from the wire as the overlay decodes it. */
async function latest(page: Page): Promise<ChartSnapshot | null> {
  const wire = await page.evaluate(() => {
    const snaps = (window as unknown as { __snaps: unknown[] }).__snaps;
    return snaps[snaps.length - 1] ?? null;
  });
  const snapshot = decodeSnapshot(wire);
  expect(snapshot, 'the bridge posts its snapshots in the wire’s shape').not.toBeUndefined();
  return snapshot as ChartSnapshot | null;
}

/** Two frames for the bridge to read and post. */
const settle = (page: Page) =>
  page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))),
  );

async function expectAligned(page: Page, prices: number[]): Promise<void> {
  await settle(page);
  await page.waitForFunction(() => (window as unknown as { __snaps: unknown[] }).__snaps.length > 0);
  const snapshot = await latest(page);
  expect(snapshot, 'the bridge posted a snapshot').not.toBeNull();
  const check = validateSnapshot(snapshot, null);
  expect(check.ok ? 'ok' : check.reason).toBe('ok');
  const s = snapshot as ChartSnapshot;
  const scale: PriceScale = { from: s.scale.from, to: s.scale.to, mode: s.scale.mode, height: s.pane.height };
  for (const price of prices) {
    const expected = await chartY(page, price);
    const y = priceToY(scale, price);
    expect(expected).not.toBeNull();
    expect(y).not.toBeNull();
    expect(Math.abs(s.pane.top + (y as number) - (expected as number)), `price ${price}`).toBeLessThanOrEqual(
      1,
    );
  }
}

const BTC = 95_000;
const cases: (Omit<SiteFixture, 'chart'> & { chart?: Partial<SiteFixture['chart']>; name: string })[] = [
  {
    name: 'tradingview.com',
    site: 'tradingview',
    url: 'https://www.tradingview.com/chart/abc123/?symbol=BINANCE%3ABTCUSDT.P',
    mode: 'site',
    symbol: 'BINANCE:BTCUSDT.P',
  },
  {
    name: 'binance blob v29',
    site: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    mode: 'blob',
    symbol: 'BTCUSDT',
  },
  {
    name: 'binance about:blank v24',
    site: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    mode: 'about-blank',
    symbol: 'BTCUSDT',
    chart: { version: 24 },
  },
  {
    name: 'bybit sameorigin',
    site: 'bybit',
    url: 'https://www.bybit.com/trade/usdt/BTCUSDT',
    mode: 'sameorigin',
    symbol: 'BYBIT:BTCUSDT',
    frameBorder: 7,
  },
  {
    name: 'okx blob, volume pane, margins',
    site: 'okx',
    url: 'https://www.okx.com/trade-swap/btc-usdt-swap',
    mode: 'blob',
    symbol: 'BTC-USDT-SWAP',
    chart: { volumePane: true, margins: true },
  },
  {
    name: 'hyperliquid, main series in pane 1, left scale',
    site: 'hyperliquid',
    url: 'https://app.hyperliquid.xyz/trade/BTC',
    mode: 'blob',
    symbol: 'BTC',
    chart: { mainInPane1: true, leftScale: true },
  },
  {
    name: 'binance inverted',
    site: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    mode: 'blob',
    symbol: 'BTCUSDT',
    chart: { inverted: true },
  },
  {
    name: 'binance log, prices near 1e-5',
    site: 'binance',
    url: 'https://www.binance.com/en/futures/PEPEUSDT',
    mode: 'blob',
    symbol: 'PEPEUSDT',
    chart: { log: true, tiny: true, price: 1.2e-5 },
  },
  {
    name: 'binance scrolled page',
    site: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    mode: 'blob',
    symbol: 'BTCUSDT',
    below: 1500,
    frameBorder: 3,
  },
  {
    name: 'hyperliquid, the page’s own lightweight-charts chart with a volume overlay',
    site: 'hyperliquid',
    url: 'https://app.hyperliquid.xyz/trade/BTC',
    mode: 'lwc',
    symbol: 'BTC',
    chart: { volumePane: true },
  },
  {
    name: 'hyperliquid, lightweight-charts with the volume series added before the candles',
    site: 'hyperliquid',
    url: 'https://app.hyperliquid.xyz/trade/BTC',
    mode: 'lwc',
    symbol: 'BTC',
    chart: { volumePane: true, volumeFirst: true },
  },
  {
    name: 'binance, the page’s own lightweight-charts chart, log, prices near 1e-5',
    site: 'binance',
    url: 'https://www.binance.com/en/futures/PEPEUSDT',
    mode: 'lwc',
    symbol: 'PEPEUSDT',
    chart: { log: true, tiny: true, price: 1.2e-5 },
  },
];

for (const c of cases) {
  test(`bridge geometry matches the chart: ${c.name}`, async ({ context, exchanges, page }) => {
    void exchanges;
    const price = c.chart?.price ?? BTC;
    await routeSite(context, { ...c, chart: { price, ...c.chart } });
    await page.goto(c.url);
    await chartReady(page, c.mode as ChartMode);
    await listen(page);
    const prices = [price * 0.995, price, price * 1.004];
    await expectAligned(page, prices);
    // A page with no TradingView API is read through the lightweight-charts hook.
    expect((await latest(page))?.kind).toBe(
      c.mode === 'lwc' ? 'lwc' : c.mode === 'site' ? 'tv-site' : 'tv-cl-iframe',
    );

    if (c.below) {
      await page.mouse.wheel(0, 300);
      await expectAligned(page, prices);
      return;
    }
    // lightweight-charts' setVisibleRange takes its internal (log) values on a log scale: the fake can only set a
    // range in price on a linear one.
    if (!c.chart?.log) {
      await onFixture(page, 'setRange', price * 0.98, price * 1.02);
      await expectAligned(page, prices);
    }

    const snapshot = (await latest(page)) as ChartSnapshot;
    const { left, top, width, height } = snapshot.pane;
    await page.mouse.move(left + width / 2, top + height / 2);
    await page.mouse.down();
    await page.mouse.move(left + width / 2 + 120, top + height / 2 + 60, { steps: 5 });
    await page.mouse.up();
    await expectAligned(page, prices);

    // Zoom where there are bars: a chart zoomed onto empty time has no price scale to read.
    await page.mouse.move(left + width * 0.4, top + height / 3);
    await page.mouse.wheel(0, -150);
    await expectAligned(page, prices);

    if (!c.chart?.log) {
      await onFixture(page, 'setMode', 1);
      await expectAligned(page, prices);
    }
  });
}

test('the bridge reports no chart on a native chart page', async ({ context, exchanges, page }) => {
  void exchanges;
  await routeSite(context, {
    site: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    mode: 'native',
    symbol: 'BTCUSDT',
    chart: { price: BTC },
  });
  await page.goto('https://www.binance.com/en/futures/BTCUSDT');
  await listen(page);
  await settle(page);
  expect(await latest(page)).toBeNull();
});

test('a lying API fails validation', async ({ context, exchanges, page }) => {
  void exchanges;
  await routeSite(context, {
    site: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    mode: 'blob',
    symbol: 'BTCUSDT',
    chart: { price: BTC, lie: { heightDelta: 25 } },
  });
  await page.goto('https://www.binance.com/en/futures/BTCUSDT');
  await chartReady(page, 'blob');
  await listen(page);
  await settle(page);
  const check = validateSnapshot(await latest(page), 'BTC');
  expect(check.ok ? 'ok' : check.reason).toContain('disagrees');
});

test('the page’s own message listeners see only the hellos, never a snapshot, while the chart pans', async ({
  context,
  exchanges,
  page,
}) => {
  void exchanges;
  await routeSite(context, {
    site: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    mode: 'blob',
    symbol: 'BTCUSDT',
    chart: { price: BTC },
  });
  // A listener of the page's own, there before any other script: what every exchange's `message` handlers get.
  await page.addInitScript(() => {
    const seen: { tag: unknown; type: unknown; channel: unknown; ports: number; snapshot: boolean }[] = [];
    (window as unknown as { __pageSaw: typeof seen }).__pageSaw = seen;
    addEventListener('message', (event) => {
      const data = Object(event.data) as Record<string, unknown>;
      seen.push({
        tag: data.tag,
        type: data.type,
        channel: data.channel,
        ports: event.ports.length,
        snapshot: 'snapshot' in data,
      });
    });
  });
  await page.goto('https://www.binance.com/en/futures/BTCUSDT');
  await chartReady(page, 'blob');
  await listen(page);
  await expectAligned(page, [BTC]);
  const count = () => page.evaluate(() => (window as unknown as { __snaps: unknown[] }).__snaps.length);
  const before = await count();
  const { left, top, width, height } = ((await latest(page)) as ChartSnapshot).pane;
  await page.mouse.move(left + width / 2, top + height / 2);
  await page.mouse.down();
  await page.mouse.move(left + width / 2 + 160, top + height / 2 + 80, { steps: 12 });
  await page.mouse.up();
  await expectAligned(page, [BTC]);
  // The bridge did send the pan, frame by frame, to the test's listener...
  expect(await count()).toBeGreaterThan(before + 3);
  // ...and the page heard nothing of it: only hellos, each handing over a port, and no bridge message of any other
  // kind (the overlay's own client says hello on the window too).
  const saw = await page.evaluate(
    () =>
      (
        window as unknown as {
          __pageSaw: { tag: unknown; type: unknown; channel: unknown; ports: number; snapshot: boolean }[];
        }
      ).__pageSaw,
  );
  const ours = saw.filter((m) => m.tag === BRIDGE_TAG);
  expect(ours.filter((m) => m.type !== 'hello' || m.ports !== 1)).toEqual([]);
  expect(ours.some((m) => m.channel === 'e2e-bridge-test')).toBe(true);
  expect(
    ours.some((m) => m.channel !== 'e2e-bridge-test'),
    'the overlay said hello',
  ).toBe(true);
  expect(saw.filter((m) => m.snapshot)).toEqual([]);
});
