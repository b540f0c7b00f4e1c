import type { Page } from '@playwright/test';
import type { ViewEntry } from '../../lib/messages/view-entry';
import { STORAGE_KEYS } from '../../lib/storage/keys';

/** The background's cached entry for `asset`, read from extension storage in an extension page. */
export async function storedEntry(page: Page, asset = 'BTC'): Promise<ViewEntry | null> {
  return page.evaluate(async (key) => {
    const all = await chrome.storage.local.get(key);
    return ((all[key] as { data?: unknown } | undefined)?.data ?? null) as ViewEntry | null;
  }, STORAGE_KEYS.view(asset));
}

/** Rewrites the cached entry (e.g. to age it), keeping its storage envelope. */
export async function writeEntry(page: Page, entry: ViewEntry): Promise<void> {
  await page.evaluate(
    async ({ key, value }) => {
      await chrome.storage.local.set({ [key]: { v: 1, data: value } });
    },
    { key: STORAGE_KEYS.view(entry.asset), value: entry },
  );
}

/** Waits until the popup shows a view (price filled in), and returns how long its first render with data took. */
export async function popupReady(
  page: Page,
): Promise<{ renderMs: number; sinceNavigationMs: number; from: string }> {
  await page.waitForFunction(() => document.documentElement.dataset.renderMs !== undefined, undefined, {
    timeout: 30_000,
  });
  return page.evaluate(() => ({
    renderMs: Number(document.documentElement.dataset.renderMs),
    sinceNavigationMs: Number(document.documentElement.dataset.sinceNavigationMs),
    from: document.documentElement.dataset.renderFrom ?? '',
  }));
}

/** A screenshot of the popup at its own size (its body is a fixed width; the page is as tall as its content). */
export async function shootPopup(page: Page, file: string): Promise<void> {
  const box = await page.evaluate(() => ({
    width: Math.ceil(document.body.getBoundingClientRect().width),
    height: Math.ceil(document.querySelector('main')?.getBoundingClientRect().bottom ?? 600),
  }));
  await page.setViewportSize({ width: box.width, height: Math.max(200, box.height) });
  await page.screenshot({ path: file });
}
