import { migrate } from '../storage/migrate';
import { err, ok, type Result } from '../util/result';
import { describeZodError, z } from '../util/zod';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { LOCAL_ONLY_FIELDS, type Settings, SettingsSchema } from './schema';

export const SETTINGS_FORMAT = 'liqlens.settings';

const ExportEnvelopeSchema = z.strictObject({
  format: z.literal(SETTINGS_FORMAT, `expected "${SETTINGS_FORMAT}"`),
  version: z.int().check(z.gte(1)),
  settings: z.record(z.string(), z.unknown()),
});

export type SettingsExport = {
  format: typeof SETTINGS_FORMAT;
  version: number;
  settings: Omit<Settings, 'coinglassKey'>;
};

/** The settings as a JSON file; secrets (the CoinGlass key) are never written. */
export function exportSettings(settings: Settings): string {
  const shared: Record<string, unknown> = { ...settings };
  for (const field of LOCAL_ONLY_FIELDS) delete shared[field];
  const doc = { format: SETTINGS_FORMAT, version: SETTINGS_VERSION, settings: shared };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Keys that would reach an object's prototype when copied: a file holding one is refused, not quietly cleaned. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first prototype key anywhere in `value` (JSON.parse keeps `__proto__` as an own key), or null. */
function prototypeKey(value: unknown, path: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : null;
  if (entries) {
    for (const [key, v] of entries) {
      const found = prototypeKey(v, `${path}${key}`);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (PROTOTYPE_KEYS.has(key)) return at;
    const found = prototypeKey((value as Record<string, unknown>)[key], at);
    if (found) return found;
  }
  return null;
}

export interface ImportedSettings {
  /** Complete settings (fields absent from the file take their defaults); `coinglassKey` is always null here. */
  settings: Settings;
  /** Things ignored on purpose, e.g. a key in the file. */
  warnings: string[];
}

/**
 * Reads a settings file strictly: any wrong or unknown field rejects the whole file, with every problem named
 * by its path, so that a bad import changes nothing.
 */
export function parseSettingsImport(text: string): Result<ImportedSettings, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return err(`not a JSON file: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const forbidden = prototypeKey(json, '');
  if (forbidden !== null)
    return err(
      `${forbidden}: a key named "${forbidden.split('.').at(-1)}" is not allowed in a settings file`,
    );
  const envelope = ExportEnvelopeSchema.safeParse(json);
  if (!envelope.success) return err(`not a LiqLens settings file: ${describeZodError(envelope.error)}`);
  const { version, settings } = envelope.data;
  if (version > SETTINGS_VERSION) {
    return err(
      `made by a newer LiqLens (settings version ${version}); this one reads up to ${SETTINGS_VERSION}`,
    );
  }
  const migrated = migrate(settings, version, SETTINGS_VERSION, SETTINGS_MIGRATIONS);
  if (!migrated.ok) return err(migrated.error);
  const data = { ...(migrated.value as Record<string, unknown>) };
  const warnings: string[] = [];
  for (const field of LOCAL_ONLY_FIELDS) {
    if (field in data) {
      warnings.push(`settings.${field}: not imported (it stays on this device only)`);
      delete data[field];
    }
  }
  const parsed = SettingsSchema.safeParse(data);
  if (!parsed.success) return err(describeZodError(parsed.error, 'settings'));
  return ok({ settings: parsed.data, warnings });
}
