import { isRecord } from '../util/is-record';
import { formatPath, type z } from '../util/zod';
import type { ItemIssue } from './versioned-item';

type Path = (string | number)[];

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

function getIn(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function setIn(root: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

type Fix = { kind: 'reset'; path: Path } | { kind: 'drop'; path: Path; index: number };

/**
 * Where to repair for an issue at `path`: the field itself, except inside arrays. An array whose default is
 * empty is a user's list (alert rules): the bad element is dropped and the others kept. Any other array
 * (model tiers) is one value and is reset whole, since its elements only make sense together.
 */
function fixFor(path: Path, defaults: unknown): Fix {
  for (let i = 0; i < path.length; i++) {
    const container = getIn(defaults, path.slice(0, i));
    if (Array.isArray(container)) {
      const index = path[i];
      if (container.length === 0 && typeof index === 'number')
        return { kind: 'drop', path: path.slice(0, i), index };
      return { kind: 'reset', path: path.slice(0, i) };
    }
    if (!isRecord(container) || !(String(path[i]) in container))
      return { kind: 'reset', path: path.slice(0, i + 1) };
  }
  return { kind: 'reset', path };
}

/**
 * Parses `data` with `schema`; every field that fails falls back to its value in `defaults` (unknown fields are
 * removed, bad elements of user lists dropped), one issue reported per repaired field. Never throws.
 */
export function parseWithFallback<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
  defaults: T,
): { value: T; issues: ItemIssue[] } {
  if (!isRecord(data)) {
    const first = schema.safeParse(data);
    if (first.success) return { value: first.data, issues: [] };
    return { value: clone(defaults), issues: [{ path: '', message: 'expected an object; defaults used' }] };
  }
  const working = clone(data);
  const issues: ItemIssue[] = [];
  const reset = new Set<string>();
  // Each round repairs one issue; a field repaired twice escalates to its parent, so this always ends.
  for (let round = 0; round < 200; round++) {
    const result = schema.safeParse(working);
    if (result.success) return { value: result.data, issues };
    const issue = result.error.issues[0];
    if (!issue) break;
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const target = getIn(working, path);
      for (const key of issue.keys) {
        if (isRecord(target)) delete target[key];
        issues.push({ path: formatPath([...path, key]), message: 'unknown setting; ignored' });
      }
      continue;
    }
    const fix = fixFor(path, defaults);
    if (fix.kind === 'drop') {
      const list = getIn(working, fix.path);
      if (Array.isArray(list)) list.splice(fix.index, 1);
      issues.push({ path: formatPath(path), message: `${issue.message}; entry removed` });
      continue;
    }
    let target = fix.path;
    while (target.length > 0 && reset.has(formatPath(target))) target = target.slice(0, -1);
    if (target.length === 0) {
      issues.push({ path: formatPath(path), message: `${issue.message}; defaults used` });
      return { value: clone(defaults), issues };
    }
    reset.add(formatPath(target));
    setIn(working, target, clone(getIn(defaults, target)));
    issues.push({ path: formatPath(path), message: `${issue.message}; default used` });
  }
  return {
    value: clone(defaults),
    issues: [...issues, { path: '', message: 'could not repair; defaults used' }],
  };
}
