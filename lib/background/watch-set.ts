import { AssetSchema } from '../market/asset';
import type { StorageAreaLike } from '../storage/area';
import { STORAGE_KEYS } from '../storage/keys';
import { defineVersionedItem } from '../storage/versioned-item';
import { z } from '../util/zod';
import { createSerial } from './serial';

const time = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));

/** Per asset: each watcher (`tab:12`, `popup`) with the time its watch expires; and when anyone last watched it. */
const WatchesSchema = z.object({
  watchers: z.record(AssetSchema, z.record(z.string(), time())),
  lastWatched: z.record(AssetSchema, time()),
});
type Watches = z.infer<typeof WatchesSchema>;

const empty = (): Watches => ({ watchers: {}, lastWatched: {} });

export interface WatchSet {
  /**
   * Starts or extends `watcher`'s watch of `asset` until now + ttlMs. With `maxAssets`, the watches of the least
   * recently renewed other assets end while more than that many are watched; returns those assets.
   */
  renew(asset: string, watcher: string, ttlMs: number, maxAssets?: number): Promise<string[]>;
  /** Records that data of `asset` is stored (an alert's asset nobody watches), so that eviction sees it. */
  noteStored(asset: string): Promise<void>;
  /** Every asset that may have data stored, most recently watched first. */
  byRecency(): Promise<string[]>;
  /** Ends one watch; returns the assets this watcher still watches. */
  remove(asset: string, watcher: string): Promise<string[]>;
  /** Ends every watch of one watcher (its tab closed). */
  removeWatcher(watcher: string): Promise<void>;
  /** Watched assets with their live watchers; expired watches are dropped (and the drop stored). */
  active(): Promise<Map<string, string[]>>;
  /** The asset `watcher` watches now (the latest-expiring of its live watches), or null; read only. */
  assetOf(watcher: string): Promise<string | null>;
  /** Assets nobody has watched since `before` (ms). */
  idleSince(before: number): Promise<string[]>;
  forget(asset: string): Promise<void>;
}

/** The set of watched assets, kept in storage so that a restarted worker knows what to refresh. */
export function createWatchSet(deps: { area: StorageAreaLike; now: () => number }): WatchSet {
  const item = defineVersionedItem<Watches>({
    area: deps.area,
    key: STORAGE_KEYS.watches,
    version: 1,
    // Watches renew every period: a damaged record costs at most one period of refreshes, so start afresh.
    parse: (data) => {
      const parsed = WatchesSchema.safeParse(data);
      return parsed.success
        ? { value: parsed.data, issues: [] }
        : { value: empty(), issues: [{ path: '', message: 'reset' }] };
    },
    fallback: empty,
  });
  const serial = createSerial();
  const modify = (change: (w: Watches, now: number) => void) =>
    serial(async () => {
      const watches = (await item.load()).value;
      change(watches, deps.now());
      await item.save(watches);
      return watches;
    });

  const prune = (watches: Watches, now: number) => {
    for (const [asset, watchers] of Object.entries(watches.watchers)) {
      for (const [watcher, expires] of Object.entries(watchers)) {
        if (expires <= now) delete watchers[watcher];
      }
      if (Object.keys(watchers).length === 0) delete watches.watchers[asset];
    }
  };

  return {
    async renew(asset, watcher, ttlMs, maxAssets = Number.POSITIVE_INFINITY) {
      const dropped: string[] = [];
      await modify((w, now) => {
        w.watchers[asset] = { ...w.watchers[asset], [watcher]: now + ttlMs };
        w.lastWatched[asset] = now;
        prune(w, now);
        const others = Object.keys(w.watchers)
          .filter((a) => a !== asset)
          .sort((a, b) => (w.lastWatched[a] ?? 0) - (w.lastWatched[b] ?? 0));
        while (others.length + 1 > maxAssets) {
          const oldest = others.shift() as string;
          delete w.watchers[oldest];
          dropped.push(oldest);
        }
      });
      return dropped;
    },
    async noteStored(asset) {
      const { lastWatched } = (await item.load()).value;
      if (lastWatched[asset] !== undefined) return;
      await modify((w, now) => {
        w.lastWatched[asset] ??= now;
      });
    },
    async byRecency() {
      const { lastWatched } = (await item.load()).value;
      return Object.entries(lastWatched)
        .sort(([, a], [, b]) => b - a)
        .map(([asset]) => asset);
    },
    async remove(asset, watcher) {
      const watches = await modify((w) => {
        const watchers = w.watchers[asset];
        if (watchers) delete watchers[watcher];
      });
      return Object.entries(watches.watchers)
        .filter(([, watchers]) => watcher in watchers)
        .map(([a]) => a);
    },
    async removeWatcher(watcher) {
      await modify((w) => {
        for (const watchers of Object.values(w.watchers)) delete watchers[watcher];
      });
    },
    async active() {
      const watches = await serial(async () => {
        const loaded = (await item.load()).value;
        const before = JSON.stringify(loaded.watchers);
        prune(loaded, deps.now());
        if (JSON.stringify(loaded.watchers) !== before) await item.save(loaded);
        return loaded;
      });
      return new Map(
        Object.entries(watches.watchers).map(([asset, watchers]) => [asset, Object.keys(watchers)]),
      );
    },
    async assetOf(watcher) {
      const { watchers } = (await item.load()).value;
      const now = deps.now();
      let best: { asset: string; expires: number } | null = null;
      for (const [asset, byWatcher] of Object.entries(watchers)) {
        const expires = byWatcher[watcher];
        if (expires !== undefined && expires > now && (!best || expires > best.expires))
          best = { asset, expires };
      }
      return best?.asset ?? null;
    },
    async idleSince(before) {
      const { watchers, lastWatched } = (await item.load()).value;
      return Object.entries(lastWatched)
        .filter(([asset, at]) => at < before && !watchers[asset])
        .map(([asset]) => asset);
    },
    async forget(asset) {
      await modify((w) => {
        delete w.watchers[asset];
        delete w.lastWatched[asset];
      });
    },
  };
}
