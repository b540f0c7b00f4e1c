import { err, ok, type Result } from '../../lib/util/result';
import { CliError, type CliIo } from './cli-io';

/** One command-line flag: `--name VALUE` (or `--name=VALUE`) when `kind` is `string`, `--name` when `boolean`. */
export interface FlagSpec {
  readonly name: string;
  readonly kind: 'string' | 'boolean';
  /** Placeholder for the value in the help text, e.g. `FILE`. */
  readonly value?: string;
  /** One-letter alias, e.g. `h` for `-h`. */
  readonly short?: string;
  readonly help: string;
}

/** Parsed values by flag name: booleans default to false, strings to undefined. */
export type FlagValues<T extends readonly FlagSpec[]> = {
  [F in T[number] as F['name']]: F['kind'] extends 'boolean' ? boolean : string | undefined;
};

/** Edit distance, for "did you mean" on a mistyped flag. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

function unknownFlag(text: string, flags: readonly FlagSpec[]): string {
  const name = text.replace(/^-+/, '');
  const close = flags
    .map((f) => ({ f, d: distance(name, f.name) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d)[0];
  const hint = close ? `did you mean --${close.f.name}? ` : '';
  return `unknown option ${text} (${hint}see --help)`;
}

/**
 * Parses `argv` (without node and the script) against a table of flags. Every problem — an unknown flag,
 * a missing value, a flag given twice, a stray argument — is one line naming it, for exit code 2.
 */
export function parseArgs<const T extends readonly FlagSpec[]>(
  argv: readonly string[],
  flags: T,
): Result<FlagValues<T>, string> {
  const values: Record<string, string | boolean | undefined> = {};
  for (const flag of flags) values[flag.name] = flag.kind === 'boolean' ? false : undefined;
  const seen = new Set<string>();

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    let flag: FlagSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (eq !== -1) inline = arg.slice(eq + 1);
      flag = flags.find((f) => f.name === name);
      if (!flag) return err(unknownFlag(eq === -1 ? arg : arg.slice(0, eq), flags));
    } else if (/^-[A-Za-z]$/.test(arg)) {
      flag = flags.find((f) => f.short === arg.slice(1));
      if (!flag) return err(unknownFlag(arg, flags));
    } else {
      return err(`unexpected argument '${arg}' (options start with --; see --help)`);
    }

    if (seen.has(flag.name)) return err(`--${flag.name} is given more than once`);
    seen.add(flag.name);

    if (flag.kind === 'boolean') {
      if (inline !== undefined) return err(`--${flag.name} takes no value`);
      values[flag.name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        return err(`--${flag.name} needs a value (${flag.value ?? 'VALUE'})`);
      }
      value = next;
      i++;
    }
    if (value === '') return err(`--${flag.name} needs a value (${flag.value ?? 'VALUE'})`);
    values[flag.name] = value;
  }
  return ok(values as FlagValues<T>);
}

/** Help text: usage lines, then the flags in a column, then any notes. */
export function formatHelp(options: {
  usage: readonly string[];
  flags: readonly FlagSpec[];
  notes?: readonly string[];
}): string[] {
  const left = options.flags.map((f) => {
    const names = `${f.short ? `-${f.short}, ` : '    '}--${f.name}`;
    return f.kind === 'string' ? `${names} ${f.value ?? 'VALUE'}` : names;
  });
  const width = Math.max(...left.map((l) => l.length));
  const lines = ['Usage:', ...options.usage.map((u) => `  ${u}`), '', 'Options:'];
  options.flags.forEach((f, i) => {
    lines.push(`  ${(left[i] as string).padEnd(width)}  ${f.help}`);
  });
  if (options.notes?.length) lines.push('', ...options.notes);
  return lines;
}

/**
 * The flags of a tool's command line, or null once `--help` has printed `help`: a bad command line is a
 * `CliError` (exit 2). The tool's table must have a boolean `help` flag.
 */
export function flagsOrHelp<const T extends readonly FlagSpec[]>(
  argv: readonly string[],
  flags: T,
  help: readonly string[],
  io: Pick<CliIo, 'stdout'>,
): FlagValues<T> | null {
  const parsed = parseArgs(argv, flags);
  if (!parsed.ok) throw new CliError(parsed.error);
  if ((parsed.value as Record<string, unknown>).help !== true) return parsed.value;
  io.stdout(`${help.join('\n')}\n`);
  return null;
}

/** The value of a flag the tool cannot run without: absent, it is a `CliError` (exit 2) saying `missing`. */
export function required(value: string | undefined, missing: string): string {
  if (value === undefined) throw new CliError(missing);
  return value;
}
