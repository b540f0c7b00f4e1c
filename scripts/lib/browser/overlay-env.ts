import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import type { ViewEntry } from '../../../lib/messages/view-entry';
import { type ClusterView, ClusterViewSchema } from '../../../lib/model/cluster-view';
import { STORAGE_KEYS } from '../../../lib/storage/keys';
import {
  assertBuilt,
  CHROMIUM,
  chromiumArgs,
  type ExchangeRoutes,
  extensionWorker,
  readHar,
  routeExchanges,
} from './harness';
import { chartReady, routeSite, type SiteFixture } from './site-server';

export const BTC_HAR = 'test/fixtures/har/btc-all.har';
export const VIEWPORT = { width: 1280, height: 800 };

/** One browser with the extension, exchange hosts replayed, and the site fixtures served at their real URLs. */
export interface OverlayEnv {
  context: BrowserContext;
  extensionId: string;
  exchanges: ExchangeRoutes;
  worker(): Promise<Worker>;
  /** The BTC view the background built from the replay (read back from its storage). */
  btc: ClusterView;
  /** Serves `fixture` at its URL from now on (one route per origin, re-pointed for each variant). */
  serve(fixture: SiteFixture): Promise<void>;
  /** Serves `fixture`, opens it in a new tab and waits for its chart. Console problems are collected per page. */
  open(fixture: SiteFixture): Promise<OverlayPage>;
  /** Stores a view for `asset` in the background's cache, fresh, so that a page for it needs no network. */
  seed(view: ClusterView): Promise<void>;
  storedEntry(asset: string): Promise<ViewEntry | null>;
  /** The stored entry's view, parsed. */
  storedView(asset: string): Promise<ClusterView | null>;
  close(): Promise<void>;
}

export interface OverlayPage {
  page: Page;
  /** Console errors and warnings, and uncaught page errors, in the order seen. */
  problems: string[];
}

export interface EnvOptions {
  deviceScaleFactor?: number;
  har?: string | null;
  headless?: boolean;
  /** Host-resolver rules for the local venue sockets (scripts/lib/browser/venue-sockets), when the feeds should connect. */
  resolverRules?: readonly string[];
}

const viewKey = STORAGE_KEYS.view;

export async function storedEntryIn(worker: Worker, asset: string): Promise<ViewEntry | null> {
  return worker.evaluate(async (key) => {
    const all = await chrome.storage.local.get(key);
    return ((all[key] as { data?: unknown } | undefined)?.data ?? null) as ViewEntry | null;
  }, viewKey(asset));
}

/**
 * Launches Chromium with the built extension (as harness.ts, plus a device scale factor), replays the
 * exchanges from the HAR, and has the background build the BTC view once, so that every fixture's chart can be
 * drawn around the view's own price.
 */
export async function openOverlayEnv(options: EnvOptions = {}): Promise<OverlayEnv> {
  assertBuilt();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-overlay-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: chromiumArgs(undefined, { resolverRules: options.resolverRules ?? [] }),
    viewport: VIEWPORT,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  try {
    const first = await extensionWorker(context);
    const extensionId = new URL(first.url()).host;
    const har = options.har === undefined ? BTC_HAR : options.har;
    const exchanges = await routeExchanges(context, har ? readHar(har) : null);
    const worker = () => extensionWorker(context);

    const current = new Map<string, SiteFixture>();
    const serve = async (fixture: SiteFixture) => {
      const origin = new URL(fixture.url).origin;
      const known = current.has(origin);
      current.set(origin, fixture);
      if (!known) await routeSite(context, () => current.get(origin) as SiteFixture);
    };

    const btc = har ? await primeView(context, extensionId, 'BTC') : null;
    const env: OverlayEnv = {
      context,
      extensionId,
      exchanges,
      worker,
      get btc(): ClusterView {
        if (!btc) throw new Error('no BTC view: this environment replays no HAR');
        return btc;
      },
      serve,
      async open(fixture) {
        await serve(fixture);
        const page = await context.newPage();
        const problems = collectProblems(page);
        await page.goto(fixture.url);
        await chartReady(page, fixture.mode);
        return { page, problems };
      },
      async seed(view) {
        const now = Date.now();
        const entry: ViewEntry = {
          asset: view.asset,
          view: { ...view, fetchedAt: now },
          viewAt: now,
          checkedAt: now,
          error: null,
          failures: [],
        };
        await (await worker()).evaluate(
          async ({ key, value }) => {
            await chrome.storage.local.set({ [key]: { v: 1, data: value } });
          },
          { key: viewKey(view.asset), value: entry },
        );
      },
      storedEntry: async (asset) => storedEntryIn(await worker(), asset),
      async storedView(asset) {
        const view = (await storedEntryIn(await worker(), asset))?.view;
        return view ? ClusterViewSchema.parse(view) : null;
      },
      async close() {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      },
    };
    return env;
  } catch (error) {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Console errors and warnings and uncaught errors of a page (any world: the content scripts' included). */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const where = message.location().url;
    problems.push(`console ${message.type()}: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Asks the background for a fresh view of `asset` from an extension page, and waits until it is stored. */
async function primeView(context: BrowserContext, extensionId: string, asset: string): Promise<ClusterView> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.evaluate(
      (a) => chrome.runtime.sendMessage({ type: 'getView', data: { asset: a, refresh: true } }),
      asset,
    );
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const entry = await page.evaluate(async (key) => {
        const all = await chrome.storage.local.get(key);
        return ((all[key] as { data?: unknown } | undefined)?.data ?? null) as ViewEntry | null;
      }, viewKey(asset));
      if (entry?.view) return ClusterViewSchema.parse(entry.view);
      if (entry?.error) throw new Error(`the background could not build the ${asset} view: ${entry.error}`);
      await page.waitForTimeout(100);
    }
    throw new Error(`the background stored no ${asset} view within 30 s`);
  } finally {
    await page.close();
  }
}

/**
 * The view of another asset at another price: every price in `view` multiplied by `price / view.price`, notionals
 * unchanged. Stands in for assets the replay has no data for (ETH after a symbol switch, a coin priced near 1e-5).
 */
export function scaledView(view: ClusterView, asset: string, price: number): ClusterView {
  const k = price / view.price;
  return {
    ...view,
    asset,
    price,
    bins: { ...view.bins, low: view.bins.low * k, width: view.bins.width * k },
    bands: view.bands.map((b) => ({ ...b, low: b.low * k, high: b.high * k, peak: b.peak * k })),
    atRisk: {
      ...view.atRisk,
      up: { ...view.atRisk.up, price: view.atRisk.up.price * k },
      down: { ...view.atRisk.down, price: view.atRisk.down.price * k },
    },
    cascade: view.cascade.map((c) => ({ ...c, fromPrice: c.fromPrice * k, endPrice: c.endPrice * k })),
    venues: view.venues.map((v) => ({
      ...v,
      instrument: v.instrument.replace('BTC', asset),
      markPrice: v.markPrice === null ? null : v.markPrice * k,
    })),
  };
}
