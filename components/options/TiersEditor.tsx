import { formatPercent } from '../../lib/format';
import { NumberField, type OnField } from './fields';
import type { FieldErrors } from './form-state';

interface Props {
  tiers: readonly (readonly [number, number])[];
  errors: FieldErrors;
  onChange: OnField;
}

/** Leverage tiers and the share of new notional at each; the schema checks that shares sum to 1. */
export function TiersEditor({ tiers, errors, onChange }: Props) {
  const sum = tiers.reduce((s, [, share]) => s + (Number.isFinite(share) ? share : 0), 0);
  const groupError = errors.get('model.tiers');
  return (
    <fieldset class="tiers">
      <legend class="group-label">Leverage tiers</legend>
      {tiers.map(([leverage, share], i) => (
        <div class="tier" key={i}>
          <NumberField
            path={['model', 'tiers', i, 0]}
            label={`Tier ${i + 1} leverage`}
            unit="×"
            value={leverage}
            errors={errors}
            onChange={onChange}
          />
          <NumberField
            path={['model', 'tiers', i, 1]}
            label="share"
            value={share}
            errors={errors}
            onChange={onChange}
          />
          <button
            type="button"
            aria-label={`Remove tier ${i + 1}`}
            disabled={tiers.length <= 1}
            onClick={() =>
              onChange(
                ['model', 'tiers'],
                tiers.filter((_, j) => j !== i),
              )
            }
          >
            Remove
          </button>
        </div>
      ))}
      <div class="tier-foot">
        <button type="button" onClick={() => onChange(['model', 'tiers'], [...tiers, [20, 0]])}>
          Add tier
        </button>
        <span class="hint num">Shares sum to {formatPercent(sum * 100, 1)}</span>
        {groupError && (
          <span class="error" role="alert">
            {groupError}
          </span>
        )}
      </div>
    </fieldset>
  );
}
