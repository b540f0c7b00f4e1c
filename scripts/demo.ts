/**
 * npm run demo [-- --screenshot DIR] [--no-build] [--real-positions]
 *
 * Builds the extension, starts Debian's Chromium with it on an offline demo chart page (served at a
 * tradingview.com chart URL, so the content scripts run as on the real site) whose exchange API calls are
 * answered from test/fixtures/har/btc-all.har, and opens the popup. With --screenshot DIR it runs headless,
 * writes popup.png, popup-dark.png, options.png and chart.png to DIR and exits; without a display it does
 * that into out/demo. With --real-positions it also turns "Hyperliquid: real positions" on and replays Hyperliquid's
 * trades stream through the local venue sockets (at wss://api.hyperliquid.xyz/ws), its accounts' clearinghouseState
 * answered by the account simulator, so the popup and the chart show the real map.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import {
  CHROMIUM,
  EXCHANGE_HOSTS,
  extensionWorker,
  launchWithExtension,
  ROOT,
  readHar,
  routeExchanges,
} from './lib/browser/harness';
import { btcAccountsFor, enableRealPositions, routeHlAccounts, tradesAmong } from './lib/browser/hl-replay';
import { storedEntryIn } from './lib/browser/overlay-env';
import { hyperliquidTradesFrame } from './lib/browser/venue-sockets/frames';
import { startVenueSockets, type VenueSockets } from './lib/browser/venue-sockets/server';

const HAR = 'test/fixtures/har/btc-all.har';
const DEMO_URL = 'https://www.tradingview.com/chart/liqlens-demo/?symbol=BINANCE%3ABTCUSDT.P';
const DEMO_DIR = path.join(ROOT, 'test/fixtures/demo');
const WAIT_FOR_DATA_MS = 45_000;

interface Args {
  screenshot: string | null;
  build: boolean;
  realPositions: boolean;
}

const USAGE = 'usage: npm run demo [-- --screenshot DIR] [--no-build] [--real-positions]';
/** Accounts the demo's replayed Hyperliquid trades name: read in about 20 s at the scanner's 300 a minute. */
const DEMO_HL_ACCOUNTS = 100;

function parseArgs(argv: string[]): Args {
  const args: Args = { screenshot: null, build: true, realPositions: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--screenshot') {
      const dir = argv[++i];
      if (!dir || dir.startsWith('--'))
        fail('--screenshot needs a directory: npm run demo -- --screenshot out');
      args.screenshot = path.resolve(dir);
    } else if (arg?.startsWith('--screenshot='))
      args.screenshot = path.resolve(arg.slice('--screenshot='.length));
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--real-positions') args.realPositions = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument ${arg}; ${USAGE}`);
  }
  return args;
}

function fail(message: string): never {
  console.error(`demo: ${message}`);
  process.exit(2);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0)
    fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** The recorded Binance 15m candles, oldest first, as lightweight-charts wants them (time in seconds). */
function harCandles(): { time: number; open: number; high: number; low: number; close: number }[] {
  const har = readHar(HAR);
  const byTime = new Map<number, { time: number; open: number; high: number; low: number; close: number }>();
  for (const entry of har.log.entries) {
    const url = new URL(entry.request.url);
    if (url.host !== 'fapi.binance.com' || url.pathname !== '/fapi/v1/klines') continue;
    const rows = JSON.parse(entry.response.content.text ?? '[]') as [
      number,
      string,
      string,
      string,
      string,
    ][];
    for (const [t, o, h, l, c] of rows) {
      byTime.set(t, { time: t / 1000, open: Number(o), high: Number(h), low: Number(l), close: Number(c) });
    }
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

const DEMO_ASSETS: Record<string, { file?: string; body?: () => string; type: string }> = {
  'lightweight-charts.js': {
    file: path.join(ROOT, 'node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js'),
    type: 'text/javascript',
  },
  // The site fixtures' fake Charting Library API over lightweight-charts (test/fixtures/sites/assets).
  'fake-cl.js': { file: path.join(ROOT, 'test/fixtures/sites/assets/fake-cl.js'), type: 'text/javascript' },
  'demo-page.js': { file: path.join(DEMO_DIR, 'demo-page.js'), type: 'text/javascript' },
  'candles.json': { body: () => JSON.stringify(harCandles()), type: 'application/json' },
};

async function routeDemoPage(context: BrowserContext): Promise<void> {
  await context.route('https://www.tradingview.com/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/__liqlens_demo__/')) {
      const asset = DEMO_ASSETS[url.pathname.slice('/__liqlens_demo__/'.length)];
      if (!asset) return route.fulfill({ status: 404, body: 'no such demo asset' });
      const body = asset.body ? asset.body() : fs.readFileSync(asset.file as string);
      return route.fulfill({ status: 200, contentType: asset.type, body });
    }
    if (url.pathname.startsWith('/chart/')) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: fs.readFileSync(path.join(DEMO_DIR, 'chart.html')),
      });
    }
    return route.abort('blockedbyclient');
  });
}

/** The id of the tab that shows `page`: the active tab of the last focused window, asked right after focusing it. */
async function tabIdOf(context: BrowserContext, page: Page): Promise<number | null> {
  await page.bringToFront();
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) return null;
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
}

