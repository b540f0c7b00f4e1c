import { z } from '../util/zod';
import type { StorageAreaLike, StorageChange } from './area';
import { type Migrations, migrate } from './migrate';

/** A problem found in a stored value: where, and what was used instead. */
export interface ItemIssue {
  /** Field path such as `display.opacity`; empty for the whole item. */
  path: string;
  message: string;
}

export interface Loaded<T> {
  value: T;
  /** Empty when the stored value was valid (or absent). */
  issues: ItemIssue[];
  /** Version found in storage; null when nothing was stored. */
  storedVersion: number | null;
}

export interface VersionedItemOptions<T> {
  area: StorageAreaLike;
  key: string;
  /** Current version; bump it with a migration whenever the stored shape changes. */
  version: number;
  migrations?: Migrations;
  /** Lenient parse of (migrated) data: always returns a usable value, with the problems it repaired. */
  parse(data: unknown): { value: T; issues: ItemIssue[] };
  fallback(): T;
}

export interface VersionedItem<T> {
  readonly key: string;
  readonly version: number;
  load(): Promise<Loaded<T>>;
  save(value: T): Promise<void>;
  clear(): Promise<void>;
  /** Rewrites an older stored version in the current one (the background does this once at start-up). */
  upgrade(): Promise<boolean>;
  /** Calls back with the newly loaded value after every change; returns the unsubscribe. */
  watch(callback: (loaded: Loaded<T>) => void): () => void;
}

/** Stored form: the version travels with the data in one key, so they can never disagree. */
export const EnvelopeSchema = z.object({ v: z.int().check(z.nonnegative()), data: z.unknown() });

export function defineVersionedItem<T>(options: VersionedItemOptions<T>): VersionedItem<T> {
  const { area, key, version, migrations = {} } = options;

  const fromStored = (stored: unknown): Loaded<T> => {
    if (stored === undefined || stored === null)
      return { value: options.fallback(), issues: [], storedVersion: null };
    const envelope = EnvelopeSchema.safeParse(stored);
    if (!envelope.success) {
      return {
        value: options.fallback(),
        issues: [{ path: '', message: 'stored value has no version; defaults used' }],
        storedVersion: null,
      };
    }
    const { v, data } = envelope.data;
    const notes: ItemIssue[] = [];
    let current = data;
    if (v > version) {
      notes.push({
        path: '',
        message: `stored by a newer LiqLens (version ${v}); read as version ${version}`,
      });
    } else if (v < version) {
      const migrated = migrate(data, v, version, migrations);
      if (!migrated.ok) {
        return {
          value: options.fallback(),
          issues: [{ path: '', message: `${migrated.error}; defaults used` }],
          storedVersion: v,
        };
      }
      current = migrated.value;
    }
    const parsed = options.parse(current);
    return { value: parsed.value, issues: [...notes, ...parsed.issues], storedVersion: v };
  };

  const load = async () => fromStored((await area.get(key))[key]);

  return {
    key,
    version,
    load,
    async save(value) {
      await area.set({ [key]: { v: version, data: value } });
    },
    async clear() {
      await area.remove(key);
    },
    async upgrade() {
      const loaded = await load();
      if (loaded.storedVersion === null || loaded.storedVersion >= version || loaded.issues.length > 0)
        return false;
      await area.set({ [key]: { v: version, data: loaded.value } });
      return true;
    },
    watch(callback) {
      const event = area.onChanged;
      if (!event) return () => {};
      const listener = (changes: Record<string, StorageChange>) => {
        if (key in changes) callback(fromStored(changes[key]?.newValue));
      };
      event.addListener(listener);
      return () => event.removeListener(listener);
    },
  };
}
