import fs from 'node:fs';
import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import {
  type ExchangeRoutes,
  extensionWorker,
  launchWithExtension,
  readHar,
  routeExchanges,
} from '../../scripts/lib/browser/harness';
import { startVenueSockets, type VenueSockets } from '../../scripts/lib/browser/venue-sockets/server';

export interface ExtensionFixtures {
  /** HAR the exchange hosts are answered from (repo-relative), or null to fail every exchange request. */
  har: string | null;
  /** Start the local venue sockets (the liquidation feeds at their real URLs) before the browser; off by default. */
  liveFeeds: boolean;
  /** The local venue sockets when `liveFeeds` is on, else null. */
  venueSockets: VenueSockets | null;
  context: BrowserContext;
  extensionId: string;
  exchanges: ExchangeRoutes;
  /** The extension's service worker as it runs now (after a restart, ask again). */
  worker: () => Promise<Worker>;
  /** Opens an extension page (`popup.html`, `options.html`) in a tab of its own. */
  openPage: (file: string, query?: string) => Promise<Page>;
}

export const test = base.extend<ExtensionFixtures>({
  har: ['test/fixtures/har/btc-all.har', { option: true }],
  liveFeeds: [false, { option: true }],
  venueSockets: async ({ liveFeeds }, use) => {
    if (!liveFeeds) return use(null);
    const sockets = await startVenueSockets();
    await use(sockets);
    await sockets.close();
  },
  context: async ({ venueSockets }, use) => {
    const launched = await launchWithExtension({
      network: { resolverRules: venueSockets?.resolverRules ?? [] },
    });
    await use(launched.context);
    await launched.context.close();
    fs.rmSync(launched.userDataDir, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    const worker = await extensionWorker(context);
    await use(new URL(worker.url()).host);
  },
  exchanges: async ({ context, har }, use) => {
    await use(await routeExchanges(context, har ? readHar(har) : null));
  },
  worker: async ({ context }, use) => {
    await use(() => extensionWorker(context));
  },
  openPage: async ({ context, extensionId, exchanges }, use) => {
    void exchanges; // routes first: a page may wake the background, which then fetches
    await use(async (file, query = '') => {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[${file}] page error: ${error.message}`));
      await page.goto(`chrome-extension://${extensionId}/${file}${query}`);
      return page;
    });
  },
});

export { expect };
