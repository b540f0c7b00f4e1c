import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../lib/model/params';
import { defaultSettings, SettingsSchema } from '../../lib/settings/schema';
import { SITES } from '../../lib/sites/index';
import { SITE_IDS } from '../../lib/sites/site-list';

describe('settings schema', () => {
  it('gives every setting a default', () => {
    const s = defaultSettings();
    expect(s.venues).toEqual({ binance: true, bybit: true, okx: true, hyperliquid: true });
    expect(s.model).toEqual(DEFAULT_PARAMS);
    expect(s.display).toEqual({
      minBandUsd: 1_000_000,
      bandsPerSide: 3,
      longColor: '#2f80ed',
      shortColor: '#f2994a',
      opacity: 0.35,
      badgeCorner: 'top-right',
      calibratedAtRisk: false,
      heatmap: true,
      profile: true,
    });
    expect(s.sites).toEqual({ tradingview: true, binance: true, bybit: true, okx: true, hyperliquid: true });
    expect(s.refreshSeconds).toBe(60);
    expect(s.alerts).toEqual({ enabled: true, rules: [], realisedRules: [] });
    expect(s.coinglassKey).toBeNull();
  });

  it('reads settings stored before model v2 as v1 with calibration off', () => {
    const { version: _, ...before } = DEFAULT_PARAMS;
    const s = SettingsSchema.parse({ model: before, display: { opacity: 0.5 } });
    expect(s.model.version).toBe('v1');
    expect(s.display.calibratedAtRisk).toBe(false);
  });

  it('keeps the default model parameters independent of the shared constant', () => {
    const a = defaultSettings();
    a.model.tiers.splice(0, 1, [7, 0.15]);
    expect(defaultSettings().model.tiers[0]).toEqual([5, 0.15]);
    expect(DEFAULT_PARAMS.tiers[0]).toEqual([5, 0.15]);
  });

  it('fills missing fields inside a group from their defaults', () => {
    const s = SettingsSchema.parse({ display: { opacity: 0.5 } });
    expect(s.display.opacity).toBe(0.5);
    expect(s.display.bandsPerSide).toBe(3);
  });

  it.each([
    [{ refreshSeconds: 29 }, 'refreshSeconds'],
    [{ refreshSeconds: 60.5 }, 'refreshSeconds'],
    [{ display: { longColor: 'blue' } }, 'display.longColor'],
    [{ display: { opacity: 1.2 } }, 'display.opacity'],
    [{ display: { badgeCorner: 'middle' } }, 'display.badgeCorner'],
    [{ venues: { binance: false, bybit: false, okx: false, hyperliquid: false } }, 'venues'],
    [{ model: { ...DEFAULT_PARAMS, movePct: 30 } }, 'model.movePct'],
    [{ model: { ...DEFAULT_PARAMS, interval: '2m' } }, 'model.interval'],
    [{ model: { ...DEFAULT_PARAMS, interval: '4h', window: '30h' } }, 'model.window'],
    [{ model: { ...DEFAULT_PARAMS, window: '31d' } }, 'model.window'],
    [
      { alerts: { rules: [{ id: 'a', asset: 'btc', side: 'short', withinPct: 2, aboveUsd: 1e9 }] } },
      'alerts.rules[0].asset',
    ],
    [{ colour: 'red' }, ''],
  ])('rejects %j at %s', (input, path) => {
    const result = SettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.').replace(/\.(\d+)/g, '[$1]'));
    expect(paths).toContain(path);
  });

  it('accepts a window of whole candles of a served interval', () => {
    expect(
      SettingsSchema.safeParse({ model: { ...DEFAULT_PARAMS, interval: '4h', window: '1d' } }).success,
    ).toBe(true);
    expect(
      SettingsSchema.safeParse({ model: { ...DEFAULT_PARAMS, interval: '5m', window: '30d' } }).success,
    ).toBe(true);
  });

  it('rejects duplicate alert rule ids', () => {
    const rule = { id: 'x', asset: 'BTC', side: 'short', withinPct: 2, aboveUsd: 1e9 };
    expect(SettingsSchema.safeParse({ alerts: { rules: [rule, rule] } }).success).toBe(false);
  });

  it('has a per-site switch for every registered site and no other', () => {
    expect(Object.keys(defaultSettings().sites)).toEqual([...SITE_IDS]);
    expect(SITES.map((site) => site.id)).toEqual([...SITE_IDS]);
  });
});
