import { describe, expect, it } from 'vitest';
import { runCli } from '../../scripts/lib/clusters-cli';
import { memIo } from './mem-io';

const M = 900_000;
const T0 = Date.UTC(2026, 0, 1);

type Row = [number, number, number, number, number, number, number | null, number | null];

/** A healthy 15-minute Binance series of `n` candles, with `edit` applied to its document. */
function series(n = 8, edit: (doc: Record<string, unknown>, candles: Row[]) => void = () => {}): string {
  const candles: Row[] = Array.from({ length: n }, (_, i) => [T0 + i * M, 100, 101, 99, 100, 10, 1000, 5]);
  const doc: Record<string, unknown> = {
    format: 'liqlens.series/1',
    asset: 'BTC',
    interval: '15m',
    venues: [
      {
        venue: 'binance',
        instrument: 'BTCUSDT',
        markPrice: 100,
        candles,
        openInterest: candles.map(([t], i) => [t, 1000 + i]),
      },
    ],
  };
  edit(doc, candles);
  return JSON.stringify(doc);
}

async function run(text: string, json = false) {
  const mem = memIo({ 's.json': text });
  const code = await runCli(['--series', 's.json', ...(json ? ['--json'] : [])], mem.io);
  return { code, stdout: mem.stdout(), stderr: mem.stderr() };
}

async function rejects(text: string, message: RegExp) {
  const { code, stdout, stderr } = await run(text);
  expect(stdout).toBe('');
  expect(code).toBe(2);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(message);
}

describe('clusters --series: impossible candles, stamps and labels are bad input (issue 9)', () => {
  it('the healthy series runs', async () => {
    expect((await run(series())).code).toBe(0);
  });

  it('a candle with high below low: exit 2 naming the candle', async () => {
    await rejects(
      series(8, (_, c) => {
        (c[3] as Row)[2] = 50;
      }),
      /^clusters: s\.json: venues\[0\]\.candles\[3\]: its high 50 is below its low 99\n$/,
    );
  });

  it('open or close outside [low, high]: exit 2', async () => {
    await rejects(
      series(8, (_, c) => {
        (c[2] as Row)[1] = 120;
      }),
      /candles\[2\]: its open 120 is outside \[low 99, high 101\]/,
    );
    await rejects(
      series(8, (_, c) => {
        (c[4] as Row)[4] = 90;
      }),
      /candles\[4\]: its close 90 is outside \[low 99, high 101\]/,
    );
  });

  it('a candle stamped 2^53 − 1: exit 2, not every venue silently dropped', async () => {
    await rejects(
      series(8, (_, c) => {
        (c[7] as Row)[0] = Number.MAX_SAFE_INTEGER;
      }),
      /candles\[7\]\[0\]: expected a time in ms before the year 2200/,
    );
  });

  it('an interval label that is not the candles’ spacing: exit 2', async () => {
    await rejects(
      series(8, (doc) => {
        doc.interval = '7m';
      }),
      /venues\[0\]\.candles: candles 15 minutes apart do not fit the interval 7m/,
    );
    await rejects(
      series(8, (doc) => {
        doc.interval = '5m';
      }),
      /venues\[0\]\.candles: the candles are at least 15 minutes apart, not 5m/,
    );
  });

  it('no terminal escape or control character from data reaches the terminal', async () => {
    const evil = 'BTC\u001b[2J\u001b]0;pwned\u0007\nFAKE LINE\r\u009b31m\u202e';
    const text = series(8, (doc) => {
      (doc.venues as [{ instrument: string }])[0].instrument = evil;
    });
    for (const json of [false, true]) {
      const { code, stdout } = await run(text, json);
      expect(code).toBe(0);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be printed.
      expect(stdout.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
      expect(stdout).not.toMatch(/^FAKE LINE/m);
    }
    const json = await run(text, true);
    expect(JSON.parse(json.stdout).venues[0].instrument).toBe(evil);
  });
});
