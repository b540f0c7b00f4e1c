import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Route, type Worker } from '@playwright/test';
import { type HarDocument, parseHar } from '../../../lib/http/har';
import { createHarFetch } from '../../../lib/http/har-replay';
import { type EXCHANGE_HOSTS, isExchangeHost, replayAnswer } from './exchange-replay';
import { CHROMIUM, EXTENSION_DIR, loadedExtensionDir, ROOT } from './paths';

export { EXCHANGE_HOSTS } from './exchange-replay';
export { CHROMIUM, EXTENSION_DIR, loadedExtensionDir, ROOT };

export interface LaunchNetwork {
  /**
   * `--host-resolver-rules` entries taken before the catch-all (e.g. the venue sockets' `MAP stream.bybit.com
   * 127.0.0.1:PORT`); with any, Chromium also ignores certificate errors (the local server's is self-signed).
   */
  resolverRules?: readonly string[];
}

export function chromiumArgs(extensionDir = loadedExtensionDir(), network: LaunchNetwork = {}): string[] {
  const mapped = network.resolverRules ?? [];
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Nothing reaches the real network, even a request made before the routes below are in place
    // (context.route answers before name resolution, so routed hosts still work).
    `--host-resolver-rules=${[...mapped, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ')}`,
    ...(mapped.length ? ['--ignore-certificate-errors'] : []),
  ];
}

export function assertBuilt(extensionDir = loadedExtensionDir()): void {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `no extension build at ${extensionDir}: run \`npx wxt build\` first (npm run test:e2e does)`,
    );
  }
}

export function readHar(file: string): HarDocument {
  const parsed = parseHar(JSON.parse(fs.readFileSync(path.resolve(ROOT, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return parsed.value;
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
}

export async function launchWithExtension(
  options: { headless?: boolean; userDataDir?: string; network?: LaunchNetwork } = {},
): Promise<Launched> {
  assertBuilt();
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: chromiumArgs(undefined, options.network),
    viewport: { width: 1280, height: 800 },
  });
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, userDataDir };
}

/** The extension's service worker, waiting for it to start if it has not yet (or was stopped). */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

export interface ExchangeRoutes {
  /** Every exchange request seen, with how the replay matched it. */
  requests: { method: string; url: string; status: number | 'miss' | 'failed' }[];
  /** Make a venue's host fail (network error) from now on, e.g. to imitate an outage. */
  fail(host: (typeof EXCHANGE_HOSTS)[number]): void;
}

/**
 * Answers the four exchange hosts from a HAR through lib/http's replay (exact match, else closest), and
 * aborts any other request except the pages a spec serves itself (`allow`). Call it before anything makes
 * the background fetch.
 */
export async function routeExchanges(
  context: BrowserContext,
  har: HarDocument | null,
  options: { allow?: (url: URL) => boolean } = {},
): Promise<ExchangeRoutes> {
  const replay = har ? createHarFetch(har) : null;
  const failing = new Set<string>();
  const requests: ExchangeRoutes['requests'] = [];
  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    // The extension's own pages and their chunks pass through context.route too.
    if (url.protocol === 'chrome-extension:' || options.allow?.(url)) return route.fallback();
    if (!isExchangeHost(url.host)) return route.abort('blockedbyclient');
    if (!replay || failing.has(url.host)) {
      requests.push({ method: request.method(), url: url.href, status: 'failed' });
      return route.abort('connectionfailed');
    }
    try {
      const body = request.postData() ?? undefined;
      const answer = await replayAnswer(replay, { method: request.method(), url: url.href, body });
      requests.push({ method: request.method(), url: url.href, status: answer.status });
      return route.fulfill(answer);
    } catch {
      requests.push({ method: request.method(), url: url.href, status: 'miss' });
      return route.abort('connectionfailed');
    }
  });
  return {
    requests,
    fail: (host) => {
      failing.add(host);
    },
  };
}

/**
 * Stops the extension's service worker as the browser does when it idles it (DevTools protocol
 * `ServiceWorker.stopWorker`, through a CDP session on one of the extension's pages). Resolves once the
 * worker is reported stopped; the next event (a message, an alarm) starts a fresh one.
 */
export async function stopServiceWorker(context: BrowserContext, extensionPage: Page): Promise<void> {
  const cdp = await context.newCDPSession(extensionPage);
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) versions.set(v.versionId, v);
  });
  await cdp.send('ServiceWorker.enable');
  const deadline = Date.now() + 10_000;
  const running = () =>
    [...versions.entries()].filter(
      ([, v]) => v.scriptURL.startsWith('chrome-extension://') && v.runningStatus !== 'stopped',
    );
  while (running().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const [versionId] of running()) await cdp.send('ServiceWorker.stopWorker', { versionId });
  while (running().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await cdp.detach();
  if (running().length > 0) throw new Error('the service worker did not stop');
}
