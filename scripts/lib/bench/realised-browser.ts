import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { LIQ_DB } from '../../../lib/liquidations/liq-store';
import { launchWithExtension, readHar, routeExchanges } from '../browser/harness';
import { BTC_HAR } from '../browser/overlay-env';
import { feedsLive, feedsSubscribed } from '../browser/venue-sockets/feeds-ready';
import { bybitFrame, type PlainPrint } from '../browser/venue-sockets/frames';
import { startVenueSockets } from '../browser/venue-sockets/server';

export interface IngestRun {
  prints: number;
  frames: number;
  /** From the first frame sent to the last print found in IndexedDB. */
  elapsedMs: number;
  /** How often IndexedDB was read to see whether every print had landed (the figure's resolution). */
  pollMs: number;
  /** Growth of the extension origin's storage (navigator.storage.estimate) over the run, null when not reported. */
  storageBytes: number | null;
  /** The extension's IndexedDB files on disk once the browser closed (every print written), null when not found. */
  diskBytes: number | null;
}

/** Bytes of the extension's IndexedDB directories in a profile (`Default/IndexedDB/chrome-extension_<id>_0.*`). */
function indexedDbBytes(userDataDir: string, extensionId: string): number | null {
  const dir = path.join(userDataDir, 'Default', 'IndexedDB');
  if (!fs.existsSync(dir)) return null;
  const ours = fs.readdirSync(dir).filter((n) => n.startsWith(`chrome-extension_${extensionId}_`));
  if (!ours.length) return null;
  let bytes = 0;
  for (const name of ours) {
    for (const e of fs.readdirSync(path.join(dir, name), { recursive: true, withFileTypes: true }))
      if (e.isFile()) bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return bytes;
}

const POLL_MS = 50;
const PER_FRAME = 100;

/** Prints stored for `asset` in the extension's IndexedDB, read from one of its pages (the worker's origin). */
const storedPrints = (page: Page, asset: string): Promise<number> =>
  page.evaluate(
    ({ name, asset }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('printBatches')) {
            db.close();
            return resolve(0);
          }
          const all = db.transaction('printBatches').objectStore('printBatches').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            let n = 0;
            for (const row of all.result as { asset: string; prints: unknown[] }[])
              if (row.asset === asset) n += row.prints.length;
            resolve(n);
          };
        };
      }),
    { name: LIQ_DB.name, asset },
  );

const storageUsage = (page: Page): Promise<number | null> =>
  page.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);

/**
 * The worker's print handling with storage, in Chromium with the built extension: the popup watches BTC, the
 * local venue sockets send `prints` Bybit prints (100 to a frame, as fast as the socket takes them) at the real
 * URL, and the time runs until all of them are in the extension's IndexedDB: frames read with zod, prints
 * normalised, summarised, pushed, and written in batches — the worker's whole path.
 */
export async function runIngestBench(prints = 20_000): Promise<IngestRun> {
  const sockets = await startVenueSockets();
  const launched = await launchWithExtension({ network: { resolverRules: sockets.resolverRules } });
  const { context, extensionId } = launched;
  let run: Omit<IngestRun, 'diskBytes'> | null = null;
  try {
    await routeExchanges(context, readHar(BTC_HAR));
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?asset=BTC`);
    await feedsSubscribed(sockets);
    const probe = await context.newPage();
    await probe.goto(`chrome-extension://${extensionId}/options.html`);
    await feedsLive(probe);
    const before = await storageUsage(probe);
    const already = await storedPrints(probe, 'BTC');

    const now = Date.now();
    const frames = [];
    // Irregular prices, sizes and spacing (a fixed-seed generator), so that storage compresses them no better than
    // it would real prints.
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    let time = now - 3_000_000;
    for (let f = 0; f * PER_FRAME < prints; f++) {
      const batch: PlainPrint[] = [];
      for (let i = f * PER_FRAME; i < Math.min(prints, (f + 1) * PER_FRAME); i++) {
        time += 1 + Math.floor(random() * 200);
        batch.push({
          side: random() < 0.5 ? 'long' : 'short',
          price: Math.round((95_000 + (random() - 0.5) * 4_000) * 10) / 10,
          size: Math.round((0.001 + random() * random() * 3) * 1_000) / 1_000,
          time,
        });
      }
      frames.push(bybitFrame(batch, now));
    }
    const start = Date.now();
    sockets.play(frames);
    const deadline = start + 120_000;
    let stored = already;
    while (stored < already + prints && Date.now() < deadline) {
      await probe.waitForTimeout(POLL_MS);
      stored = await storedPrints(probe, 'BTC');
    }
    const elapsedMs = Date.now() - start;
    if (stored < already + prints)
      throw new Error(`only ${stored - already} of ${prints} prints stored within 120 s`);
    const after = await storageUsage(probe);
    run = {
      prints,
      frames: frames.length,
      elapsedMs,
      pollMs: POLL_MS,
      storageBytes: before === null || after === null ? null : after - before,
    };
  } finally {
    await context.close();
    await sockets.close();
  }
  const diskBytes = indexedDbBytes(launched.userDataDir, extensionId);
  fs.rmSync(launched.userDataDir, { recursive: true, force: true });
  return { ...run, diskBytes };
}
