// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldErrors } from '../../components/options/form-state';
import { RealisedRulesEditor } from '../../components/options/RealisedRulesEditor';
import { RealisedAlertRuleSchema } from '../../lib/settings/schema';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const rule = RealisedAlertRuleSchema.parse({
  id: 'r1',
  asset: 'ETH',
  side: 'long',
  aboveUsd: 5e6,
  withinMinutes: 10,
});

describe('RealisedRulesEditor', () => {
  it('adds a valid rule with the defaults', () => {
    const onChange = vi.fn();
    act(() =>
      render(
        <RealisedRulesEditor rules={[]} errors={new Map()} onChange={onChange} newId={() => 'new'} />,
        root,
      ),
    );
    expect(root.textContent).toContain('No realised alert rules.');
    expect(root.textContent).toContain('Realised');
    act(() => button('Add realised alert rule').click());
    const [path, rules] = onChange.mock.calls[0] as [unknown, unknown[]];
    expect(path).toEqual(['alerts', 'realisedRules']);
    expect(RealisedAlertRuleSchema.safeParse(rules[0]).success).toBe(true);
  });

  it('shows each field of a rule, upper-cases the asset, removes a rule, and shows errors beside fields', () => {
    const onChange = vi.fn();
    const errors: FieldErrors = new Map([['alerts.realisedRules[0].withinMinutes', 'at most 60 minutes']]);
    act(() =>
      render(
        <RealisedRulesEditor rules={[rule]} errors={errors} onChange={onChange} newId={() => 'new'} />,
        root,
      ),
    );
    for (const name of ['asset', 'side', 'aboveUsd', 'withinMinutes', 'cooldownMinutes', 'enabled'])
      expect(root.querySelector(`[data-path="alerts.realisedRules[0].${name}"]`)).not.toBeNull();
    expect(
      root.querySelector('[data-path="alerts.realisedRules[0].withinMinutes"] .error')?.textContent,
    ).toBe('at most 60 minutes');
    const asset = root.querySelector('[data-path="alerts.realisedRules[0].asset"] input') as HTMLInputElement;
    asset.value = 'sol';
    act(() => {
      asset.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith(['alerts', 'realisedRules', 0, 'asset'], 'SOL');
    act(() =>
      (root.querySelector('[aria-label="Remove the ETH realised long rule"]') as HTMLButtonElement).click(),
    );
    expect(onChange).toHaveBeenLastCalledWith(['alerts', 'realisedRules'], []);
  });
});
