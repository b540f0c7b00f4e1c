import { ColorField, NumberField, type OnField, SelectField } from './fields';
import { type FieldErrors, getAt, type Path, pathKey } from './form-state';

interface SpecCommon {
  path: Path;
  label: string;
  hint?: string;
}

/** One settings field, described as data: its control reads the value at `path` from the draft. */
export type FieldSpec =
  | (SpecCommon & {
      kind: 'number';
      unit?: string;
      integer?: boolean;
      readout?: (value: number) => string;
    })
  | (SpecCommon & {
      kind: 'select';
      /** The choices for the current value (which may add it, when it is outside the usual list). */
      options: (current: string) => readonly { value: string; label: string }[];
    })
  | (SpecCommon & { kind: 'color' });

/** A run of field rows, in order, each bound to its path in `draft`. */
export function FieldRows(props: {
  specs: readonly FieldSpec[];
  draft: unknown;
  errors: FieldErrors;
  onChange: OnField;
}) {
  const { draft, errors, onChange } = props;
  return (
    <>
      {props.specs.map((spec) => {
        const common = { key: pathKey(spec.path), path: spec.path, label: spec.label, hint: spec.hint };
        const value = getAt(draft, spec.path);
        switch (spec.kind) {
          case 'number':
            return (
              <NumberField
                {...common}
                errors={errors}
                onChange={onChange}
                unit={spec.unit}
                integer={spec.integer}
                readout={spec.readout}
                value={value as number}
              />
            );
          case 'select':
            return (
              <SelectField
                {...common}
                errors={errors}
                onChange={onChange}
                value={value as string}
                options={spec.options(value as string)}
              />
            );
          default:
            return <ColorField {...common} errors={errors} onChange={onChange} value={value as string} />;
        }
      })}
    </>
  );
}
