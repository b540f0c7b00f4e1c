import type { HostId, SourceFailure } from '../../http/types';
import { err, ok, type Result } from '../../util/result';
import { formatPath, z } from '../../util/zod';
import { failure } from './failure';

/**
 * Parses a venue response with `schema`. A mismatch becomes one `bad-response` failure naming venue,
 * endpoint and the first offending field path — "Bybit kline: result.list[0][4]: expected a number
 * string, got "NaN"" — with `path` set to that field path ("" for the top level) and a count of any
 * further issues.
 */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  json: unknown,
  host: HostId,
  endpoint: string,
): Result<z.output<S>, SourceFailure> {
  const parsed = z.safeParse(schema, json);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues;
  const first = issues[0];
  const path = first ? formatPath(first.path) : '';
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const what = first ? readable(first.message) : 'unexpected response';
  return err(failure('bad-response', host, endpoint, `${path ? `${path}: ` : ''}${what}${more}`, { path }));
}

/** zod's "Invalid input: expected string, received undefined" reads better as "missing (expected string)". */
function readable(message: string): string {
  const missing = /^Invalid input: expected (.+), received undefined$/.exec(message);
  return missing ? `missing (expected ${missing[1]})` : message.replace(/^Invalid input: /, '');
}
