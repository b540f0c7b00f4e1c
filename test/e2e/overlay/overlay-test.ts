import { test as base, expect } from '@playwright/test';
import { type OverlayEnv, type OverlayPage, openOverlayEnv } from '../../../scripts/lib/browser/overlay-env';
import type { SiteFixture } from '../../../scripts/lib/browser/site-server';

export interface OverlayFixtures {
  /**
   * Opens a fixture page in the worker's browser (or the one given) and closes it after the test, which then fails
   * if any page logged a console error or warning or threw: the extension must never disturb the page's console.
   */
  open: (fixture: SiteFixture, env?: OverlayEnv) => Promise<OverlayPage>;
}

export interface OverlayWorkerFixtures {
  /** One browser per worker for every site and variant: launching one per test would cost seconds each. */
  env: OverlayEnv;
  /** The same at devicePixelRatio 2 (a context option), started only by the tests that ask for it. */
  dpr2: OverlayEnv;
}

export const test = base.extend<OverlayFixtures, OverlayWorkerFixtures>({
  env: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
    async ({}, use) => {
      const env = await openOverlayEnv();
      await use(env);
      await env.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  dpr2: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
    async ({}, use) => {
      const env = await openOverlayEnv({ deviceScaleFactor: 2 });
      await use(env);
      await env.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  open: async ({ env }, use) => {
    const opened: OverlayPage[] = [];
    await use(async (fixture, where = env) => {
      const page = await where.open(fixture);
      opened.push(page);
      return page;
    });
    for (const p of opened) await p.page.close();
    expect(
      opened.flatMap((p) => p.problems),
      'console errors and warnings, page errors',
    ).toEqual([]);
  },
});

export { SITE_FIXTURES, siteFixture } from '../../../scripts/lib/browser/overlay-sites';
export { expect };