async function waitForData(popup: Page): Promise<boolean> {
  try {
    await popup.waitForFunction(() => document.documentElement.dataset.renderMs !== undefined, undefined, {
      timeout: WAIT_FOR_DATA_MS,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns the real positions on, has the local venue sockets push Hyperliquid trades naming the simulated accounts,
 * waits until the scanner has read them all, and reloads the popup and the chart so that they ask for the real map.
 */
async function replayRealPositions(
  context: BrowserContext,
  sockets: VenueSockets,
  pages: { chart: Page; popup: Page },
): Promise<string> {
  const worker = await extensionWorker(context);
  const view = (await storedEntryIn(worker, 'BTC'))?.view;
  if (!view) return 'no BTC view, so no Hyperliquid accounts to simulate';
  const accounts = btcAccountsFor(view, DEMO_HL_ACCOUNTS);
  const route = await routeHlAccounts(context, accounts);
  await enableRealPositions(worker);
  await sockets.waitForSubscriber('hyperliquid', 'trades:BTC', 30_000);
  sockets.play([hyperliquidTradesFrame(tradesAmong(accounts, Date.now(), view.price), Date.now())]);
  const addresses = accounts.map((a) => a.address);
  const deadline = Date.now() + 60_000;
  while (route.askedOnce(addresses) < addresses.length && Date.now() < deadline)
    await pages.popup.waitForTimeout(250);
  await pages.chart.reload();
  await pages.chart.waitForFunction(() => document.documentElement.dataset.demoChart === 'ready');
  await pages.popup.reload();
  await pages.popup.locator('[data-field="hl-coverage"]').waitFor({ timeout: 15_000 });
  return `${route.askedOnce(addresses)} of ${addresses.length} Hyperliquid accounts read from the replayed trades`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.screenshot === null && !process.env.DISPLAY) {
    // A machine without a display (a server, CI) still gets the whole demo, as pictures.
    args.screenshot = path.join(ROOT, 'out/demo');
    console.log(
      `demo: no display (DISPLAY is not set), so it runs headless and writes screenshots to ${args.screenshot}; ` +
        'for a window, run it where there is a display or under `xvfb-run -a npm run demo`.',
    );
  }
  const headless = args.screenshot !== null;
  run('bash', ['scripts/ensure-browser.sh', 'chromium']);
  if (args.build) run('npx', ['wxt', 'build']);

  const sockets = args.realPositions ? await startVenueSockets() : null;
  const { context, extensionId, userDataDir } = await launchWithExtension({
    headless,
    network: { resolverRules: sockets?.resolverRules ?? [] },
  });
  const routes = await routeExchanges(context, readHar(HAR));
  await routeDemoPage(context);

  const chart = await context.newPage();
  await chart.setViewportSize({ width: 1280, height: 760 });
  await chart.goto(DEMO_URL);
  await chart.waitForFunction(() => document.documentElement.dataset.demoChart === 'ready');
  const tabId = await tabIdOf(context, chart);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 500, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
  const ready = await waitForData(popup);
  const renderMs = await popup.evaluate(() => document.documentElement.dataset.renderMs ?? null);
  const answered = routes.requests.filter((r) => typeof r.status === 'number').length;
  console.log(
    `demo: ${ready ? 'popup shows data' : `no data in the popup after ${WAIT_FOR_DATA_MS / 1000} s`}; ` +
      `${answered} exchange requests answered from ${HAR} (hosts: ${EXCHANGE_HOSTS.join(', ')}); ` +
      `popup render ${renderMs ?? '—'} ms from script start`,
  );
  if (sockets && ready) console.log(`demo: ${await replayRealPositions(context, sockets, { chart, popup })}`);

  if (args.screenshot) {
    const dir = args.screenshot;
    fs.mkdirSync(dir, { recursive: true });
    await shootPopup(popup, path.join(dir, 'popup.png'));
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shootPopup(popup, path.join(dir, 'popup-dark.png'));
    const options = await context.newPage();
    await options.setViewportSize({ width: 1000, height: 800 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('heading', { name: 'LiqLens options' }).waitFor();
    await options.screenshot({ path: path.join(dir, 'options.png'), fullPage: true });
    await chart.bringToFront();
    await chart.waitForTimeout(500);
    await chart.screenshot({ path: path.join(dir, 'chart.png') });
    await context.close();
    await sockets?.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    console.log(`demo: wrote popup.png, popup-dark.png, options.png and chart.png to ${dir}`);
    process.exit(ready ? 0 : 1);
  }

  await chart.bringToFront();
  console.log(
    `demo: Chromium (${CHROMIUM}) is open on the demo chart, with the popup in the next tab; ` +
      'the LiqLens toolbar button opens the real popup. Close the window to end.',
  );
  context.on('close', () => {
    void sockets?.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

/** The popup's own size: as wide as its body, as tall as its content. */
async function shootPopup(popup: Page, file: string): Promise<void> {
  const box = await popup.evaluate(() => ({
    width: Math.ceil(document.body.getBoundingClientRect().width),
    height: Math.ceil(
      document.querySelector('main')?.getBoundingClientRect().bottom ?? document.body.scrollHeight,
    ),
  }));
  await popup.setViewportSize({ width: box.width, height: Math.max(200, box.height) });
  await popup.screenshot({ path: file, fullPage: true });
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
