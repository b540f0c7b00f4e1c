import { describe, expect, it } from 'vitest';
import { type FlagSpec, flagsOrHelp, formatHelp, parseArgs, required } from '../../scripts/lib/args';
import { CliError, withOneLineFailures } from '../../scripts/lib/cli-io';

const FLAGS = [
  { name: 'series', kind: 'string', value: 'FILE', help: 'the series' },
  { name: 'params', kind: 'string', value: 'JSON', help: 'overrides' },
  { name: 'json', kind: 'boolean', help: 'as JSON' },
  { name: 'help', kind: 'boolean', short: 'h', help: 'help' },
] as const satisfies readonly FlagSpec[];

const parse = (...argv: string[]) => parseArgs(argv, FLAGS);

describe('parseArgs', () => {
  it('gives defaults when nothing is passed', () => {
    expect(parse()).toEqual({
      ok: true,
      value: { series: undefined, params: undefined, json: false, help: false },
    });
  });

  it('reads values after the flag or after =, and booleans', () => {
    expect(parse('--series', 'a.json', '--json', '--params={"movePct":5}')).toEqual({
      ok: true,
      value: { series: 'a.json', params: '{"movePct":5}', json: true, help: false },
    });
  });

  it('keeps = inside a value and accepts values that start with one dash', () => {
    const r = parse('--params', '{"a":"b=c"}', '--series=-odd.json');
    expect(r.ok && r.value.params).toBe('{"a":"b=c"}');
    expect(r.ok && r.value.series).toBe('-odd.json');
  });

  it('knows short aliases', () => {
    const r = parse('-h');
    expect(r.ok && r.value.help).toBe(true);
  });

  it('rejects an unknown flag, suggesting a close one', () => {
    expect(parse('--seires', 'x')).toEqual({
      ok: false,
      error: 'unknown option --seires (did you mean --series? see --help)',
    });
    expect(parse('--verbose')).toEqual({ ok: false, error: 'unknown option --verbose (see --help)' });
    expect(parse('--jsn=1')).toEqual({
      ok: false,
      error: 'unknown option --jsn (did you mean --json? see --help)',
    });
    expect(parse('-x')).toEqual({ ok: false, error: 'unknown option -x (see --help)' });
  });

  it('rejects a missing or empty value', () => {
    expect(parse('--series')).toEqual({ ok: false, error: '--series needs a value (FILE)' });
    expect(parse('--series', '--json')).toEqual({ ok: false, error: '--series needs a value (FILE)' });
    expect(parse('--series=')).toEqual({ ok: false, error: '--series needs a value (FILE)' });
  });

  it('rejects a value on a boolean, a repeated flag and a stray argument', () => {
    expect(parse('--json=yes')).toEqual({ ok: false, error: '--json takes no value' });
    expect(parse('--json', '--json')).toEqual({ ok: false, error: '--json is given more than once' });
    expect(parse('--series', 'a', '--series', 'b')).toEqual({
      ok: false,
      error: '--series is given more than once',
    });
    expect(parse('a.json')).toEqual({
      ok: false,
      error: "unexpected argument 'a.json' (options start with --; see --help)",
    });
    expect(parse('--')).toEqual({
      ok: false,
      error: "unexpected argument '--' (options start with --; see --help)",
    });
  });
});

describe('formatHelp', () => {
  it('lists usage, then every flag with its value and help in a column, then the notes', () => {
    expect(
      formatHelp({ usage: ['tool --series FILE'], flags: FLAGS, notes: ['Exit 2 on bad input.'] }),
    ).toEqual([
      'Usage:',
      '  tool --series FILE',
      '',
      'Options:',
      '      --series FILE  the series',
      '      --params JSON  overrides',
      '      --json         as JSON',
      '  -h, --help         help',
      '',
      'Exit 2 on bad input.',
    ]);
  });
});

describe('the shared command-line steps', () => {
  const out: string[] = [];
  const io = {
    stdout: (t: string) => void out.push(t),
    stderr: (t: string) => void out.push(t),
    readFile: async () => '',
  };

  it('flagsOrHelp gives the flags, prints the help for --help, and throws a CliError for a bad line', () => {
    out.length = 0;
    expect(flagsOrHelp(['--json'], FLAGS, ['Usage: x'], io)?.json).toBe(true);
    expect(flagsOrHelp(['-h'], FLAGS, ['Usage: x'], io)).toBeNull();
    expect(out).toEqual(['Usage: x\n']);
    expect(() => flagsOrHelp(['--jsn'], FLAGS, [], io)).toThrow(CliError);
  });

  it('required passes a value through and names what is missing', () => {
    expect(required('a', 'no')).toBe('a');
    expect(() => required(undefined, '--series FILE is required')).toThrow('--series FILE is required');
  });

  it('withOneLineFailures: a CliError keeps its exit code, anything else is exit 1; one line each', async () => {
    out.length = 0;
    expect(await withOneLineFailures('tool', io, async () => 0)).toBe(0);
    expect(
      await withOneLineFailures('tool', io, async () => {
        throw new CliError('bad flag');
      }),
    ).toBe(2);
    expect(
      await withOneLineFailures('tool', io, async () => {
        throw new Error('boom\n  at somewhere');
      }),
    ).toBe(1);
    expect(out).toEqual(['tool: bad flag\n', 'tool: internal error: boom\n']);
  });
});
