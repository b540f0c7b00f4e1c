import { describe, expect, it } from 'vitest';
import { runFidelityCli } from '../../scripts/lib/fidelity-cli';
import { fidelityCsv, swingingCsv } from '../fidelity/csv-builder';
import { memIo } from './mem-io';

const FILES = {
  'swing.csv': swingingCsv(),
  'short.csv': fidelityCsv(30 * 24),
  'bad.csv': 'timestamp,price_open\n1,2\n',
};

async function cli(...argv: string[]) {
  const m = memIo(FILES);
  const code = await runFidelityCli(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

// Whole scoring runs: seconds on a busy machine, so a generous limit (speed is measured in the bench, not here).
describe('npm run fidelity', { timeout: 60_000 }, () => {
  it('prints v1 and v2 side by side with the null when no version is forced', async () => {
    const r = await cli('--csv', 'swing.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^null /m);
    expect(r.stdout).toMatch(/^model v1 /m);
    expect(r.stdout).toMatch(/^model v2 /m);
    expect(r.stdout).toContain('J(v2) − J(v1):');
    expect(r.stdout).toContain('13 points every 6 h');
    expect(r.stderr).toMatch(/scoring \[#{20}\] 26\/26 model runs\nscored 13 points in \d+\.\d s\n$/);
  });

  it('--json carries the contract fields; a version in --params scores that version only', async () => {
    const r = await cli('--csv', 'swing.csv', '--params', '{"version":"v2","halfLifeHours":24}', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual([
      'format',
      'from',
      'to',
      'points',
      'skipped',
      'firstPoint',
      'lastPoint',
      'models',
      'null',
      'v2VsV1',
      'bootstrap',
    ]);
    expect(doc.models).toHaveLength(1);
    expect(doc.models[0].version).toBe('v2');
    expect(doc.models[0].params).toMatchObject({
      version: 'v2',
      halfLifeHours: 24,
      interval: '1h',
      window: '7d',
    });
    expect(Object.keys(doc.models[0])).toEqual([
      'version',
      'params',
      'name',
      'rho',
      'j',
      'calibration24h',
      'vsNull',
    ]);
    expect(doc.bootstrap).toEqual({ resamples: 1000, seed: 11, blockDays: 4, level: 0.95 });
    expect(doc.v2VsV1).toBeNull();
  });

  it('restricts the points with --from and --to', async () => {
    const r = await cli(
      '--csv',
      'swing.csv',
      '--from',
      '2026-01-31T12:00',
      '--to',
      '2026-02-02',
      '--json',
      '--params',
      '{"version":"v1"}',
    );
    const doc = JSON.parse(r.stdout);
    expect(doc.from).toBe(Date.UTC(2026, 0, 31, 12));
    expect(doc.points).toBe(6);
    expect(doc.firstPoint).toBe(Date.UTC(2026, 0, 31, 12));
  });

  it.each([
    [
      ['--csv', 'bad.csv'],
      'fidelity: bad.csv: missing columns: price_high, price_low, price_close, oi_close, liquidation_long_usd, liquidation_short_usd',
    ],
    [['--csv', 'nope.csv'], 'fidelity: cannot read nope.csv: no such file'],
    [
      ['--csv', 'short.csv'],
      'fidelity: short.csv: no hour to score: each needs the 30 days before it and the 24 h after it in the file',
    ],
    [[], 'fidelity: nothing to score: give --csv FILE (see --help)'],
    [['--csv', 'swing.csv', '--params', '{"version":"v3"}'], 'fidelity: --params: version: '],
    [
      ['--csv', 'swing.csv', '--params', '{"interval":"15m"}'],
      'fidelity: --params: interval: the file is hourly, so the interval is 1h (got "15m")',
    ],
    [['--csv', 'swing.csv', '--params', '{"nope":1}'], 'fidelity: --params: '],
    [
      ['--csv', 'swing.csv', '--from', 'yesterday'],
      "fidelity: --from: 'yesterday' is not a date such as 2026-01-21 or 2026-01-21T12:00Z",
    ],
    [
      ['--csv', 'swing.csv', '--from', '2026-02-02', '--to', '2026-02-01'],
      'fidelity: --from must be before --to',
    ],
    [['--cvs', 'swing.csv'], 'fidelity: unknown option --cvs (did you mean --csv? see --help)'],
  ])('bad input %j: one line, exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints its help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'npm run fidelity -- --csv FILE [--params JSON] [--from DATE] [--to DATE] [--json]',
    );
  });
});
