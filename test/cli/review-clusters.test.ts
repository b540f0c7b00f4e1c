import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SeriesDoc } from '../../lib/market/series';
import { runCli } from '../../scripts/lib/clusters-cli';
import { EXAMPLE, memIo } from './mem-io';

const example = readFileSync(EXAMPLE, 'utf8');

async function run(argv: string[], files: Record<string, string> = {}) {
  const mem = memIo(files);
  const code = await runCli(argv, mem.io);
  return { code, stdout: mem.stdout(), stderr: mem.stderr() };
}

/** One Binance venue with the given mark price, candles and open interest, as file text. */
function doc(
  markPrice: number,
  candles: SeriesDoc['venues'][number]['candles'] = [],
  openInterest: SeriesDoc['venues'][number]['openInterest'] = [],
): string {
  return JSON.stringify({
    format: 'liqlens.series/1',
    asset: 'BTC',
    interval: '15m',
    venues: [{ venue: 'binance', instrument: 'BTCUSDT', markPrice, candles, openInterest }],
  });
}

/** Exit 2, nothing on stdout, exactly one line on stderr, no stack. */
async function rejects(argv: string[], files: Record<string, string>, message: string | RegExp) {
  const { code, stdout, stderr } = await run(argv, files);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.endsWith('\n')).toBe(true);
  const lines = stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toBe(message);
  else expect(lines[0]).toMatch(message);
}

const M = 900_000;

describe('review: clusters on hostile input', () => {
  it('reads a file that starts with a byte order mark', async () => {
    const plain = await run(['--series', EXAMPLE, '--json']);
    const withBom = await run(['--series', 'bom.json', '--json'], { 'bom.json': `\uFEFF${example}` });
    expect(withBom.stderr).toBe('');
    expect(withBom.code).toBe(0);
    expect(withBom.stdout).toBe(plain.stdout);
  });

  it('rejects JSON null, NaN (not JSON) and an empty venue list', async () => {
    await rejects(
      ['--series', 'null.json'],
      { 'null.json': 'null' },
      /^clusters: null\.json: .*expected object/,
    );
    await rejects(
      ['--series', 'nan.json'],
      { 'nan.json': doc(100).replace('"markPrice":100', '"markPrice":NaN') },
      /^clusters: nan\.json: invalid JSON \(.+\)$/,
    );
    await rejects(
      ['--series', 'none.json'],
      { 'none.json': doc(100).replace(/"venues":\[.*\]/, '"venues":[]') },
      'clusters: none.json: venues: expected at least one venue',
    );
  });

  it('rejects a number too large for a double as a field, naming it', async () => {
    await rejects(
      ['--series', 'big.json'],
      { 'big.json': doc(100).replace('"markPrice":100', '"markPrice":1e999') },
      /^clusters: big\.json: venues\[0\]\.markPrice: /,
    );
  });

  it('rejects a reference price with no bin grid (exit 2, not a crash)', async () => {
    await rejects(
      ['--series', 'tiny.json'],
      { 'tiny.json': doc(5e-324) },
      'clusters: tiny.json: the reference price 5e-324 is out of range for a bin grid',
    );
    await rejects(
      ['--series', 'vast.json'],
      { 'vast.json': doc(1.5e308) },
      'clusters: vast.json: the reference price 1.5e+308 is out of range for a bin grid',
    );
  });

  it('rejects finite figures whose products overflow, naming the first figure that did', async () => {
    const huge = doc(
      1e300,
      [
        [0, 1e300, 1e300, 1e300, 1e300, 1, null, null],
        [M, 1e300, 1e300, 1e300, 1e300, 1, null, null],
      ],
      [
        [0, 1],
        [M, 1e10],
      ],
    );
    await rejects(
      ['--series', 'huge.json'],
      { 'huge.json': huge },
      /^clusters: huge\.json: the figures overflow \(bins\.long\[\d+\] is not finite\): prices, volumes and open interest must be in ordinary units$/,
    );
    // A quote volume over a base volume of 5e-324 puts the entry at infinity.
    const denormal = doc(
      100,
      [
        [0, 100, 101, 99, 100, 1, null, null],
        [M, 100, 101, 99, 100, 5e-324, 1, null],
      ],
      [
        [0, 1],
        [M, 2],
      ],
    );
    await rejects(['--series', 'denormal.json'], { 'denormal.json': denormal }, /the figures overflow \(/);
  });
});
