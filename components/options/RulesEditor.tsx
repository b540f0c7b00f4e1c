import { formatUsd } from '../../lib/format';
import type { AlertRule, RealisedAlertRule } from '../../lib/settings/schema';
import { CheckboxField, NumberField, type OnField, SelectField, TextField } from './fields';
import type { FieldErrors } from './form-state';

/** What every alert rule has, whatever it watches. */
export interface RuleBase {
  id: string;
  asset: string;
  side: 'long' | 'short';
  enabled: boolean;
}

/** One number of a rule, as its editor shows it. */
interface NumberSpec<R> {
  key: keyof R & string;
  label: string;
  unit: string;
  integer?: boolean;
  readout?: (value: number) => string;
}

/** What tells one kind of alert rule from the other: where it is kept, its words, its numbers, a new rule. */
export interface RuleKind<R extends RuleBase> {
  group: 'rules' | 'realisedRules';
  /** The rule element's data attribute, naming the rule's id. */
  dataAttribute: string;
  /** "alert rule": the add button, the empty list and the remove button's label say it. */
  noun: string;
  /** A word before the side in the remove button's label ("realised"), if any. */
  removeWord?: string;
  hint?: string;
  sides: readonly { value: RuleBase['side']; label: string }[];
  numbers: readonly NumberSpec<R>[];
  blank: (id: string) => R;
}

/** "Notify me when shorts (or longs) at risk within x % exceed $y." */
export const ESTIMATE_RULES: RuleKind<AlertRule> = {
  group: 'rules',
  dataAttribute: 'data-rule',
  noun: 'alert rule',
  sides: [
    { value: 'short', label: 'Shorts (price up)' },
    { value: 'long', label: 'Longs (price down)' },
  ],
  numbers: [
    { key: 'withinPct', label: 'Within', unit: '%' },
    { key: 'aboveUsd', label: 'Above', unit: 'USD', readout: formatUsd },
  ],
  blank: (id) => ({ id, asset: 'BTC', side: 'short', withinPct: 3, aboveUsd: 1e9, enabled: true }),
};

/** "Notify me when at least $x of longs (or shorts) is liquidated within n minutes" (realised prints). */
export const REALISED_RULES: RuleKind<RealisedAlertRule> = {
  group: 'realisedRules',
  dataAttribute: 'data-realised-rule',
  noun: 'realised alert rule',
  removeWord: 'realised',
  hint: 'Realised: liquidations the venues reported (Bybit, OKX, Binance), not estimates.',
  sides: [
    { value: 'short', label: 'Shorts liquidated' },
    { value: 'long', label: 'Longs liquidated' },
  ],
  numbers: [
    { key: 'aboveUsd', label: 'At least', unit: 'USD', readout: formatUsd },
    { key: 'withinMinutes', label: 'Within', unit: 'min', integer: true },
    { key: 'cooldownMinutes', label: 'Quiet for', unit: 'min', integer: true },
  ],
  blank: (id) => ({
    id,
    asset: 'BTC',
    side: 'short',
    aboveUsd: 10_000_000,
    withinMinutes: 5,
    cooldownMinutes: 30,
    enabled: true,
  }),
};

interface Props<R extends RuleBase> {
  kind: RuleKind<R>;
  rules: readonly R[];
  errors: FieldErrors;
  onChange: OnField;
  newId: () => string;
}

/** The list of one kind of alert rule: each rule's fields, remove, add, and the list's own error. */
export function RulesEditor<R extends RuleBase>({ kind, rules, errors, onChange, newId }: Props<R>) {
  const groupError = errors.get(`alerts.${kind.group}`);
  const removeWord = kind.removeWord ? `${kind.removeWord} ` : '';
  return (
    <div class={kind.group === 'rules' ? 'rules' : 'rules realised-rules'}>
      {kind.hint && <p class="hint">{kind.hint}</p>}
      {rules.length === 0 && <p class="hint">No {kind.noun}s.</p>}
      {rules.map((rule, i) => {
        const base = ['alerts', kind.group, i] as const;
        return (
          <div class="rule" key={rule.id} {...{ [kind.dataAttribute]: rule.id }}>
            <TextField
              path={[...base, 'asset']}
              label="Asset"
              value={rule.asset}
              errors={errors}
              onChange={(p, v) => onChange(p, String(v).toUpperCase())}
            />
            <SelectField
              path={[...base, 'side']}
              label="Side"
              value={rule.side}
              options={kind.sides}
              errors={errors}
              onChange={onChange}
            />
            {kind.numbers.map((n) => (
              <NumberField
                key={n.key}
                path={[...base, n.key]}
                label={n.label}
                unit={n.unit}
                integer={n.integer}
                readout={n.readout}
                value={rule[n.key] as number}
                errors={errors}
                onChange={onChange}
              />
            ))}
            <CheckboxField
              path={[...base, 'enabled']}
              label="On"
              value={rule.enabled}
              errors={errors}
              onChange={onChange}
            />
            <button
              type="button"
              aria-label={`Remove the ${rule.asset} ${removeWord}${rule.side} rule`}
              onClick={() =>
                onChange(
                  ['alerts', kind.group],
                  rules.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange(['alerts', kind.group], [...rules, kind.blank(newId())])}>
        Add {kind.noun}
      </button>
      {groupError && (
        <span class="error" role="alert">
          {groupError}
        </span>
      )}
    </div>
  );
}
