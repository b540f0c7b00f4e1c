import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeRule, evaluateAlerts, measureRule } from '../../lib/background/alerts';
import type { AlertRule } from '../../lib/settings/schema';
import { defaultSettings } from '../../lib/settings/schema';
import { createSettingsStore } from '../../lib/settings/store';
import { sampleView } from '../fixtures/views';
import { harness, request, settle } from './harness';

// sampleView: price 100, bins of width 1 from 90; shorts $10M in [102, 103), longs $20M in [97, 98).
const shortsRule: AlertRule = {
  id: 'r1',
  asset: 'BTC',
  side: 'short',
  withinPct: 2.5,
  aboveUsd: 4e6,
  enabled: true,
};
const longsRule: AlertRule = {
  id: 'r2',
  asset: 'BTC',
  side: 'long',
  withinPct: 2.5,
  aboveUsd: 15e6,
  enabled: true,
};

describe('alert rules', () => {
  it('measures the rule with the at-risk rule of the model (partial bins pro rata)', () => {
    // (100, 102.5]: half of the short bin [102, 103) → $5M.
    const shorts = measureRule(shortsRule, sampleView());
    expect(shorts.notionalUsd).toBeCloseTo(5e6, 3);
    expect(shorts.movePrice).toBeCloseTo(102.5, 9);
    // [97.5, 100): half of the long bin [97, 98) → $10M.
    const longs = measureRule(longsRule, sampleView());
    expect(longs.notionalUsd).toBeCloseTo(10e6, 3);
    expect(longs.movePrice).toBeCloseTo(97.5, 9);
  });

  it('notifies once when the figure crosses the threshold, and again only after it re-arms', () => {
    const first = evaluateAlerts([shortsRule, longsRule], sampleView(), {});
    expect(first.notices.map((n) => n.ruleId)).toEqual(['r1']);
    expect(first.state).toEqual({ r1: true });
    expect(evaluateAlerts([shortsRule], sampleView(), first.state).notices).toEqual([]);
    // $3.7M is below the threshold but above 90 % of it: still armed-off.
    const dip = evaluateAlerts([{ ...shortsRule, aboveUsd: 5.2e6 }], sampleView(), first.state);
    expect(dip).toEqual({ notices: [], state: { r1: true } });
    const below = evaluateAlerts([{ ...shortsRule, aboveUsd: 6e6 }], sampleView(), first.state);
    expect(below.state).toEqual({});
    expect(evaluateAlerts([shortsRule], sampleView(), below.state).notices).toHaveLength(1);
  });

  it('skips disabled rules and rules of other assets', () => {
    const rules = [
      { ...shortsRule, enabled: false },
      { ...shortsRule, id: 'r3', asset: 'ETH' },
    ];
    expect(evaluateAlerts(rules, sampleView(), {}).notices).toEqual([]);
  });

  it('words the notice like the badge', () => {
    expect(describeRule(shortsRule, sampleView())).toEqual({
      ruleId: 'r1',
      title: 'LiqLens: BTC shorts at risk',
      message: '$5.0M of shorts liquidate by +2.5 % (102.50); alert above $4.0M',
    });
  });
});

describe('alerts in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  const saveRules = async (rules: AlertRule[]) => {
    const store = createSettingsStore({ shared: fakeBrowser.storage.sync, local: fakeBrowser.storage.local });
    const s = defaultSettings();
    expect((await store.save({ ...s, alerts: { enabled: true, rules } })).ok).toBe(true);
  };

  it('raises a notification after a refresh, once, and keeps the alert asset refreshed without a tab', async () => {
    const h = harness();
    const bg = h.boot();
    await saveRules([shortsRule]);
    await settle(bg);
    expect(h.notices.map((n) => n.id)).toEqual(['liqlens:alert:r1']);
    h.clock.advance(60_000);
    await bg.onAlarm('liqlens:refresh');
    await settle(bg);
    expect(h.fake.calls.map((c) => c.asset)).toEqual(['BTC', 'BTC']);
    expect(h.notices).toHaveLength(1);
    // A restarted worker remembers that r1 already rang.
    const again = h.boot();
    h.clock.advance(60_000);
    await again.onAlarm('liqlens:refresh');
    await settle(again);
    expect(h.notices).toHaveLength(1);
  });

  it('testAlert shows a notification with the rule’s current figure', async () => {
    const h = harness();
    const bg = h.boot();
    await saveRules([{ ...shortsRule, enabled: false }]);
    await settle(bg);
    expect(await request(bg, 'testAlert', { ruleId: 'r1' })).toEqual({
      shown: false,
      message: 'no data for BTC yet; open its chart or the popup first',
    });
    await bg.refresh('BTC');
    const shown = await request(bg, 'testAlert', { ruleId: 'r1' });
    expect(shown).toEqual({
      shown: true,
      message: '$5.0M of shorts liquidate by +2.5 % (102.50); alert above $4.0M',
    });
    expect(h.notices.at(-1)).toEqual({
      id: 'liqlens:test',
      notice: { title: 'Test · LiqLens: BTC shorts at risk', message: shown.message },
    });
    expect(await request(bg, 'testAlert', { ruleId: 'nope' })).toEqual({
      shown: false,
      message: 'no alert rule "nope"',
    });
    expect((await request(bg, 'testAlert', {})).shown).toBe(true);
  });

  it('says so when notifications are unavailable', async () => {
    const h = harness({ notify: false });
    expect(await request(h.boot(), 'testAlert', {})).toEqual({
      shown: false,
      message: 'notifications are not available in this browser',
    });
  });
});
