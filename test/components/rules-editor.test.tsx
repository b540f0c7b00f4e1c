// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { OnField } from '../../components/options/fields';
import type { FieldErrors } from '../../components/options/form-state';
import {
  ESTIMATE_RULES,
  REALISED_RULES,
  type RuleBase,
  type RuleKind,
  RulesEditor,
} from '../../components/options/RulesEditor';
import { AlertRuleSchema, RealisedAlertRuleSchema } from '../../lib/settings/schema';
import { domRoot } from '../fixtures/dom-root';

const mount = domRoot();

function show<R extends RuleBase>(
  kind: RuleKind<R>,
  rules: R[],
  onChange: OnField,
  errors: FieldErrors = new Map(),
) {
  act(() =>
    render(
      <RulesEditor kind={kind} rules={rules} errors={errors} onChange={onChange} newId={() => 'new'} />,
      mount.el,
    ),
  );
}

const button = (name: string) =>
  [...mount.el.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const rule = RealisedAlertRuleSchema.parse({
  id: 'r1',
  asset: 'ETH',
  side: 'long',
  aboveUsd: 5e6,
  withinMinutes: 10,
});

describe('RulesEditor, realised rules', () => {
  it('adds a valid rule with the defaults', () => {
    const onChange = vi.fn();
    show(REALISED_RULES, [], onChange);
    expect(mount.el.textContent).toContain('No realised alert rules.');
    expect(mount.el.textContent).toContain('Realised');
    act(() => button('Add realised alert rule').click());
    const [path, rules] = onChange.mock.calls[0] as [unknown, unknown[]];
    expect(path).toEqual(['alerts', 'realisedRules']);
    expect(RealisedAlertRuleSchema.safeParse(rules[0]).success).toBe(true);
  });

  it('shows each field of a rule, upper-cases the asset, removes a rule, and shows errors beside fields', () => {
    const onChange = vi.fn();
    const errors: FieldErrors = new Map([['alerts.realisedRules[0].withinMinutes', 'at most 60 minutes']]);
    show(REALISED_RULES, [rule], onChange, errors);
    for (const name of ['asset', 'side', 'aboveUsd', 'withinMinutes', 'cooldownMinutes', 'enabled'])
      expect(mount.el.querySelector(`[data-path="alerts.realisedRules[0].${name}"]`)).not.toBeNull();
    expect(
      mount.el.querySelector('[data-path="alerts.realisedRules[0].withinMinutes"] .error')?.textContent,
    ).toBe('at most 60 minutes');
    const asset = mount.el.querySelector(
      '[data-path="alerts.realisedRules[0].asset"] input',
    ) as HTMLInputElement;
    asset.value = 'sol';
    act(() => {
      asset.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith(['alerts', 'realisedRules', 0, 'asset'], 'SOL');
    act(() =>
      (
        mount.el.querySelector('[aria-label="Remove the ETH realised long rule"]') as HTMLButtonElement
      ).click(),
    );
    expect(onChange).toHaveBeenLastCalledWith(['alerts', 'realisedRules'], []);
  });
});

describe('RulesEditor, estimate rules', () => {
  const estimate = AlertRuleSchema.parse({
    id: 'a1',
    asset: 'BTC',
    side: 'short',
    withinPct: 2,
    aboveUsd: 5e8,
  });

  it('adds a valid rule with the defaults, and has no realised hint', () => {
    const onChange = vi.fn();
    show(ESTIMATE_RULES, [], onChange);
    expect(mount.el.textContent).toContain('No alert rules.');
    expect(mount.el.textContent).not.toContain('Realised');
    act(() => button('Add alert rule').click());
    const [path, rules] = onChange.mock.calls[0] as [unknown, unknown[]];
    expect(path).toEqual(['alerts', 'rules']);
    expect(AlertRuleSchema.safeParse(rules[0]).success).toBe(true);
  });

  it('shows each field of a rule under its own path, the list error, and removes a rule', () => {
    const onChange = vi.fn();
    const errors: FieldErrors = new Map([['alerts.rules', 'two rules for BTC shorts']]);
    show(ESTIMATE_RULES, [estimate], onChange, errors);
    expect(mount.el.querySelector('[data-rule="a1"]')).not.toBeNull();
    for (const name of ['asset', 'side', 'withinPct', 'aboveUsd', 'enabled'])
      expect(mount.el.querySelector(`[data-path="alerts.rules[0].${name}"]`)).not.toBeNull();
    expect(mount.el.querySelector('[data-path="alerts.rules[0].withinMinutes"]')).toBeNull();
    expect(mount.el.querySelector('.rules > [role="alert"]')?.textContent).toBe('two rules for BTC shorts');
    act(() =>
      (mount.el.querySelector('[aria-label="Remove the BTC short rule"]') as HTMLButtonElement).click(),
    );
    expect(onChange).toHaveBeenLastCalledWith(['alerts', 'rules'], []);
  });
});
