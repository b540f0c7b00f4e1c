import { describe, expect, it } from 'vitest';
import { MAX_TIERS } from '../../lib/model/params';
import { exportSettings, parseSettingsImport, SETTINGS_FORMAT } from '../../lib/settings/import-export';
import { SETTINGS_VERSION } from '../../lib/settings/migrations';
import {
  defaultSettings,
  MAX_ALERT_ASSETS,
  MAX_ALERT_RULES,
  SettingsSchema,
} from '../../lib/settings/schema';
import { STORAGE_KEYS } from '../../lib/storage/keys';

const file = (settings: unknown) =>
  JSON.stringify({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, settings });

describe('settings import: hostile files (issue 9)', () => {
  it('the exported defaults come back as they went', () => {
    const back = parseSettingsImport(exportSettings(defaultSettings()));
    expect(back.ok && back.value.settings).toEqual(defaultSettings());
  });

  it('rejects __proto__, constructor and prototype keys anywhere, naming where, instead of dropping them', () => {
    const cases: [string, string][] = [
      [`{"format":"${SETTINGS_FORMAT}","version":1,"settings":{},"__proto__":{"x":1}}`, '__proto__'],
      [file({ display: { constructor: { prototype: {} } } }), 'settings.display.constructor'],
      [
        `{"format":"${SETTINGS_FORMAT}","version":1,"settings":{"alerts":{"rules":[{"__proto__":{}}]}}}`,
        'settings.alerts.rules[0].__proto__',
      ],
      [file({ model: { prototype: 1 } }), 'settings.model.prototype'],
    ];
    for (const [text, path] of cases) {
      const result = parseSettingsImport(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) {
        const name = path
          .split('.')
          .at(-1)
          ?.replace(/^.*\]\./, '');
        expect(result.error).toBe(`${path}: a key named "${name}" is not allowed in a settings file`);
      }
    }
  });

  it(`bounds the tiers (${MAX_TIERS}) and the alert rules' assets (${MAX_ALERT_ASSETS}) so validation fails first`, () => {
    const settings = defaultSettings();
    const tiers = Array.from({ length: 1000 }, () => [10, 1 / 1000]);
    const tooMany = parseSettingsImport(file({ model: { ...settings.model, tiers } }));
    expect(!tooMany.ok && tooMany.error).toMatch(/settings\.model\.tiers: at most 20 tiers/);

    const rule = (i: number, asset: string) => ({
      id: `r${i}`,
      asset,
      side: 'short',
      withinPct: 3,
      aboveUsd: 1e8,
      enabled: true,
    });
    const assets = ['BTC', 'ETH', 'SOL', 'XRP', 'DOGE'];
    const spread = parseSettingsImport(
      file({ alerts: { enabled: true, rules: assets.map((a, i) => rule(i, a)) } }),
    );
    expect(!spread.ok && spread.error).toMatch(/enabled alert rules may name at most 4 different assets/);
    const oneOff = parseSettingsImport(
      file({ alerts: { enabled: true, rules: assets.map((a, i) => ({ ...rule(i, a), enabled: i < 4 })) } }),
    );
    expect(oneOff.ok).toBe(true);
  });

  it('the largest valid settings fit storage.sync’s 8,192-byte item quota', () => {
    const settings = defaultSettings();
    const long = 1 / 3;
    settings.model.tiers = Array.from({ length: MAX_TIERS }, (_, i) => [
      1.0000000000000002 + i,
      i === 0 ? 1 - (MAX_TIERS - 1) * (long / 1000) : long / 1000,
    ]) as typeof settings.model.tiers;
    settings.alerts.rules = Array.from({ length: MAX_ALERT_RULES }, (_, i) => ({
      id: `${'x'.repeat(38)}${String(i).padStart(2, '0')}`,
      asset: `${'A'.repeat(18)}${String(i).padStart(2, '0')}`,
      side: 'short' as const,
      withinPct: 24.999999999999996,
      aboveUsd: 123456789.12345679,
      enabled: i < MAX_ALERT_ASSETS,
    }));
    expect(SettingsSchema.safeParse(settings).success).toBe(true);
    const bytes = new TextEncoder().encode(
      STORAGE_KEYS.settings + JSON.stringify({ v: SETTINGS_VERSION, data: settings }),
    ).length;
    expect(bytes).toBeLessThan(8192);
  });
});
