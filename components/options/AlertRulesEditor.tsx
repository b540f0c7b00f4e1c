import { formatUsd } from '../../lib/format';
import type { AlertRule } from '../../lib/settings/schema';
import { CheckboxField, NumberField, type OnField, SelectField, TextField } from './fields';
import type { FieldErrors } from './form-state';

interface Props {
  rules: readonly AlertRule[];
  errors: FieldErrors;
  onChange: OnField;
  newId: () => string;
}

const SIDES = [
  { value: 'short', label: 'Shorts (price up)' },
  { value: 'long', label: 'Longs (price down)' },
] as const;

/** "Notify me when shorts (or longs) at risk within x % exceed $y." */
export function AlertRulesEditor({ rules, errors, onChange, newId }: Props) {
  const groupError = errors.get('alerts.rules');
  return (
    <div class="rules">
      {rules.length === 0 && <p class="hint">No alert rules.</p>}
      {rules.map((rule, i) => {
        const base = ['alerts', 'rules', i] as const;
        return (
          <div class="rule" key={rule.id} data-rule={rule.id}>
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
              options={SIDES}
              errors={errors}
              onChange={onChange}
            />
            <NumberField
              path={[...base, 'withinPct']}
              label="Within"
              unit="%"
              value={rule.withinPct}
              errors={errors}
              onChange={onChange}
            />
            <NumberField
              path={[...base, 'aboveUsd']}
              label="Above"
              unit="USD"
              readout={formatUsd}
              value={rule.aboveUsd}
              errors={errors}
              onChange={onChange}
            />
            <CheckboxField
              path={[...base, 'enabled']}
              label="On"
              value={rule.enabled}
              errors={errors}
              onChange={onChange}
            />
            <button
              type="button"
              aria-label={`Remove the ${rule.asset} ${rule.side} rule`}
              onClick={() =>
                onChange(
                  ['alerts', 'rules'],
                  rules.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() =>
          onChange(
            ['alerts', 'rules'],
            [
              ...rules,
              { id: newId(), asset: 'BTC', side: 'short', withinPct: 3, aboveUsd: 1e9, enabled: true },
            ],
          )
        }
      >
        Add alert rule
      </button>
      {groupError && (
        <span class="error" role="alert">
          {groupError}
        </span>
      )}
    </div>
  );
}
