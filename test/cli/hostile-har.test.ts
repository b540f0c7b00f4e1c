import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClusterViewSchema } from '../../lib/model/cluster-view';
import { runCli } from '../../scripts/lib/clusters-cli';
import { memIo } from './mem-io';

const HAR = readFileSync('test/fixtures/har/btc-all.har', 'utf8');

/** btc-all.har with `field` set to `value` in every answer from a URL containing `url`. */
function tampered(url: string, edit: (json: Record<string, unknown>) => void): string {
  const har = JSON.parse(HAR) as {
    log: { entries: { request: { url: string }; response: { content: { text?: string } } }[] };
  };
  let edited = 0;
  for (const entry of har.log.entries) {
    if (!entry.request.url.includes(url) || entry.response.content.text === undefined) continue;
    const json = JSON.parse(entry.response.content.text) as Record<string, unknown>;
    edit(json);
    entry.response.content.text = JSON.stringify(json);
    edited++;
  }
  expect(edited).toBeGreaterThan(0);
  return JSON.stringify(har);
}

async function clusters(har: string, json: boolean) {
  const mem = memIo({ 'x.har': har });
  const code = await runCli(['--har', 'x.har', ...(json ? ['--json'] : [])], mem.io);
  return { code, stdout: mem.stdout(), stderr: mem.stderr() };
}

/** Every number anywhere in `value`. */
function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbers(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbers(v, out);
  return out;
}

describe('clusters --har with one overflowing figure (issue 9)', () => {
  const cases: [string, string, (json: Record<string, unknown>) => void, RegExp][] = [
    [
      'Binance open interest "1e308"',
      '/fapi/v1/openInterest',
      (j) => {
        j.openInterest = '1e308';
      },
      /^Binance openInterest: openInterest: expected a number string within ±1000000000000000, got "1e308"$/,
    ],
    [
      'Binance mark price "1e308"',
      '/fapi/v1/premiumIndex',
      (j) => {
        j.markPrice = '1e308';
      },
      /^Binance premiumIndex: markPrice: expected a .*within ±1000000000000000, got "1e308"$/,
    ],
    [
      'Binance funding 1e302',
      '/fapi/v1/premiumIndex',
      (j) => {
        j.lastFundingRate = '1e302';
      },
      /^Binance premiumIndex: lastFundingRate: expected a number string within ±0.1, got "1e302"$/,
    ],
  ];

  for (const [name, url, edit, message] of cases) {
    it(`${name}: exit 0, that venue failed naming the field, the others ok, every figure finite`, async () => {
      const har = tampered(url, edit);
      const { code, stdout, stderr } = await clusters(har, true);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const view = ClusterViewSchema.parse(JSON.parse(stdout));
      const binance = view.venues.find((v) => v.venue === 'binance');
      expect(binance?.status).toBe('failed');
      expect(binance?.message).toMatch(message);
      expect(view.venues.filter((v) => v.venue !== 'binance').map((v) => v.status)).toEqual([
        'ok',
        'ok',
        'no-ledger',
      ]);
      expect(numbers(view).every(Number.isFinite)).toBe(true);

      const text = await clusters(har, false);
      expect(text.code).toBe(0);
      expect(text.stdout).not.toMatch(/Infinity|NaN|e\+30/);
    });
  }

  it('a Binance candle with high below low fails Binance only', async () => {
    const har = tampered('/fapi/v1/klines', (j) => {
      const rows = j as unknown as string[][];
      const row = rows[5] as string[];
      row[2] = String(Number(row[3]) - 1000);
    });
    const { code, stdout } = await clusters(har, true);
    expect(code).toBe(0);
    const view = ClusterViewSchema.parse(JSON.parse(stdout));
    const binance = view.venues.find((v) => v.venue === 'binance');
    expect(binance?.status).toBe('failed');
    expect(binance?.message).toMatch(
      /^Binance candles: the BTCUSDT candle at .* is impossible: its high .* is below its low/,
    );
    expect(view.venues.filter((v) => v.status === 'ok')).toHaveLength(2);
  });
});
