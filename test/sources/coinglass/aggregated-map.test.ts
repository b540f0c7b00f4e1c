import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceFailure } from '../../../lib/http/types';
import { createCoinglassSource, PLAN_MESSAGE } from '../../../lib/sources/coinglass';
import { fakeHttp } from '../okx/fake-http';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api-samples/${name}`, import.meta.url), 'utf8'));

const KEY = 'cg-5ecret-K3y-0123456789abcdef';

describe('CoinGlass aggregated liquidation map', () => {
  it('parses the real sample and sends the key only as the CG-API-KEY header', async () => {
    const http = fakeHttp(() => sample('coinglass-liquidation-aggregated-map.json'));
    const res = await createCoinglassSource(http, KEY).aggregatedMap('BTC');
    expect(res).toEqual({ ok: true, value: [{ price: 48935, usd: 1579370.77 }] });
    expect(http.requests).toEqual([
      {
        host: 'coinglass',
        endpoint: 'aggregated-map',
        method: 'GET',
        url: 'https://open-api-v4.coinglass.com/api/futures/liquidation/aggregated-map?symbol=BTC&range=7d',
        headers: { 'CG-API-KEY': KEY, accept: 'application/json' },
      },
    ]);
  });

  it('also reads the per-exchange map shape (leverage filled in)', async () => {
    const http = fakeHttp(() => sample('coinglass-liquidation-map.json'));
    const res = await createCoinglassSource(http, KEY).aggregatedMap('btc', '3d');
    expect(res).toEqual({ ok: true, value: [{ price: 48935, usd: 1579370.77 }] });
    expect(http.requests[0]?.url).toContain('symbol=BTC&range=3d');
  });

  it('sums rows at the same price, sorts by price, takes number strings, skips empty levels', async () => {
    const json = {
      code: '0',
      msg: 'success',
      data: {
        data: {
          '51000': [
            [51000, 100, 25, null],
            ['51000', '50.5', 100, null],
          ],
          '49000': [[49000, 300, null, null]],
          '50000': [[50000, 0, null, null]],
        },
      },
    };
    const res = await createCoinglassSource(
      fakeHttp(() => json),
      KEY,
    ).aggregatedMap('BTC');
    expect(res).toEqual({
      ok: true,
      value: [
        { price: 49000, usd: 300 },
        { price: 51000, usd: 150.5 },
      ],
    });
  });

  it('names the field path of a renamed field and of a "NaN" amount', async () => {
    const renamed = sample('coinglass-liquidation-aggregated-map.json');
    renamed.data.levels = renamed.data.data;
    delete renamed.data.data;
    const r1 = await createCoinglassSource(
      fakeHttp(() => renamed),
      KEY,
    ).aggregatedMap('BTC');
    expect(r1).toMatchObject({
      ok: false,
      error: { kind: 'bad-response', endpoint: 'aggregated-map', path: 'data.data' },
    });

    const nan = sample('coinglass-liquidation-aggregated-map.json');
    nan.data.data['48935'][0][1] = 'NaN';
    const r2 = await createCoinglassSource(
      fakeHttp(() => nan),
      KEY,
    ).aggregatedMap('BTC');
    expect(r2).toMatchObject({ ok: false, error: { kind: 'bad-response', path: 'data.data.48935[0][1]' } });
    // Our own words: the field and what was expected, never the server's value.
    expect(!r2.ok && r2.error.message).toBe(
      'CoinGlass aggregated-map: the field data.data.48935[0][1]: expected a number or number string',
    );
  });

  it('returns no levels for an empty map', async () => {
    const json = { code: '0', msg: 'success', data: { data: {} } };
    expect(
      await createCoinglassSource(
        fakeHttp(() => json),
        KEY,
      ).aggregatedMap('BTC'),
    ).toEqual({
      ok: true,
      value: [],
    });
  });
});

describe('CoinGlass failures', () => {
  const cases: [string, unknown][] = [
    [
      'HTTP 401 (the client says auth)',
      {
        failure: {
          kind: 'auth',
          host: 'coinglass',
          endpoint: 'aggregated-map',
          status: 401,
          message: 'CoinGlass did not accept the API key (aggregated-map, HTTP 401)',
        },
      },
    ],
    ['code 401 in the body', { code: '401', msg: `API key ${KEY} has no access`, data: null }],
    ['an upgrade message', { code: '30001', msg: 'Upgrade your plan to access this endpoint', data: null }],
  ];
  for (const [name, answer] of cases) {
    it(`says plainly that the plan lacks the map: ${name}`, async () => {
      const res = await createCoinglassSource(
        fakeHttp(() => answer),
        KEY,
      ).aggregatedMap('BTC');
      expect(res).toMatchObject({
        ok: false,
        error: { kind: 'auth', host: 'coinglass', message: PLAN_MESSAGE },
      });
    });
  }

  it('needs a key, and asks nothing without one', async () => {
    const http = fakeHttp(() => sample('coinglass-liquidation-aggregated-map.json'));
    const res = await createCoinglassSource(http, '  ').aggregatedMap('BTC');
    expect(res).toMatchObject({ ok: false, error: { kind: 'auth', message: 'No CoinGlass API key is set' } });
    expect(http.requests).toHaveLength(0);
  });

  it('names any other code ≠ "0", never the server’s message', async () => {
    const http = fakeHttp(() => ({ code: '500', msg: 'Server busy', data: null }));
    const res = await createCoinglassSource(http, KEY).aggregatedMap('BTC');
    expect(res).toMatchObject({
      ok: false,
      error: {
        kind: 'http',
        message: 'CoinGlass aggregated-map: CoinGlass refused the request with code 500',
      },
    });
  });

  it('treats a rate-limit code as rate-limited', async () => {
    const http = fakeHttp(() => ({ code: '429', msg: 'Too Many Requests', data: null }));
    const res = await createCoinglassSource(http, KEY).aggregatedMap('BTC');
    expect(res).toMatchObject({ ok: false, error: { kind: 'rate-limited', host: 'coinglass' } });
  });

  it('never puts the key in a message, even when the server or client echoes it', async () => {
    const answers: unknown[] = [
      { code: '30002', msg: `invalid api key: ${KEY}`, data: null },
      { code: '500', msg: `internal error for ${KEY}`, data: null },
      {
        failure: {
          kind: 'network',
          host: 'coinglass',
          endpoint: 'aggregated-map',
          message: `fetch failed with ${KEY}`,
        },
      },
      {
        failure: {
          kind: 'auth',
          host: 'coinglass',
          endpoint: 'aggregated-map',
          message: `bad key ${KEY}`,
          status: 401,
        },
      },
      { code: '0', msg: '', data: { data: { [KEY]: [[1, 'NaN']] } } },
      { code: '0', msg: '', data: null },
      '<html>',
    ];
    const messages: string[] = [];
    for (const answer of answers) {
      const res = await createCoinglassSource(
        fakeHttp(() => answer),
        KEY,
      ).aggregatedMap('BTC');
      if (res.ok) throw new Error('expected a failure');
      const f: SourceFailure = res.error;
      messages.push(f.message, f.path ?? '');
    }
    expect(messages.filter((m) => m.includes(KEY))).toEqual([]);
    expect(messages[0]).toBe('CoinGlass did not accept the API key: check it in the options');
  });

  it('no run of 8 of the key’s characters survives, in any message or path, however long the echo (issue 9)', async () => {
    const long = 'x'.repeat(100);
    const pieces = [KEY, KEY.slice(0, 15), KEY.slice(3, 11), KEY.slice(-9)];
    const answers: unknown[] = pieces.flatMap((piece) => [
      { code: '500', msg: `${long} key=${piece}`, data: null },
      { code: `5${piece}`, msg: `${long} key=${piece}`, data: null },
      { code: '0', msg: '', data: { data: { [`${long}${piece}`]: [[1, 'NaN']] } } },
      { code: '0', msg: '', data: { data: { '1': [[1, `${long}${piece}`]] } } },
      {
        failure: {
          kind: 'http',
          host: 'coinglass',
          endpoint: 'aggregated-map',
          status: 400,
          message: `CoinGlass rejected the request (aggregated-map, HTTP 400): ${long}${piece}`,
        },
      },
      `${long}${piece}`,
    ]);
    const runs = (text: string) =>
      Array.from({ length: KEY.length - 7 }, (_, i) => KEY.slice(i, i + 8)).filter((run) =>
        text.includes(run),
      );
    for (const answer of answers) {
      const res = await createCoinglassSource(
        fakeHttp(() => answer),
        KEY,
      ).aggregatedMap('BTC');
      if (res.ok) throw new Error('expected a failure');
      expect(runs(`${res.error.message} ${res.error.path ?? ''}`), JSON.stringify(res.error)).toEqual([]);
      expect(res.error.message).not.toContain(long.slice(0, 20));
    }
  });

  it('refuses an asset that cannot be a CoinGlass symbol without asking', async () => {
    const http = fakeHttp(() => ({}));
    const res = await createCoinglassSource(http, KEY).aggregatedMap('BTC/USDT');
    expect(res).toMatchObject({ ok: false, error: { kind: 'unsupported-symbol' } });
    expect(http.requests).toHaveLength(0);
  });
});
