import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../lib/model/params';
import { defaultSettings, SettingsSchema } from '../../lib/settings/schema';
import { parseWithFallback } from '../../lib/storage/repair';

const rule = (id: string, asset = 'BTC') => ({
  id,
  asset,
  side: 'short',
  withinPct: 2,
  aboveUsd: 1e9,
  enabled: true,
});

describe('parseWithFallback', () => {
  it('returns valid data unchanged with no issues', () => {
    const data = { ...defaultSettings(), refreshSeconds: 120 };
    const { value, issues } = parseWithFallback(SettingsSchema, data, defaultSettings());
    expect(issues).toEqual([]);
    expect(value.refreshSeconds).toBe(120);
  });

  it('resets only the invalid fields and names them', () => {
    const data = { display: { opacity: 7, longColor: '#000000' }, refreshSeconds: 5, sites: { okx: false } };
    const { value, issues } = parseWithFallback(SettingsSchema, data, defaultSettings());
    expect(value.display.opacity).toBe(0.35);
    expect(value.display.longColor).toBe('#000000');
    expect(value.refreshSeconds).toBe(60);
    expect(value.sites.okx).toBe(false);
    expect(issues.map((i) => i.path).sort()).toEqual(['display.opacity', 'refreshSeconds']);
    expect(issues.every((i) => i.message.endsWith('default used'))).toBe(true);
  });

  it('removes unknown fields and reports each', () => {
    const { value, issues } = parseWithFallback(
      SettingsSchema,
      { display: { colour: 1 }, extra: true },
      defaultSettings(),
    );
    expect(value).toEqual(defaultSettings());
    expect(issues.map((i) => i.path).sort()).toEqual(['display.colour', 'extra']);
  });

  it('drops a bad alert rule but keeps the good ones', () => {
    const data = { alerts: { rules: [rule('a'), rule('b', 'bad asset'), rule('c')] } };
    const { value, issues } = parseWithFallback(SettingsSchema, data, defaultSettings());
    expect(value.alerts.rules.map((r) => r.id)).toEqual(['a', 'c']);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('alerts.rules[1].asset');
  });

  it('resets the model tiers whole when one tier is bad', () => {
    const tiers = [
      [5, 0.5],
      [0.5, 0.5],
    ];
    const { value, issues } = parseWithFallback(
      SettingsSchema,
      { model: { ...DEFAULT_PARAMS, tiers } },
      defaultSettings(),
    );
    expect(value.model.tiers).toEqual(DEFAULT_PARAMS.tiers);
    expect(issues[0]?.path).toBe('model.tiers[1][0]');
  });

  it('escalates to the group when a field reset to default still fails a cross-field rule', () => {
    // rangePct 2 < default movePct 3: resetting movePct cannot help, so the model group falls back.
    const data = { model: { ...DEFAULT_PARAMS, rangePct: 2, movePct: 2.5, mmr: 0.01 } };
    const { value, issues } = parseWithFallback(
      SettingsSchema,
      { ...data, refreshSeconds: 90 },
      defaultSettings(),
    );
    expect(value.model).toEqual(DEFAULT_PARAMS);
    expect(value.refreshSeconds).toBe(90);
    expect(issues.map((i) => i.path)).toEqual(['model.movePct', 'model.movePct']);
  });

  it('falls back to the defaults for a value that is not an object', () => {
    for (const data of ['x', 3, [1, 2], null]) {
      const { value, issues } = parseWithFallback(SettingsSchema, data, defaultSettings());
      expect(value).toEqual(defaultSettings());
      expect(issues).toHaveLength(1);
    }
  });
});
