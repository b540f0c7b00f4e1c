import * as z from 'zod/mini';
import { localeError } from './zod-locale';

// zod/mini ships without a locale; without one every message reads "Invalid input".
z.config({ localeError });

export { z };

/** One line per issue, `path: message`, for a person to read. */
export function describeZodError(error: z.core.$ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const path = formatPath(issue.path);
      const where = prefix ? (path ? `${prefix}.${path}` : prefix) : path;
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
