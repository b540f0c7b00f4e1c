import type { Page, Worker } from '@playwright/test';

/**
 * Sets the extension worker's clock to `time` from now on (its `Date.now` runs on from there at the real pace):
 * the background reads `Date.now()` at each call, so views, band snapshots, feeds and scores all follow. Lost if
 * the browser restarts the worker, so a spec that uses it keeps messages flowing (an open extension page).
 */
export async function setWorkerTime(worker: Worker, time: number): Promise<void> {
  await worker.evaluate((target) => {
    const g = globalThis as unknown as { liqlensShiftMs?: number; liqlensRealNow?: () => number };
    if (!g.liqlensRealNow) {
      const real = Date.now.bind(Date);
      g.liqlensRealNow = real;
      Date.now = () => real() + (g.liqlensShiftMs ?? 0);
    }
    g.liqlensShiftMs = target - g.liqlensRealNow();
  }, time);
}

/** A runtime request from an extension page, as the popup sends it; the reply's data, or a thrown error. */
export async function ask<T>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), { type, data })) as
    | { ok: true; data: T }
    | { ok: false; error: string }
    | undefined;
  if (!reply?.ok) throw new Error(`${type}: ${reply ? reply.error : 'no answer'}`);
  return reply.data;
}
