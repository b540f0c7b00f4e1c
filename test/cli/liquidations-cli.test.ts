import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runLiquidationsCli } from '../../scripts/lib/liquidations-cli';
import { FIXTURE_NOW } from '../../scripts/lib/sim/fixture-cases';
import { simulateLiquidations, toJsonl, WSREC_FIXTURE } from '../../scripts/lib/ws-sim';
import { memIo } from './mem-io';

const HAR = 'test/fixtures/har/btc-all.har';
const HAR_NOW = FIXTURE_NOW + 60_000; // the warm refresh, the recording's latest entry
const noNetwork = async () => {
  throw new Error('no network in tests');
};

async function run(argv: string[], files: Record<string, string>) {
  const mem = memIo(files);
  const code = await runLiquidationsCli(argv, { ...mem.io, fetch: noNetwork });
  return { code, stdout: mem.stdout(), stderr: mem.stderr() };
}

const key = (p: { venue: string; time: number; price: number; side: string }) =>
  `${p.time}|${p.venue}|${p.side}|${p.price}`;

describe('npm run liquidations', () => {
  const sim = simulateLiquidations({
    seed: 7,
    start: HAR_NOW - 10 * 60_000,
    durationMs: 40 * 60_000,
    price: 99_300,
    perMinute: 8,
    badFrames: 9,
    otherInstruments: true,
    okxOutOfOrder: true,
  });

  it('prints every print of the asset in time order, with the contract fields, and counts the bad ones', async () => {
    const r = await run(['--replay', 'rec.jsonl', '--har', HAR, '--symbol', 'BTC', '--json'], {
      'rec.jsonl': toJsonl(sim.records),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['format', 'asset', 'prints', 'rejected']);
    expect(out.format).toBe('liqlens.liquidations/1');
    expect(out.asset).toBe('BTC');
    expect(out.rejected).toBe(sim.rejected);
    expect(out.prints).toHaveLength(sim.prints.length);
    for (const p of out.prints)
      expect(Object.keys(p)).toEqual(['venue', 'instrument', 'side', 'price', 'size', 'notionalUsd', 'time']);
    const times = out.prints.map((p: { time: number }) => p.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const got = [...out.prints].sort((a, b) => key(a).localeCompare(key(b)));
    const want = [...sim.prints].sort((a, b) => key(a).localeCompare(key(b)));
    for (let i = 0; i < want.length; i++) {
      expect(got[i]).toMatchObject({
        ...want[i],
        size: expect.closeTo(want[i]?.size ?? 0, 9),
        notionalUsd: expect.closeTo(want[i]?.notionalUsd ?? 0, 6),
      });
    }
    expect(new Set(out.prints.map((p: { instrument: string }) => p.instrument))).toEqual(
      new Set(['BTCUSDT', 'BTC-USDT-SWAP']),
    );
    // Out-of-order OKX frames really were in the recording, and came out sorted.
    const okxTimes = sim.records
      .filter((x) => x.venue === 'okx' && x.data.includes('BTC-USDT-SWAP'))
      .map((x) => JSON.parse(x.data).data[0].details[0].ts);
    expect(okxTimes).not.toEqual([...okxTimes].sort());
  });

  it('--score adds the view of the HAR at its time, each band scored against the later same-side prints', async () => {
    const r = await run(['--replay', 'rec.jsonl', '--har', HAR, '--symbol', 'BTC', '--json', '--score'], {
      'rec.jsonl': toJsonl(sim.records),
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.score)).toEqual(['price', 'time', 'bands']);
    expect(out.score.time).toBe(HAR_NOW);
    expect(out.score.bands.length).toBeGreaterThan(0);
    const P = out.score.price;
    let anyRealised = false;
    for (const b of out.score.bands) {
      expect(Object.keys(b)).toEqual(['side', 'low', 'high', 'notionalUsd', 'realisedUsd']);
      const want = sim.prints
        .filter(
          (p) =>
            p.side === b.side &&
            p.time > HAR_NOW &&
            p.price >= b.low - 0.005 * P &&
            p.price <= b.high + 0.005 * P,
        )
        .reduce((a, p) => a + p.notionalUsd, 0);
      expect(b.realisedUsd).toBeCloseTo(want, 4);
      anyRealised ||= want > 0;
    }
    expect(anyRealised).toBe(true);
  });

  it('a hand-made recording: one print per venue, the figures by hand', async () => {
    const t = HAR_NOW + 1000;
    const rec = [
      {
        venue: 'bybit',
        url: 'wss://stream.bybit.com/v5/public/linear',
        t,
        data: JSON.stringify({
          topic: 'allLiquidation.BTCUSDT',
          ts: t,
          data: [{ T: t, s: 'BTCUSDT', S: 'Buy', v: '0.5', p: '99000' }],
        }),
      },
      {
        venue: 'okx',
        url: 'wss://ws.okx.com:8443/ws/v5/public',
        t,
        data: JSON.stringify({
          arg: { channel: 'liquidation-orders', instType: 'SWAP' },
          data: [
            {
              instId: 'BTC-USDT-SWAP',
              details: [{ bkPx: '100000', sz: '20', side: 'buy', posSide: 'short', ts: String(t - 5) }],
            },
          ],
        }),
      },
      {
        venue: 'binance',
        url: 'wss://fstream.binance.com/market/ws',
        t,
        data: JSON.stringify({
          e: 'forceOrder',
          E: t,
          o: { s: 'BTCUSDT', S: 'SELL', ap: '98000', z: '2', T: t + 5 },
        }),
      },
    ];
    const r = await run(['--replay', 'r.jsonl', '--har', HAR, '--symbol', 'BTCUSDT', '--json'], {
      'r.jsonl': rec.map((x) => JSON.stringify(x)).join('\n'),
    });
    const out = JSON.parse(r.stdout);
    expect(out.prints).toEqual([
      {
        venue: 'okx',
        instrument: 'BTC-USDT-SWAP',
        side: 'short',
        price: 100000,
        size: 0.2,
        notionalUsd: 20000,
        time: t - 5,
      },
      {
        venue: 'bybit',
        instrument: 'BTCUSDT',
        side: 'long',
        price: 99000,
        size: 0.5,
        notionalUsd: 49500,
        time: t,
      },
      {
        venue: 'binance',
        instrument: 'BTCUSDT',
        side: 'long',
        price: 98000,
        size: 2,
        notionalUsd: 196000,
        time: t + 5,
      },
    ]);
    expect(out.rejected).toBe(0);
  });

  it('without a contract value OKX is left out with a note, the other venues still counted', async () => {
    const r = await run(['--replay', 'rec.jsonl', '--symbol', 'BTC', '--json'], {
      'rec.jsonl': toJsonl(sim.records),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^liquidations: OKX prints left out: no contract value for BTC-USDT-SWAP/);
    const out = JSON.parse(r.stdout);
    expect(out.prints.length).toBe(sim.prints.filter((p) => p.venue !== 'okx').length);
  });

  it('the text report names the totals', async () => {
    const r = await run(['--replay', 'rec.jsonl', '--har', HAR, '--symbol', 'BTC'], {
      'rec.jsonl': toJsonl(sim.records),
    });
    expect(r.stdout).toMatch(/^BTC realised liquidations \(replayed\): \d+ prints, 9 rejected/);
  });

  it.each([
    [['--symbol', 'BTC'], /--replay REC.jsonl is required/],
    [['--replay', 'rec.jsonl'], /--symbol is required/],
    [['--replay', 'rec.jsonl', '--symbol', 'BTC', '--score'], /--score needs --har/],
    [['--replay', 'missing.jsonl', '--symbol', 'BTC'], /cannot read missing.jsonl: no such file/],
    [['--replay', 'bad.jsonl', '--symbol', 'BTC'], /bad.jsonl: line 2: not JSON/],
    [['--replay', 'venue.jsonl', '--symbol', 'BTC'], /venue.jsonl: line 1: venue: /],
    [['--replay', 'rec.jsonl', '--symbol', 'B T C'], /--symbol: expected a base asset/],
    [['--replay', 'rec.jsonl', '--symbol', 'BTC', '--har', 'rec.jsonl'], /rec.jsonl: /],
    [['--replay', 'rec.jsonl', '--symbol', 'BTC', '--frobnicate'], /unknown option --frobnicate/],
  ])('bad input %j: one line, exit 2', async (argv, message) => {
    const r = await run(argv, {
      'rec.jsonl': toJsonl(sim.records.slice(0, 5)),
      'bad.jsonl': `${JSON.stringify(sim.records[0])}\n{"venue":`,
      'venue.jsonl': JSON.stringify({ venue: 'deribit', url: 'wss://x', t: 1, data: '{}' }),
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the example recording', () => {
  it('is what the WebSocket simulator writes (npx tsx scripts/make-wsrec-fixture.ts)', () => {
    expect(readFileSync(WSREC_FIXTURE.path, 'utf8')).toBe(
      toJsonl(simulateLiquidations(WSREC_FIXTURE.options).records),
    );
  });
});
