import type { StorageAreaLike } from '../storage/area';
import { STORAGE_KEYS } from '../storage/keys';
import { parseWithFallback } from '../storage/repair';
import { defineVersionedItem } from '../storage/versioned-item';
import { err, ok, type Result } from '../util/result';
import { describeZodError, z } from '../util/zod';
import { exportSettings, type ImportedSettings, parseSettingsImport } from './import-export';
import { defineSharedSettingsItem, type LoadedSettings, withoutLocalFields } from './read';
import { CoinglassKeySchema, defaultSettings, type Settings, SettingsSchema } from './schema';

export type { LoadedSettings } from './read';

export interface SettingsStore {
  load(): Promise<LoadedSettings>;
  /** Validates the whole object strictly; on any problem nothing is written and the message names the paths. */
  save(input: unknown): Promise<Result<Settings, string>>;
  /** Every setting back to its default, except the CoinGlass key (remove it with `setCoinglassKey(null)`). */
  reset(): Promise<Settings>;
  exportJson(): Promise<string>;
  /** A bad file changes nothing; a good one replaces all settings but the CoinGlass key. */
  importJson(text: string): Promise<Result<ImportedSettings, string>>;
  /** Prefer `saveCoinglassKey` from the options page: it also asks for the host permission. */
  setCoinglassKey(key: string | null): Promise<Result<null, string>>;
  /** Called with the reloaded settings whenever either stored part changes; returns the unsubscribe. */
  watch(callback: (loaded: LoadedSettings) => void): () => void;
  /** Rewrites older stored versions in the current shape (background start-up). */
  upgrade(): Promise<void>;
}

const SecretsSchema = z.strictObject({ coinglassKey: z._default(z.nullable(CoinglassKeySchema), null) });
type Secrets = z.infer<typeof SecretsSchema>;

/**
 * Settings in two areas: everything but secrets in `shared` (storage.sync, so they follow the user), the
 * CoinGlass key in `local` (storage.local, never synced).
 */
export function createSettingsStore(areas: {
  shared: StorageAreaLike;
  local: StorageAreaLike;
}): SettingsStore {
  const sharedItem = defineSharedSettingsItem(areas.shared);
  const secretsItem = defineVersionedItem<Secrets>({
    area: areas.local,
    key: STORAGE_KEYS.secrets,
    version: 1,
    parse: (data) => parseWithFallback(SecretsSchema, data, { coinglassKey: null }),
    fallback: () => ({ coinglassKey: null }),
  });

  const load = async (): Promise<LoadedSettings> => {
    const [shared, secrets] = await Promise.all([sharedItem.load(), secretsItem.load()]);
    return {
      settings: { ...shared.value, coinglassKey: secrets.value.coinglassKey },
      issues: [...shared.issues, ...secrets.issues],
    };
  };

  const writeShared = (settings: Settings) => sharedItem.save(withoutLocalFields(settings) as Settings);

  return {
    load,
    async save(input) {
      const parsed = SettingsSchema.safeParse(input);
      if (!parsed.success) return err(describeZodError(parsed.error));
      await writeShared(parsed.data);
      const current = await secretsItem.load();
      if (current.value.coinglassKey !== parsed.data.coinglassKey || current.issues.length > 0) {
        await secretsItem.save({ coinglassKey: parsed.data.coinglassKey });
      }
      return ok(parsed.data);
    },
    async reset() {
      const defaults = defaultSettings();
      await writeShared(defaults);
      return (await load()).settings;
    },
    async exportJson() {
      return exportSettings((await load()).settings);
    },
    async importJson(text) {
      const parsed = parseSettingsImport(text);
      if (!parsed.ok) return parsed;
      await writeShared(parsed.value.settings);
      const settings = (await load()).settings;
      return ok({ settings, warnings: parsed.value.warnings });
    },
    async setCoinglassKey(key) {
      const value = key === null ? null : key.trim();
      const parsed = SecretsSchema.safeParse({ coinglassKey: value === '' ? null : value });
      if (!parsed.success) return err(describeZodError(parsed.error));
      await secretsItem.save(parsed.data);
      return ok(null);
    },
    watch(callback) {
      let alive = true;
      const reload = () => {
        void load().then((loaded) => {
          if (alive) callback(loaded);
        });
      };
      const offShared = sharedItem.watch(reload);
      const offSecrets = secretsItem.watch(reload);
      return () => {
        alive = false;
        offShared();
        offSecrets();
      };
    },
    async upgrade() {
      await sharedItem.upgrade();
      await secretsItem.upgrade();
    },
  };
}
