import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

  it('rejects a directory given as the series file, through the real file system', async () => {
    const mem = memIo();
    const code = await runCli(['--series', 'test/fixtures'], {
      ...mem.io,
      readFile: (p) => readFile(p, 'utf8'),
    });
    expect(code).toBe(2);
    expect(mem.stdout()).toBe('');
    expect(mem.stderr()).toBe('clusters: cannot read test/fixtures: is a directory\n');
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
      'clusters: vast.json: venues[0].markPrice: expected a finite number within ±1000000000000000',
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
      // Beyond ±1e15 a figure is refused at the boundary, before any product of two can overflow.
      /^clusters: huge\.json: venues\[0\]\.markPrice: expected a finite number within ±1000000000000000; /,
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

describe('review: venues in the output', () => {
  const candles = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i): SeriesDoc['venues'][number]['candles'][number] => [
      (from + i) * M,
      100,
      101,
      99,
      100,
      1,
      null,
      null,
    ]);
  const venue = (
    name: string,
    markPrice: number,
    c: SeriesDoc['venues'][number]['candles'],
    oi: SeriesDoc['venues'][number]['openInterest'],
  ) => ({ venue: name, instrument: name.toUpperCase(), markPrice, candles: c, openInterest: oi });
  const file = (venues: unknown[]) =>
    JSON.stringify({ format: 'liqlens.series/1', asset: 'BTC', interval: '15m', venues });

  // Binance: a ledger (OI on candles 0 and 1), rows given out of order. Bybit: one candle. OKX: open
  // interest but no candles. Hyperliquid: candles and OI rows, but never on two consecutive candles.
  const venues = [
    venue('binance', 100, candles(3), [
      [2 * M, 12],
      [0, 10],
      [M, 11],
    ]),
    venue('bybit', 101, candles(1), [[0, 5]]),
    venue(
      'okx',
      102,
      [],
      [
        [0, 1],
        [M, 2],
      ],
    ),
    venue('hyperliquid', 103, candles(4), [
      [0, 1],
      [2 * M, 2],
    ]),
  ];

  it('is ok only for a venue whose data the model used; the others say why not', async () => {
    const { code, stdout } = await run(['--series', 'v.json', '--json'], { 'v.json': file(venues) });
    expect(code).toBe(0);
    const view = JSON.parse(stdout);
    expect(view.venues.map((v: { venue: string; status: string }) => [v.venue, v.status])).toEqual([
      ['binance', 'ok'],
      ['bybit', 'no-ledger'],
      ['okx', 'no-ledger'],
      ['hyperliquid', 'no-ledger'],
    ]);
    expect(view.venues.map((v: { message: string | null }) => v.message)).toEqual([
      null,
      'no two consecutive candles with open interest: price context only',
      'no candles in the series: price context only',
      'no two consecutive candles with open interest: price context only',
    ]);
    // Binance's current OI is its latest row (12 at 30 min), not the last one listed; × mark 100.
    expect(view.venues[0]).toMatchObject({
      openInterestBase: 12,
      openInterestUsd: 1200,
      lastCandleTime: 2 * M,
    });
    // P = median(100, 101, 102, 103) = 101.5: every mark counts, used or not.
    expect(view.price).toBe(101.5);
  });

  it('a venue whose candles all lie before the window is not used', async () => {
    const old = venue('bybit', 100, candles(2), [
      [0, 1],
      [M, 2],
    ]);
    // Binance's last candle opens 8 days later: bybit's two candles fall outside the 7 d window.
    const recent = venue('binance', 100, candles(2, 8 * 96), [
      [8 * 96 * M, 1],
      [(8 * 96 + 1) * M, 2],
    ]);
    const { stdout } = await run(['--series', 'w.json', '--json'], { 'w.json': file([old, recent]) });
    const view = JSON.parse(stdout);
    expect(view.venues.map((v: { status: string }) => v.status)).toEqual(['ok', 'no-ledger']);
    expect(view.venues[1].message).toBe('no candles within the window: price context only');
    expect(view.diagnostics.candles).toBe(2);
  });

  it('prints the same bytes whatever the order of the venues in the file', async () => {
    const forward = await run(['--series', 'a.json', '--json'], { 'a.json': file(venues) });
    const backward = await run(['--series', 'b.json', '--json'], { 'b.json': file([...venues].reverse()) });
    expect(backward.stdout).toBe(forward.stdout);
    const reportA = await run(['--series', 'a.json'], { 'a.json': file(venues) });
    const reportB = await run(['--series', 'b.json'], { 'b.json': file([...venues].reverse()) });
    expect(reportB.stdout).toBe(reportA.stdout);
  });
});

describe('review: --json', () => {
  it('prints the ClusterView alone: exactly the fields of model.md (and the cascade list)', async () => {
    const { stdout } = await run(['--series', EXAMPLE, '--json']);
    const view = JSON.parse(stdout);
    expect(Object.keys(view)).toEqual([
      'asset',
      'price',
      'model',
      'bins',
      'bands',
      'atRisk',
      'cascade',
      'venues',
      'diagnostics',
    ]);
    expect(Object.keys(view.model)).toEqual(['version', 'params']);
    expect(Object.keys(view.bins)).toEqual(['low', 'width', 'long', 'short']);
    expect(Object.keys(view.atRisk)).toEqual(['movePct', 'up', 'down']);
    expect(view.atRisk.up.price).toBe(view.price * (1 + view.model.params.movePct / 100));
    expect(view.atRisk.down.price).toBe(view.price * (1 - view.model.params.movePct / 100));
    // model.md's fields, then our addition: the split across venues.
    for (const band of view.bands)
      expect(Object.keys(band)).toEqual(['side', 'low', 'high', 'peak', 'notionalUsd', 'share', 'venues']);
    expect(stdout.endsWith('}\n')).toBe(true);
  });
});
