import { symbolForUrl } from '../../lib/sites';
import type { StorageAreaLike } from '../../lib/storage/area';
import { z } from '../../lib/util/zod';

/** The background's watch record (lib/background/watch-set.ts): read only, never written from here. */
const WATCHES_KEY = 'liqlens:watches';
const StoredWatchesSchema = z.object({
  v: z.number(),
  data: z.object({ watchers: z.record(z.string(), z.record(z.string(), z.number())) }),
});

/** Which asset a chart tab shows, or null when it is not a supported chart (or we cannot tell). */
export async function tabAsset(input: {
  tabId: number | undefined;
  url: string | undefined;
  area: StorageAreaLike;
  now: number;
}): Promise<string | null> {
  // With the URL (granted for the supported sites), the pure site registry answers at once.
  if (input.url) {
    const found = symbolForUrl(input.url);
    if (found?.symbol?.supported) return found.symbol.asset;
  }
  // Otherwise the chart's content script told the background which asset it shows (a watch by `tab:<id>`).
  if (input.tabId === undefined) return null;
  const stored = StoredWatchesSchema.safeParse((await input.area.get(WATCHES_KEY))[WATCHES_KEY]);
  if (!stored.success) return null;
  const watcher = `tab:${input.tabId}`;
  let best: { asset: string; expires: number } | null = null;
  for (const [asset, watchers] of Object.entries(stored.data.data.watchers)) {
    const expires = watchers[watcher];
    if (expires !== undefined && expires > input.now && (!best || expires > best.expires))
      best = { asset, expires };
  }
  return best?.asset ?? null;
}
