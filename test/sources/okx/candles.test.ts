import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOkxSource } from '../../../lib/sources/okx';
import { okxBar, okxPeriod } from '../../../lib/sources/okx/instrument';
import { fakeHttp, query } from './fake-http';
import { closeAt, NOW, okxServer, STEP } from './okx-server';

const DAY = 86_400_000;
const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api-samples/${name}`, import.meta.url), 'utf8'));

describe('OKX candles', () => {
  it('parses the real sample, drops the unconfirmed row and takes base and quote volume', async () => {
    const http = fakeHttp(() => sample('okx-candles.json'));
    const okx = createOkxSource(http);
    const res = await okx.candles('BTC', '15m', 1597026383085, 1597026383085);
    expect(res).toEqual({
      ok: true,
      value: [
        {
          t: 1597026383085,
          open: 3.731,
          high: 3.799,
          low: 3.494,
          close: 3.72,
          volume: 67632347.24399722,
          quoteVolume: 37632347.24399722,
          takerBuyVolume: null,
        },
      ],
    });
    expect(http.requests[0]?.url).toBe(
      'https://www.okx.com/api/v5/market/candles?instId=BTC-USDT-SWAP&bar=15m&after=1597026383086&limit=1',
    );
    expect(http.requests[0]).toMatchObject({ host: 'okx', endpoint: 'candles', method: 'GET' });
  });

  it('pages a cold 7-day window backwards in three requests of 300, 300 and 73', async () => {
    const http = fakeHttp(okxServer());
    const from = NOW - 672 * STEP;
    const res = await createOkxSource(http).candles('BTC', '15m', from, NOW);
    if (!res.ok) throw new Error(res.error.message);
    expect(http.requests.map((r) => [r.endpoint, query(r).after, query(r).limit])).toEqual([
      ['candles', String(NOW + 1), '300'],
      ['candles', String(NOW - 299 * STEP), '300'],
      ['candles', String(NOW - 599 * STEP), '73'],
    ]);
    // 673 open times in [from, NOW]; the one opened at NOW is unfinished and dropped.
    expect(res.value).toHaveLength(672);
    expect(res.value[0]?.t).toBe(from);
    expect(res.value.at(-1)?.t).toBe(NOW - STEP);
    expect(res.value.every((c, i) => i === 0 || c.t - (res.value[i - 1]?.t ?? 0) === STEP)).toBe(true);
    expect(res.value[5]?.close).toBe(closeAt(from + 5 * STEP));
  });

  it('switches to history-candles past the 1,440 bars that candles keeps', async () => {
    const http = fakeHttp(okxServer());
    const from = NOW - 1500 * STEP;
    const res = await createOkxSource(http).candles('BTC', '15m', from, NOW - STEP);
    if (!res.ok) throw new Error(res.error.message);
    expect(http.requests.map((r) => [r.endpoint, query(r).limit])).toEqual([
      ['candles', '300'],
      ['candles', '300'],
      ['candles', '300'],
      ['candles', '300'],
      ['candles', '300'],
      ['history-candles', '61'],
    ]);
    expect(query(http.requests[5] as never).after).toBe(String(NOW - 1439 * STEP));
    expect(res.value).toHaveLength(1500);
    expect(new Set(res.value.map((c) => c.t)).size).toBe(1500);
    expect(res.value[0]?.t).toBe(from);
  });

  it('goes straight on in history-candles, 100 a page, when candles has nothing that old', async () => {
    const http = fakeHttp(okxServer());
    const from = NOW - 2000 * STEP;
    const res = await createOkxSource(http).candles('BTC', '15m', from, NOW - 1500 * STEP);
    if (!res.ok) throw new Error(res.error.message);
    expect(http.requests.map((r) => `${r.endpoint}:${query(r).limit}`)).toEqual([
      'candles:300',
      'history-candles:100',
      'history-candles:100',
      'history-candles:100',
      'history-candles:100',
      'history-candles:100',
      'history-candles:1',
    ]);
    expect(res.value).toHaveLength(501);
  });

  it('sorts newest-first pages ascending and dedupes overlapping rows', async () => {
    const row = (t: number, confirm = '1') => [
      String(t),
      '1',
      '2',
      '0.5',
      '1.5',
      '10',
      '0.1',
      '0.15',
      confirm,
    ];
    const pages = [
      [row(NOW, '0'), row(NOW - STEP), row(NOW - 2 * STEP)],
      [row(NOW - 2 * STEP), row(NOW - 3 * STEP), row(NOW - 4 * STEP)],
    ];
    let i = 0;
    const http = fakeHttp(() => ({ code: '0', msg: '', data: pages[i++] ?? [] }));
    const res = await createOkxSource(http).candles('BTC', '15m', NOW - 4 * STEP, NOW);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.map((c) => c.t)).toEqual([NOW - 4 * STEP, NOW - 3 * STEP, NOW - 2 * STEP, NOW - STEP]);
    expect(query(http.requests[1] as never).after).toBe(String(NOW - 2 * STEP));
  });

  it('stops when a page brings nothing new', async () => {
    const row = [String(NOW - STEP), '1', '2', '0.5', '1.5', '10', '0.1', '0.15', '1'];
    const http = fakeHttp(() => ({ code: '0', msg: '', data: [row] }));
    const res = await createOkxSource(http).candles('BTC', '15m', NOW - 10 * STEP, NOW);
    expect(res.ok && res.value.length).toBe(1);
    expect(http.requests.length).toBeLessThanOrEqual(3);
  });

  it('returns no candles, not a failure, when both endpoints are empty', async () => {
    const http = fakeHttp(() => ({ code: '0', msg: '', data: [] }));
    const res = await createOkxSource(http).candles('BTC', '15m', NOW - 10 * STEP, NOW);
    expect(res).toEqual({ ok: true, value: [] });
    expect(http.requests.map((r) => r.endpoint)).toEqual(['candles', 'history-candles']);
  });

  it('asks for 1H bars for a 1h interval', async () => {
    const http = fakeHttp(() => ({ code: '0', msg: '', data: [] }));
    await createOkxSource(http).candles('ETH', '1h', NOW - 3_600_000, NOW);
    expect(query(http.requests[0] as never)).toMatchObject({ instId: 'ETH-USDT-SWAP', bar: '1H' });
  });
});

describe('OKX intervals', () => {
  it('refuses an interval OKX does not serve as a failure, asking nothing (no exception)', async () => {
    const http = fakeHttp(() => {
      throw new Error('no request expected');
    });
    const source = createOkxSource(http);
    const candles = await source.candles('BTC', '2w', 0, 10 * DAY);
    expect(candles.ok || candles.error).toMatchObject({ kind: 'http', host: 'okx', endpoint: 'candles' });
    expect(candles.ok || candles.error.message).toBe('OKX candles: the 2w interval is not offered');
    const history = await source.openInterestHistory('BTC', '1m', 0, 10 * DAY);
    expect(history.ok || history.error.endpoint).toBe('open-interest-history');
    expect(http.requests).toHaveLength(0);
  });

  it('asks UTC-aligned bars from 6h up (OKX opens 6H/12H/1D at UTC+8), for candles and OI history', () => {
    expect(['5m', '1h', '4h', '6h', '12h', '1d'].map(okxBar)).toEqual([
      '5m',
      '1H',
      '4H',
      '6Hutc',
      '12Hutc',
      '1Dutc',
    ]);
    expect(['1m', '5m', '1d'].map(okxPeriod)).toEqual([undefined, '5m', '1Dutc']);
  });
});
