import { describe, expect, it } from 'vitest';
import { getJson } from '../../../lib/sources/shared/get-json';
import { num } from '../../../lib/sources/shared/num';
import { parseWith } from '../../../lib/sources/shared/parse';
import { z } from '../../../lib/util/zod';
import { fakeHttp } from './fake-http';

const KlineSchema = z.looseObject({
  result: z.looseObject({ list: z.array(z.tuple([num(), num(), num(), num(), num()])) }),
});

describe('parseWith', () => {
  it('accepts extra fields and returns parsed numbers', () => {
    const r = parseWith(
      KlineSchema,
      { result: { list: [['1', '2', '3', '4', '5']], extra: 1 }, time: 2 },
      'bybit',
      'kline',
    );
    expect(r).toEqual({ ok: true, value: { result: { list: [[1, 2, 3, 4, 5]], extra: 1 }, time: 2 } });
  });

  it('names venue, endpoint and the field path of a bad number', () => {
    const r = parseWith(KlineSchema, { result: { list: [['1', '2', '3', '4', 'NaN']] } }, 'bybit', 'kline');
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'bad-response',
        host: 'bybit',
        endpoint: 'kline',
        path: 'result.list[0][4]',
        message: 'Bybit kline: result.list[0][4]: expected a number string, got "NaN"',
      },
    });
  });

  it('says "missing" for a renamed field and counts further problems', () => {
    const Schema = z.looseObject({ markPrice: z.string(), time: z.number() });
    const r = parseWith(Schema, { markPx: '1' }, 'binance', 'premiumIndex');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe(
        'Binance premiumIndex: markPrice: missing (expected string) (and 1 more problem)',
      );
      expect(r.error.path).toBe('markPrice');
    }
  });

  it('reports a wrong top-level shape without a path', () => {
    const r = parseWith(z.array(z.number()), '<html>', 'coinglass', 'aggregated-map');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('CoinGlass aggregated-map: expected array, received string');
  });
});

describe('getJson', () => {
  it('passes the request with GET and its weight, then parses', async () => {
    const http = fakeHttp({ '/x?a=1': { json: [1, 2] } });
    const r = await getJson(
      http,
      { host: 'binance', endpoint: 'x', url: 'https://h/x?a=1', weight: 5 },
      z.array(z.number()),
    );
    expect(r.ok && r.value.value).toEqual([1, 2]);
    expect(http.sent[0]).toMatchObject({ method: 'GET', weight: 5, host: 'binance', endpoint: 'x' });
  });

  it('lets inspect turn a venue error body into a precise failure', async () => {
    const http = fakeHttp({ '/x': { status: 400, json: { code: -1121 } } });
    const r = await getJson(
      http,
      { host: 'binance', endpoint: 'x', url: 'https://h/x' },
      z.array(z.number()),
      (o) =>
        o.ok && (o.value.json as { code?: number }).code === -1121
          ? { kind: 'unsupported-symbol', host: 'binance', endpoint: 'x', message: 'no' }
          : undefined,
    );
    expect(r.ok || r.error.kind).toBe('unsupported-symbol');
  });

  it('an HTTP error the client let through becomes an http failure, not a parse error', async () => {
    const http = fakeHttp({ '/x': { status: 503, json: {} } });
    const r = await getJson(http, { host: 'okx', endpoint: 'x', url: 'https://h/x' }, z.array(z.number()));
    expect(r.ok || r.error).toMatchObject({
      kind: 'http',
      status: 503,
      message: 'OKX x: the venue answered HTTP 503',
    });
  });

  it('passes the client failure through', async () => {
    const http = fakeHttp({});
    const r = await getJson(http, { host: 'okx', endpoint: 'x', url: 'https://h/x' }, z.array(z.number()));
    expect(r.ok || r.error.kind).toBe('network');
  });
});
