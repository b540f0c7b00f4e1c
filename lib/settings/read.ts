import type { StorageAreaLike } from '../storage/area';
import { STORAGE_KEYS } from '../storage/keys';
import { parseWithFallback } from '../storage/repair';
import { defineVersionedItem, type ItemIssue, type VersionedItem } from '../storage/versioned-item';
import { capAlertRuleAssets } from './alert-asset-cap';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { defaultSettings, LOCAL_ONLY_FIELDS, type Settings, SettingsSchema } from './schema';

export interface LoadedSettings {
  settings: Settings;
  /** Stored fields that were invalid and fell back to their defaults, by path (`display.opacity`). */
  issues: ItemIssue[];
}

/** The read side of the settings, all a content script needs: it never writes them and never sees the CoinGlass key. */
export interface SettingsReader {
  /** The shared settings, with `coinglassKey: null`. */
  load(): Promise<LoadedSettings>;
  /** Called with the reloaded settings whenever they change; returns the unsubscribe. */
  watch(callback: (loaded: LoadedSettings) => void): () => void;
}

export function withoutLocalFields(settings: Record<string, unknown>): Record<string, unknown> {
  const shared = { ...settings };
  for (const field of LOCAL_ONLY_FIELDS) delete shared[field];
  return shared;
}

/**
 * Everything but the secrets, as stored in `area` (storage.sync): migrated, validated with `SettingsSchema`, each
 * bad field back to its default. Local-only fields found there are ignored, so the result's `coinglassKey` is null.
 */
export function defineSharedSettingsItem(area: StorageAreaLike): VersionedItem<Settings> {
  return defineVersionedItem<Settings>({
    area,
    key: STORAGE_KEYS.settings,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
    parse: (data) => {
      const shared =
        typeof data === 'object' && data !== null && !Array.isArray(data)
          ? withoutLocalFields(data as Record<string, unknown>)
          : data;
      const capped = capAlertRuleAssets(shared);
      const parsed = parseWithFallback(SettingsSchema, capped.data, defaultSettings());
      return { value: parsed.value, issues: [...capped.issues, ...parsed.issues] };
    },
    fallback: defaultSettings,
  });
}

/** Reads and watches the shared settings only (storage.sync); the CoinGlass key stays out of reach. */
export function createSettingsReader(shared: StorageAreaLike): SettingsReader {
  const item = defineSharedSettingsItem(shared);
  const toLoaded = ({ value, issues }: { value: Settings; issues: ItemIssue[] }): LoadedSettings => ({
    settings: { ...value, coinglassKey: null },
    issues,
  });
  return {
    load: async () => toLoaded(await item.load()),
    watch: (callback) => item.watch((loaded) => callback(toLoaded(loaded))),
  };
}
