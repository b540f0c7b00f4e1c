import { type Settings, SettingsSchema } from '../../lib/settings/schema';
import { formatPath, type z } from '../../lib/util/zod';

export type Path = readonly (string | number)[];

/** The value at `path`, or undefined. */
export function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy of `value` with `path` set to `next`; arrays stay arrays. */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const source = (value ?? (typeof key === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(source) ? [...source] : { ...source }) as Record<string | number, unknown>;
  copy[key] = setAt(source[key], rest, next);
  return copy as T;
}

export type FieldErrors = ReadonlyMap<string, string>;

export interface Validation {
  settings: Settings | null;
  /** `display.opacity` → "opacity must be at most 1"; the first message per path. */
  errors: FieldErrors;
}

/** Checks a draft against the settings schema; messages keyed by field path, as the fields name them. */
export function validateDraft(draft: unknown): Validation {
  const parsed = SettingsSchema.safeParse(draft);
  if (parsed.success) return { settings: parsed.data, errors: new Map() };
  return { settings: null, errors: errorsByPath(parsed.error) };
}

export function errorsByPath(error: z.core.$ZodError): FieldErrors {
  const errors = new Map<string, string>();
  for (const issue of error.issues) {
    const key = formatPath(issue.path);
    if (!errors.has(key)) errors.set(key, issue.message);
  }
  return errors;
}

export function pathKey(path: Path): string {
  return formatPath(path);
}

/** Errors at `path` or below it that no field shows on its own (e.g. a rule that relates two fields). */
export function errorsUnder(errors: FieldErrors, path: Path, shown: readonly Path[]): string[] {
  const prefix = pathKey(path);
  const shownKeys = new Set(shown.map(pathKey));
  const out: string[] = [];
  for (const [key, message] of errors) {
    if (shownKeys.has(key)) continue;
    if (key === prefix || key.startsWith(`${prefix}.`) || key.startsWith(`${prefix}[`)) {
      out.push(key === prefix ? message : `${key.slice(prefix.length).replace(/^\./, '')}: ${message}`);
    }
  }
  return out;
}
