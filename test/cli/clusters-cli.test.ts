import { readFileSync } from 'node:fs';
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
