import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type FieldErrors, type Path, pathKey } from './form-state';

export type OnField = (path: Path, value: unknown) => void;

interface Common {
  path: Path;
  label: string;
  hint?: string;
  errors: FieldErrors;
  onChange: OnField;
}

const idOf = (path: Path) => `f-${pathKey(path).replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Label, control, hint and the schema's message for this path, wired for screen readers. */
function FieldShell({
  path,
  label,
  hint,
  errors,
  children,
  inline = false,
}: Omit<Common, 'onChange'> & {
  children: (id: string, describedBy: string) => ComponentChildren;
  inline?: boolean;
}) {
  const id = idOf(path);
  const error = errors.get(pathKey(path));
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${inline ? ' inline' : ''}${error ? ' invalid' : ''}`} data-path={pathKey(path)}>
      <label for={id}>{label}</label>
      <div class="control">
        {children(id, describedBy)}
        {hint && (
          <span id={`${id}-hint`} class="hint">
            {hint}
          </span>
        )}
        {error && (
          <span id={`${id}-error`} class="error" role="alert">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}

/** A number typed as text, so "0." or "-" survive re-renders; anything unparsable becomes NaN for zod to name. */
export function NumberField(
  props: Common & { value: number; unit?: string; integer?: boolean; readout?: (value: number) => string },
) {
  const { value, path, onChange } = props;
  const [text, setText] = useState(() => numberText(value));
  useEffect(() => {
    if (parseNumber(text) !== value && !(Number.isNaN(value) && Number.isNaN(parseNumber(text)))) {
      setText(numberText(value));
    }
  }, [value]);
  return (
    <FieldShell {...props}>
      {(id, describedBy) => (
        <span class="with-unit">
          <input
            id={id}
            type="text"
            inputMode={props.integer ? 'numeric' : 'decimal'}
            class="num-input"
            value={text}
            aria-invalid={props.errors.has(pathKey(path))}
            aria-describedby={describedBy || undefined}
            onInput={(e) => {
              const next = (e.currentTarget as HTMLInputElement).value;
              setText(next);
              onChange(path, parseNumber(next));
            }}
          />
          {props.unit && <span class="unit">{props.unit}</span>}
          {props.readout && Number.isFinite(value) && <span class="readout">{props.readout(value)}</span>}
        </span>
      )}
    </FieldShell>
  );
}

function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** `1,000,000`, `1e6` and ` 25 ` are numbers; an empty or partial entry is NaN. */
export function parseNumber(text: string): number {
  const cleaned = text.replace(/[,_\s]/g, '');
  if (cleaned === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

export function CheckboxField(props: Common & { value: boolean }) {
  const { path, onChange } = props;
  return (
    <FieldShell {...props} inline>
      {(id, describedBy) => (
        <input
          id={id}
          type="checkbox"
          checked={props.value}
          aria-describedby={describedBy || undefined}
          onChange={(e) => onChange(path, (e.currentTarget as HTMLInputElement).checked)}
        />
      )}
    </FieldShell>
  );
}

export function SelectField<T extends string>(
  props: Common & { value: T; options: readonly { value: T; label: string }[] },
) {
  const { path, onChange } = props;
  return (
    <FieldShell {...props}>
      {(id, describedBy) => (
        <select
          id={id}
          value={props.value}
          aria-describedby={describedBy || undefined}
          onChange={(e) => onChange(path, (e.currentTarget as HTMLSelectElement).value)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A colour picker and its hex text side by side; either edits the same value. */
export function ColorField(props: Common & { value: string }) {
  const { path, onChange, value } = props;
  const valid = /^#[0-9a-fA-F]{6}$/.test(value);
  return (
    <FieldShell {...props}>
      {(id, describedBy) => (
        <span class="color-pair">
          <input
            type="color"
            value={valid ? value.toLowerCase() : '#000000'}
            aria-label={`${props.label} picker`}
            onInput={(e) => onChange(path, (e.currentTarget as HTMLInputElement).value)}
          />
          <input
            id={id}
            type="text"
            class="hex-input"
            value={value}
            spellcheck={false}
            aria-invalid={props.errors.has(pathKey(path))}
            aria-describedby={describedBy || undefined}
            onInput={(e) => onChange(path, (e.currentTarget as HTMLInputElement).value.trim())}
          />
        </span>
      )}
    </FieldShell>
  );
}

export function TextField(props: Common & { value: string; secret?: boolean; placeholder?: string }) {
  const { path, onChange } = props;
  const [shown, setShown] = useState(false);
  return (
    <FieldShell {...props}>
      {(id, describedBy) => (
        <span class="with-unit">
          <input
            id={id}
            // The typings split text and password inputs; the same props fit both.
            type={(props.secret && !shown ? 'password' : 'text') as 'text'}
            value={props.value}
            placeholder={props.placeholder}
            autocomplete="off"
            spellcheck={false}
            aria-invalid={props.errors.has(pathKey(path))}
            aria-describedby={describedBy || undefined}
            onInput={(e) => onChange(path, (e.currentTarget as HTMLInputElement).value)}
          />
          {props.secret && (
            <button type="button" onClick={() => setShown(!shown)} aria-pressed={shown}>
              {shown ? 'Hide' : 'Show'}
            </button>
          )}
        </span>
      )}
    </FieldShell>
  );
}
