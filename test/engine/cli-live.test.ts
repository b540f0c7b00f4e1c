import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createMemoryOiSnapshotStore } from '../../lib/engine/oi-snapshot-store';
import { SeriesDocSchema } from '../../lib/market/series';
import { ClusterViewSchema } from '../../lib/model/cluster-view';
import { runCli } from '../../scripts/lib/clusters-cli';
import { assetFromSymbol } from '../../scripts/lib/live-run';
import { FIXTURE_NOW } from '../../scripts/lib/sim/fixture-cases';
import { createSimulatorFetch } from '../../scripts/lib/sim/simulator';
import { market } from './helpers';

const HAR = 'test/fixtures/har/btc-all.har';

function io(extra: Record<string, unknown> = {}) {
  const out = { stdout: '', stderr: '', written: new Map<string, string>() };
  const value = {
    stdout: (t: string) => {
      out.stdout += t;
    },
    stderr: (t: string) => {
      out.stderr += t;
    },
    readFile: (path: string) => readFile(path, 'utf8'),
    writeFile: async (path: string, text: string) => {
      out.written.set(path, text);
    },
    env: {},
    ...extra,
  };
  return { io: value, out };
}

describe('npm run clusters -- --har / --symbol', () => {
  it('replays btc-all: the report with every venue’s funding, open interest and status', async () => {
    const { io: cli, out } = io();
    const code = await runCli(['--har', HAR], cli);
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    const lines = out.stdout.split('\n');
    const venues = lines.slice(lines.indexOf('Venues') + 1, lines.indexOf('Venues') + 5);
    expect(venues.map((l) => l.trim().split(/\s+/)[0])).toEqual(['Binance', 'Bybit', 'OKX', 'Hyperliquid']);
    for (const line of venues) {
      expect(line).toMatch(/mark [\d,]+ +OI \$[\d.]+[MB]/);
      expect(line).toMatch(/funding [−+]?[\d.]+ % \/ 8h/);
    }
    expect(venues[3]).toContain('building open-interest history (0 min of 4 h)');
    expect(out.stdout).toContain('Requests Binance 8 · Bybit 7 · OKX 15 · Hyperliquid 3 (replayed from');
    expect(out.stdout).toMatch(/Nearest bands above [\d,]+ \(estimate\)\n {2}[\d,]+ – /);
    expect(out.stdout).toMatch(/Nearest bands below [\d,]+ \(estimate\)\n {2}[\d,]+ – /);
  });

  it('--venues and --export-series: the normalised input of just those venues', async () => {
    const { io: cli, out } = io();
    const code = await runCli(
      ['--har', HAR, '--venues', 'binance,okx', '--export-series', 'out.json', '--json'],
      cli,
    );
    expect(code).toBe(0);
    const view = ClusterViewSchema.parse(JSON.parse(out.stdout));
    expect(view.venues.map((v) => v.status)).toEqual(['ok', 'disabled', 'ok', 'disabled']);
    const doc = SeriesDocSchema.parse(JSON.parse(out.written.get('out.json') ?? ''));
    expect(doc.venues.map((v) => [v.venue, v.candles.length, v.openInterest.length])).toEqual([
      ['binance', 672, 672],
      ['okx', 672, 672],
    ]);
  });

  it('--symbol fetches through the given fetch (here the simulator)', async () => {
    const fetch = createSimulatorFetch(market(), { now: FIXTURE_NOW });
    const { io: cli, out } = io({
      fetch,
      now: () => FIXTURE_NOW,
      sleep: async () => {},
      oiStore: createMemoryOiSnapshotStore(),
    });
    const code = await runCli(
      ['--symbol', 'btcusdt', '--venues', 'bybit', '--params', '{"window":"1d"}'],
      cli,
    );
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    expect(out.stdout).toContain('Requests Bybit 4\n');
    expect(fetch.log.every((l) => l.host === 'bybit')).toBe(true);
  });

  it('exit 3 and one line when no venue can be reached', async () => {
    const { io: cli, out } = io({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      now: () => FIXTURE_NOW,
      sleep: async () => {},
      oiStore: createMemoryOiSnapshotStore(),
    });
    const code = await runCli(['--symbol', 'BTC', '--venues', 'binance,hyperliquid'], cli);
    expect(code).toBe(3);
    expect(out.stdout).toBe('');
    expect(out.stderr.split('\n')).toHaveLength(2);
    expect(out.stderr).toMatch(
      /^clusters: No venue could be reached: Binance could not be reached \(.*\).*; Hyperliquid could not be reached/,
    );
  });

  it('exit 2 for bad input, naming it', async () => {
    const cases: [string[], RegExp][] = [
      [['--symbol', 'BTC ETH'], /^clusters: --symbol: expected a base asset such as BTC, got "BTC ETH"/],
      [
        ['--har', HAR, '--venues', 'binance,kraken'],
        /--venues: unknown venue "kraken" \(known: binance, bybit/,
      ],
      [
        ['--har', HAR, '--params', '{"interval":"2h"}'],
        /interval: expected one of 5m, 15m, 30m, 1h, 4h, got "2h"/,
      ],
      [['--har', 'nope.har'], /^clusters: cannot read nope.har: /],
      [['--har', HAR, '--series', 'x.json'], /--series and --symbol\/--har do not go together/],
      [['--series', 'x.json', '--venues', 'okx'], /--venues goes with --symbol or --har/],
      [['--har', 'package.json'], /package.json: not a usable HAR file/],
    ];
    for (const [argv, message] of cases) {
      const { io: cli, out } = io();
      expect(await runCli(argv, cli), argv.join(' ')).toBe(2);
      expect(out.stderr, argv.join(' ')).toMatch(message);
    }
  });

  it('reads symbols as traders write them', () => {
    expect(
      ['BTC', 'btc', 'BTCUSDT', 'BTC-USDT-SWAP', 'BTC/USDT', 'ethusdc', 'SOL-USD'].map(assetFromSymbol),
    ).toEqual(['BTC', 'BTC', 'BTC', 'BTC', 'BTC', 'ETH', 'SOL']);
  });
});
