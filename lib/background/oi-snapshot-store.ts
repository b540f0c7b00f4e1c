import {
  mergeSnapshot,
  type OiSnapshot,
  OiSnapshotListSchema,
  type OiSnapshotStore,
  SNAPSHOT_RETENTION_MS,
} from '../engine/oi-snapshot-store';
import type { Venue } from '../market/venue';
import type { StorageAreaLike } from '../storage/area';
import { STORAGE_KEYS } from '../storage/keys';
import { defineVersionedItem } from '../storage/versioned-item';
import { createSerial } from './serial';

/**
 * The engine's open-interest history for venues that publish none (Hyperliquid), in storage.local, one key per
 * venue and asset: the history must outlive the worker, since it takes hours of snapshots before the engine
 * uses a venue's ledger. A damaged list is dropped (logged): history then rebuilds from the next snapshot.
 */
export function createStorageOiSnapshotStore(deps: {
  area: StorageAreaLike;
  log?: (message: string) => void;
  retentionMs?: number;
}): OiSnapshotStore {
  const serial = createSerial();
  const item = (venue: Venue, asset: string) =>
    defineVersionedItem<OiSnapshot[]>({
      area: deps.area,
      key: STORAGE_KEYS.oiSnapshots(venue, asset),
      version: 1,
      parse: (data) => {
        const parsed = OiSnapshotListSchema.safeParse(data);
        if (parsed.success) return { value: parsed.data, issues: [] };
        deps.log?.(`LiqLens: dropped an unreadable open-interest history (${venue} ${asset})`);
        return { value: [], issues: [{ path: '', message: 'unreadable' }] };
      },
      fallback: () => [],
    });
  return {
    load: async (venue, asset) => (await item(venue, asset).load()).value,
    append: (venue, asset, snapshot) =>
      serial(async () => {
        const stored = item(venue, asset);
        const list = (await stored.load()).value;
        await stored.save(mergeSnapshot(list, snapshot, deps.retentionMs ?? SNAPSHOT_RETENTION_MS));
      }),
  };
}
