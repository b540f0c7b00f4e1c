import { formatUsd } from '../../lib/format';
import type { RealisedAlertRule } from '../../lib/settings/schema';
import { CheckboxField, NumberField, type OnField, SelectField, TextField } from './fields';
import type { FieldErrors } from './form-state';

interface Props {
  rules: readonly RealisedAlertRule[];
  errors: FieldErrors;
  onChange: OnField;
  newId: () => string;
}

const SIDES = [
  { value: 'short', label: 'Shorts liquidated' },
  { value: 'long', label: 'Longs liquidated' },
] as const;

/** "Notify me when at least $x of longs (or shorts) is liquidated within n minutes" (realised prints). */
export function RealisedRulesEditor({ rules, errors, onChange, newId }: Props) {
  const groupError = errors.get('alerts.realisedRules');
  return (
    <div class="rules realised-rules">
      <p class="hint">Realised: liquidations the venues reported (Bybit, OKX, Binance), not estimates.</p>
      {rules.length === 0 && <p class="hint">No realised alert rules.</p>}
      {rules.map((rule, i) => {
        const base = ['alerts', 'realisedRules', i] as const;
        return (
          <div class="rule" key={rule.id} data-realised-rule={rule.id}>
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
              path={[...base, 'aboveUsd']}
              label="At least"
              unit="USD"
              readout={formatUsd}
              value={rule.aboveUsd}
              errors={errors}
              onChange={onChange}
            />
            <NumberField
              path={[...base, 'withinMinutes']}
              label="Within"
              unit="min"
              integer
              value={rule.withinMinutes}
              errors={errors}
              onChange={onChange}
            />
            <NumberField
              path={[...base, 'cooldownMinutes']}
              label="Quiet for"
              unit="min"
              integer
              value={rule.cooldownMinutes}
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
              aria-label={`Remove the ${rule.asset} realised ${rule.side} rule`}
              onClick={() =>
                onChange(
                  ['alerts', 'realisedRules'],
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
            ['alerts', 'realisedRules'],
            [
              ...rules,
              {
                id: newId(),
                asset: 'BTC',
                side: 'short',
                aboveUsd: 10_000_000,
                withinMinutes: 5,
                cooldownMinutes: 30,
                enabled: true,
              },
            ],
          )
        }
      >
        Add realised alert rule
      </button>
      {groupError && (
        <span class="error" role="alert">
          {groupError}
        </span>
      )}
    </div>
  );
}
