import { describe, expect, it } from 'vitest';
import { evaluateRealisedAlerts, realisedWithin } from '../../lib/background/realised-alerts';
import type { LiqPrint } from '../../lib/liquidations/types';
import { RealisedAlertRuleSchema, SettingsSchema } from '../../lib/settings/schema';

const NOW = 1_800_000_000_000;
const MIN = 60_000;
const p = (ago: number, side: LiqPrint['side'], usd: number): LiqPrint => ({
  venue: 'bybit',
  instrument: 'BTCUSDT',
  side,
  price: 100_000,
  size: usd / 100_000,
  notionalUsd: usd,
  time: NOW - ago,
});
const rule = RealisedAlertRuleSchema.parse({
  id: 'r1',
  asset: 'BTC',
  side: 'short',
  aboveUsd: 1_000_000,
  withinMinutes: 5,
});

describe('realised alert rule', () => {
  it('sums the side within N minutes', () => {
    const prints = [
      p(1 * MIN, 'short', 600_000),
      p(4 * MIN, 'short', 500_000),
      p(6 * MIN, 'short', 9e9),
      p(0, 'long', 9e9),
    ];
    expect(realisedWithin(rule, prints, NOW)).toBe(1_100_000);
  });

  it('fires at the threshold once, stays quiet through its cooldown, then may fire again', () => {
    const prints = [p(MIN, 'short', 1_000_000)];
    const first = evaluateRealisedAlerts([rule], 'BTC', prints, NOW, {});
    expect(first.notices).toHaveLength(1);
    expect(first.notices[0]?.title).toMatch(/BTC shorts liquidated \(realised\)/);
    expect(first.notices[0]?.message).toMatch(/^\$1\.0M of shorts liquidated in the last 5 min \(realised/);
    const again = evaluateRealisedAlerts(
      [rule],
      'BTC',
      [...prints, p(0, 'short', 5e6)],
      NOW + 29 * MIN,
      first.state,
    );
    expect(again.notices).toHaveLength(0);
    const later = evaluateRealisedAlerts(
      [rule],
      'BTC',
      [p(0, 'short', 2e6)].map((x) => ({ ...x, time: NOW + 30 * MIN })),
      NOW + 30 * MIN,
      again.state,
    );
    expect(later.notices).toHaveLength(1);
  });

  it('below the threshold, another asset, or disabled: nothing', () => {
    expect(evaluateRealisedAlerts([rule], 'BTC', [p(0, 'short', 999_999)], NOW, {}).notices).toHaveLength(0);
    expect(evaluateRealisedAlerts([rule], 'ETH', [p(0, 'short', 5e6)], NOW, {}).notices).toHaveLength(0);
    expect(
      evaluateRealisedAlerts([{ ...rule, enabled: false }], 'BTC', [p(0, 'short', 5e6)], NOW, {}).notices,
    ).toHaveLength(0);
  });

  it('the settings are bounded and default to no rule and a 30-minute cooldown', () => {
    expect(SettingsSchema.parse({}).alerts.realisedRules).toEqual([]);
    expect(rule.cooldownMinutes).toBe(30);
    for (const bad of [
      { withinMinutes: 0 },
      { withinMinutes: 61 },
      { aboveUsd: 0 },
      { withinMinutes: 2.5 },
      { cooldownMinutes: 2000 },
    ]) {
      expect(RealisedAlertRuleSchema.safeParse({ ...rule, ...bad }).success).toBe(false);
    }
    const twice = SettingsSchema.safeParse({ alerts: { realisedRules: [rule, rule] } });
    expect(twice.success).toBe(false);
  });
});
