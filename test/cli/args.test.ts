import { describe, expect, it } from 'vitest';
import { type FlagSpec, formatHelp, parseArgs } from '../../scripts/lib/args';

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
