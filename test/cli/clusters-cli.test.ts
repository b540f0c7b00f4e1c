import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { SeriesDoc } from '../../lib/market/series';
import { ClusterViewSchema } from '../../lib/model/cluster-view';
import { DEFAULT_PARAMS } from '../../lib/model/params';
import { runCli } from '../../scripts/lib/clusters-cli';
import { EXAMPLE, EXAMPLE_DEPTH, memIo } from './mem-io';

const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as SeriesDoc;

/** The example with one change, as a file in the in-memory io. */
function variant(change: (doc: Record<string, unknown> & SeriesDoc) => void): string {
  const doc = structuredClone(example) as Record<string, unknown> & SeriesDoc;
  change(doc);
  return JSON.stringify(doc);
}

async function run(argv: string[], files: Record<string, string> = {}) {
  const mem = memIo(files);
  const code = await runCli(argv, mem.io);
  return { code, stdout: mem.stdout(), stderr: mem.stderr() };
}

describe('clusters on the bundled example', () => {
  it('prints a report with bands on both sides, the at-risk move and the data span', async () => {
    const { code, stdout, stderr } = await run(['--series', EXAMPLE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^BTC · price 95,\d{3} \(median mark of 4 venues\)$/);
    expect(lines[1]).toBe('Data     2026-10-25T00:00:00Z → 2026-11-01T00:00:00Z (7 d, 2,688 candles)');
    const above = lines.findIndex((l) => l.startsWith('Nearest bands above'));
    const below = lines.findIndex((l) => l.startsWith('Nearest bands below'));
    for (const at of [above, below]) {
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(
        /^ {2}\d{2},\d{3} – \d{2},\d{3} +[+−]\d+\.\d % +\$[\d.]+[KMB] +[\d.]+ % of (shorts|longs) +peak /,
      );
    }
    expect(lines[above + 1]).toContain('of shorts');
    expect(lines[below + 1]).toContain('of longs');
    expect(stdout).toContain('At risk for a 3.0 % move');
    expect(stdout).toMatch(/Up {4}Shorts +\$[\d.]+[KMB] +liquidate by \+3\.0 % \(/);
    expect(stdout).toContain('Cascade  not estimated (no order-book depth given)');
    expect(stdout).toMatch(
      /\n {2}Binance {6}BTCUSDT {8}mark 95,\d{3} {2}OI \$[\d.]+B \([+−][\d.]+ % 24h\) {2}ok\n/,
    );
    expect(stdout).toContain('Diagnostics');
    expect(stdout.endsWith('\n')).toBe(true);
  });

  it('adds the cascade estimate when depth is given by --depth or beside the series', async () => {
    const byFlag = await run(['--series', EXAMPLE, '--depth', EXAMPLE_DEPTH]);
    expect(byFlag.code).toBe(0);
    expect(byFlag.stdout).toMatch(/Up {4}push to [\d,]+ \(the move\) +→ /);
    expect(byFlag.stdout).toMatch(/Down {2}push to [\d,]+ \(the move\) +→ /);
    const depth = JSON.parse(readFileSync(EXAMPLE_DEPTH, 'utf8'));
    const beside = await run(['--series', 'with-depth.json'], {
      'with-depth.json': variant((doc) => {
        doc.depth = depth;
      }),
    });
    expect(beside.code).toBe(0);
    expect(beside.stdout).toBe(byFlag.stdout);
  });

  it('prints the ClusterView alone with --json, exactly the schema fields', async () => {
    const { code, stdout, stderr } = await run(['--series', EXAMPLE, '--json', '--depth', EXAMPLE_DEPTH]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(ClusterViewSchema.safeParse(json).success).toBe(true);
    expect(Object.keys(json)).toEqual([
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
    const marks = example.venues.map((v) => v.markPrice).sort((a, b) => a - b);
    expect(json.price).toBe(((marks[1] as number) + (marks[2] as number)) / 2);
    expect(json.model.params).toEqual(DEFAULT_PARAMS);
    expect(json.bins.width).toBe(100);
    expect(json.atRisk.up.price).toBeCloseTo(json.price * 1.03, 6);
    expect(
      json.bands.some((b: { side: string; low: number }) => b.side === 'short' && b.low > json.price),
    ).toBe(true);
    expect(
      json.bands.some((b: { side: string; high: number }) => b.side === 'long' && b.high < json.price),
    ).toBe(true);
    expect(json.cascade.length).toBeGreaterThanOrEqual(2);
    expect(json.venues.map((v: { venue: string; status: string }) => `${v.venue}:${v.status}`)).toEqual([
      'binance:ok',
      'bybit:ok',
      'okx:ok',
      'hyperliquid:ok',
    ]);
    const binance = json.venues[0];
    const lastOi = example.venues[0]?.openInterest.at(-1)?.[1] as number;
    expect(binance.openInterestBase).toBe(lastOi);
    expect(binance.openInterestUsd).toBeCloseTo(lastOi * (example.venues[0]?.markPrice as number), 3);
    expect(binance.lastCandleTime).toBe(Date.UTC(2026, 9, 31, 23, 45));
    expect(json.diagnostics.spanFrom).toBe(Date.UTC(2026, 9, 25));
    expect(json.diagnostics.spanTo).toBe(Date.UTC(2026, 10, 1));
  });

  it('applies --params over the defaults and takes the interval from the series', async () => {
    const { code, stdout } = await run([
      '--series',
      EXAMPLE,
      '--json',
      '--params',
      '{"movePct":5,"halfLifeHours":0}',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.model.params).toEqual({ ...DEFAULT_PARAMS, movePct: 5, halfLifeHours: 0 });
    expect(json.atRisk.movePct).toBe(5);
    expect(json.diagnostics.decayedNotionalUsd).toBe(0);

    const fiveMinutes = await run(['--series', 'five.json', '--json'], {
      // The same candles five minutes apart: the label must be the spacing.
      'five.json': variant((doc) => {
        doc.interval = '5m';
        for (const venue of doc.venues) {
          const t0 = venue.candles[0]?.[0] ?? 0;
          for (const candle of venue.candles) candle[0] = t0 + (candle[0] - t0) / 3;
          for (const point of venue.openInterest) point[0] = t0 + (point[0] - t0) / 3;
        }
      }),
    });
    expect(fiveMinutes.code).toBe(0);
    expect(JSON.parse(fiveMinutes.stdout).model.params.interval).toBe('5m');
  });

  it('runs the version --params names, and says so in the view', async () => {
    for (const version of ['v1', 'v2'] as const) {
      const { code, stdout } = await run([
        '--series',
        EXAMPLE,
        '--json',
        '--params',
        `{"version":"${version}"}`,
      ]);
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(json.model).toMatchObject({ version: version.slice(1), params: { version } });
    }
  });

  it('marks a venue without open-interest history as no-ledger', async () => {
    const { code, stdout } = await run(['--series', 'no-oi.json', '--json'], {
      'no-oi.json': variant((doc) => {
        (doc.venues[3] as SeriesDoc['venues'][number]).openInterest = [];
      }),
    });
    expect(code).toBe(0);
    const hyperliquid = JSON.parse(stdout).venues[3];
    expect(hyperliquid.status).toBe('no-ledger');
    expect(hyperliquid.openInterestUsd).toBeNull();
  });

  it('shows the help', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage:');
    expect(stdout).toMatch(/--series FILE +run the model on a liqlens\.series\/1 document/);
    expect(stdout).toMatch(/-h, --help/);
  });
});

describe('clusters on bad input: one line on stderr, exit 2, nothing on stdout', () => {
  const broken = variant((doc) => {
    const candle = doc.venues[0]?.candles[1] as unknown[];
    candle[2] = -5;
  });
  const cases: [string, string[], Record<string, string>, string | RegExp][] = [
    ['no arguments', [], {}, 'clusters: nothing to run: give --series FILE (see --help)'],
    [
      'an unknown flag',
      ['--series', EXAMPLE, '--verbose'],
      {},
      'clusters: unknown option --verbose (see --help)',
    ],
    [
      'a mistyped flag',
      ['--seris', EXAMPLE],
      {},
      'clusters: unknown option --seris (did you mean --series? see --help)',
    ],
    ['a flag without its value', ['--series'], {}, 'clusters: --series needs a value (FILE)'],
    [
      'a stray argument',
      [EXAMPLE],
      {},
      `clusters: unexpected argument '${EXAMPLE}' (options start with --; see --help)`,
    ],
    ['a missing file', ['--series', 'missing.json'], {}, 'clusters: cannot read missing.json: no such file'],
    [
      'invalid JSON',
      ['--series', 'bad.json'],
      { 'bad.json': '{"format": ' },
      /^clusters: bad\.json: invalid JSON \(.+\)$/,
    ],
    [
      'an empty file',
      ['--series', 'empty.json'],
      { 'empty.json': '' },
      /^clusters: empty\.json: invalid JSON \(.+\)$/,
    ],
    [
      'a document that is not an object',
      ['--series', 'list.json'],
      { 'list.json': '[]' },
      /^clusters: list\.json: .*expected object/,
    ],
    [
      'a wrong format',
      ['--series', 'fmt.json'],
      { 'fmt.json': variant((doc) => Object.assign(doc, { format: 'liqlens.series/2' })) },
      /^clusters: fmt\.json: format: .*liqlens\.series\/1/,
    ],
    [
      'a negative price in a candle',
      ['--series', 'neg.json'],
      { 'neg.json': broken },
      /^clusters: neg\.json: venues\[0\]\.candles\[1\]\[2\]: /,
    ],
    [
      'an unknown venue',
      ['--series', 'venue.json'],
      { 'venue.json': variant((doc) => Object.assign(doc.venues[1] as object, { venue: 'kraken' })) },
      /^clusters: venue\.json: venues\[1\]\.venue: /,
    ],
    [
      '--params that is not JSON',
      ['--series', EXAMPLE, '--params', '{movePct:5}'],
      {},
      /^clusters: --params: invalid JSON \(.+\)$/,
    ],
    [
      '--params that is not an object',
      ['--series', EXAMPLE, '--params', '[1]'],
      {},
      'clusters: --params: expected a JSON object such as {"movePct":5}',
    ],
    [
      'an unknown parameter',
      ['--series', EXAMPLE, '--params', '{"moveBy":5}'],
      {},
      'clusters: --params: Unrecognized key: "moveBy" (known: version, tiers, mmr, split, halfLifeHours, window, interval, binPct, rangePct, movePct, minBinUsd)',
    ],
    [
      'an out-of-range value',
      ['--series', EXAMPLE, '--params', '{"movePct":150}'],
      {},
      /^clusters: --params: movePct: /,
    ],
    [
      'a wrong type',
      ['--series', EXAMPLE, '--params', '{"split":"odd"}'],
      {},
      /^clusters: --params: split: /,
    ],
    [
      'tier shares that do not sum to 1',
      ['--series', EXAMPLE, '--params', '{"tiers":[[10,0.5]]}'],
      {},
      'clusters: --params: tiers: tier shares must sum to 1',
    ],
    [
      'bins too fine for the range',
      ['--series', EXAMPLE, '--params', '{"binPct":1e-9}'],
      {},
      'clusters: --params: binPct: binPct must be at least 0.01',
    ],
    [
      'an interval that contradicts the series',
      ['--series', EXAMPLE, '--params', '{"interval":"5m"}'],
      {},
      'clusters: --params: interval: 5m does not match the series interval 15m',
    ],
    [
      'a missing depth file',
      ['--series', EXAMPLE, '--depth', 'nope.json'],
      {},
      'clusters: cannot read nope.json: no such file',
    ],
    [
      'a broken depth level',
      ['--series', EXAMPLE, '--depth', 'depth.json'],
      { 'depth.json': '{"bids":[[95000,1]],"asks":[["96000",1]]}' },
      /^clusters: depth\.json: asks\[0\]\[0\]: /,
    ],
  ];

  for (const [name, argv, files, message] of cases) {
    it(`rejects ${name}`, async () => {
      const { code, stdout, stderr } = await run(argv, files);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.endsWith('\n')).toBe(true);
      const lines = stderr.slice(0, -1).split('\n');
      expect(lines).toHaveLength(1);
      if (typeof message === 'string') expect(lines[0]).toBe(message);
      else expect(lines[0]).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('cuts a document with many broken rows to three problems in one line', async () => {
    const many = variant((doc) => {
      for (const candle of doc.venues[0]?.candles.slice(0, 10) ?? []) (candle as unknown[])[1] = 'x';
    });
    const { code, stderr } = await run(['--series', 'many.json'], { 'many.json': many });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^clusters: many\.json: venues\[0\]\.candles\[0\]\[1\]: [^;]+; venues\[0\]\.candles\[1\]\[1\]: [^;]+; venues\[0\]\.candles\[2\]\[1\]: [^;]+; and 7 more problems\n$/,
    );
  });

  it('turns an unexpected failure into one line and exit 1', async () => {
    const mem = memIo();
    mem.io.stdout = () => {
      throw new Error('EPIPE: broken pipe\n    at Socket.write');
    };
    const code = await runCli(['--series', EXAMPLE], mem.io);
    expect(code).toBe(1);
    expect(mem.stderr()).toBe('clusters: internal error: EPIPE: broken pipe\n');
  });
});

const exampleText = readFileSync(EXAMPLE, 'utf8');

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

describe('edge cases: clusters on hostile input', () => {
  it('reads a file that starts with a byte order mark', async () => {
    const plain = await run(['--series', EXAMPLE, '--json']);
    const withBom = await run(['--series', 'bom.json', '--json'], { 'bom.json': `\uFEFF${exampleText}` });
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

describe('edge cases: venues in the output', () => {
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

describe('edge cases: --json', () => {
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
