import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HlPositionsDocSchema } from '../../lib/hl-positions/document';
import { binIndex, makeGrid } from '../../lib/model/bins';
import { runHlPositionsCli } from '../../scripts/lib/hl-positions-cli';
import { type SimAccount, simAccounts, simAddress } from '../../scripts/lib/hl-sim/accounts';
import { recordAccountsHar } from '../../scripts/lib/hl-sim/har';
import { memIo } from './mem-io';

const PRICE = 95_000;
const accounts: SimAccount[] = [
  ...simAccounts(40, 7),
  {
    address: simAddress(1001),
    accountValue: 5_000,
    positions: [
      { coin: 'BTC', szi: 0.5, entryPx: 96_000, margin: 'isolated', leverage: 10, liquidationPx: 86_450 },
      { coin: 'BTC', szi: -0.2, entryPx: 94_000, margin: 'cross', leverage: 20, liquidationPx: 150_000 },
      { coin: 'ETH', szi: 3, entryPx: 3_400, margin: 'cross', leverage: 5, liquidationPx: 2_800 },
    ],
  },
  {
    address: simAddress(1002),
    accountValue: 90_000,
    positions: [
      { coin: 'BTC', szi: -1.25, entryPx: 95_500, margin: 'cross', leverage: 3, liquidationPx: null },
    ],
  },
];
const FAILING = [simAddress(2001), simAddress(2002), simAddress(2003), simAddress(2004)];
const NEVER_RECORDED = simAddress(3001);

let dir = '';
let har = '';
let list = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hl-positions-'));
  const doc = await recordAccountsHar({
    accounts,
    addresses: [...accounts.map((a) => a.address), ...FAILING],
    faults: [
      { kind: 'rate-limited', address: FAILING[0] as string },
      { kind: 'html', address: FAILING[1] as string },
      { kind: 'throttled', address: FAILING[2] as string },
      { kind: 'malformed', address: FAILING[3] as string },
    ],
  });
  har = join(dir, 'positions.har');
  writeFileSync(har, JSON.stringify(doc));
  list = join(dir, 'addresses.txt');
  writeFileSync(list, `${[...accounts.map((a) => a.address), ...FAILING, NEVER_RECORDED].join('\n')}\n`);
}, 60_000);

async function run(...argv: string[]) {
  const m = memIo();
  m.io.readFile = async (path) => (await import('node:fs/promises')).readFile(path, 'utf8');
  const code = await runHlPositionsCli(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('npm run hl-positions', () => {
  it('prints the liqlens.hlpositions/1 document: accounts answered, failing ones counted, never read as empty', async () => {
    const { code, stdout, stderr } = await run(
      '--addresses',
      list,
      '--har',
      har,
      '--symbol',
      'BTC',
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = HlPositionsDocSchema.parse(JSON.parse(stdout));
    expect(Object.keys(JSON.parse(stdout))).toEqual([
      'format',
      'asset',
      'price',
      'accounts',
      'failedAccounts',
      'positions',
      'coverage',
      'bins',
    ]);
    expect(doc.format).toBe('liqlens.hlpositions/1');
    expect(doc.asset).toBe('BTC');
    expect(doc.price).toBe(PRICE);
    expect(doc.accounts).toBe(accounts.length);
    // Four faults and one address the recording never saw.
    expect(doc.failedAccounts).toBe(5);
    expect(Object.keys(doc.bins)).toEqual(['low', 'width', 'long', 'short']);
    expect(doc.bins.width).toBe(100);
    expect(doc.bins.low).toBe(71_200);

    // Hand count over the simulated accounts.
    const grid = makeGrid(PRICE, 0.1, 25);
    const btc = accounts.flatMap((a) => a.positions).filter((p) => p.coin === 'BTC');
    const off = btc.filter((p) => p.liquidationPx !== null && binIndex(grid, p.liquidationPx) < 0);
    const none = btc.filter((p) => p.liquidationPx === null);
    expect(doc.positions).toEqual({
      total: btc.length,
      binned: btc.length - off.length - none.length,
      offGrid: off.length,
      notLiquidatable: none.length,
    });
    const k = binIndex(grid, 86_450);
    const longAt = btc
      .filter((p) => p.szi > 0 && p.liquidationPx !== null && binIndex(grid, p.liquidationPx) === k)
      .reduce((s, p) => s + Number(Math.abs(p.szi).toPrecision(10)) * PRICE, 0);
    expect(doc.bins.long[k]).toBeCloseTo(longAt, 6);
    expect(doc.bins.short[binIndex(grid, 150_000)] ?? 0).toBe(0);
    const size = btc.reduce((s, p) => s + Math.abs(p.szi), 0);
    expect(doc.coverage.observedSize).toBeCloseTo(size, 6);
    expect(doc.coverage.openInterest).toBe(30_000);
    expect(doc.coverage.openInterestSides).toBe(1);
    expect(doc.coverage.share).toBeCloseTo(size / 60_000, 9);
    expect(doc.coverage.accounts).toBe(accounts.length);
  });

  it('says which accounts failed and why in the text report', async () => {
    const { code, stdout } = await run('--addresses', list, '--har', har, '--symbol', 'btc');
    expect(code).toBe(0);
    expect(stdout).toContain('one venue only');
    expect(stdout).toContain(`failed ${FAILING[0]}: rate-limited`);
    expect(stdout).toContain(`failed ${FAILING[1]}: html`);
    expect(stdout).toContain(`failed ${FAILING[2]}: throttled`);
    expect(stdout).toContain(`failed ${FAILING[3]}: bad-response`);
    expect(stdout).toContain(`failed ${NEVER_RECORDED}: network`);
  });

  it('bad input: one line, exit 2', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, `${simAddress(1)}\n0x12345\n`);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n\n');
    const notHar = join(dir, 'not.har');
    writeFileSync(notHar, '{"log":{}}');
    const cases: [string[], string][] = [
      [['--addresses', bad, '--har', har, '--symbol', 'BTC'], `${bad} line 2: expected an address`],
      [['--addresses', empty, '--har', har, '--symbol', 'BTC'], 'no addresses'],
      [['--addresses', join(dir, 'missing.txt'), '--har', har, '--symbol', 'BTC'], 'no such file'],
      [['--addresses', list, '--har', notHar, '--symbol', 'BTC'], 'not a usable HAR file'],
      [['--addresses', list, '--har', har], '--symbol is required'],
      [['--har', har, '--symbol', 'BTC'], '--addresses FILE is required'],
      [['--addresses', list, '--har', har, '--symbol', 'NOPE'], 'NOPE'],
      [['--addresses', list, '--har', har, '--symbol', 'BTC', '--jsn'], 'did you mean --json'],
      [['--addresses', list, '--har', har, '--symbol', '$$'], '--symbol'],
    ];
    for (const [argv, words] of cases) {
      const { code, stdout, stderr } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')).toHaveLength(2);
      expect(stderr).toMatch(/^hl-positions: /);
      expect(stderr).toContain(words);
    }
  });

  it('runs as a process with --json on stdout only', () => {
    const result = spawnSync(
      'node_modules/.bin/tsx',
      ['scripts/hl-positions.ts', '--addresses', list, '--har', har, '--symbol', 'BTC', '--json'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(HlPositionsDocSchema.safeParse(JSON.parse(result.stdout)).success).toBe(true);
  }, 60_000);
});
