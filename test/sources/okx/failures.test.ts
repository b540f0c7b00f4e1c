import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceFailure } from '../../../lib/http/types';
import { createOkxSource } from '../../../lib/sources/okx';
import { fakeHttp } from './fake-http';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api-samples/${name}`, import.meta.url), 'utf8'));
const ok = (data: unknown) => ({ code: '0', msg: '', data });
const instruments = ok([{ instId: 'BTC-USDT-SWAP', ctVal: '0.01', ctMult: '1' }]);
const T = 1743588000000;

function failureOf(res: { ok: boolean; error?: SourceFailure }): SourceFailure {
  if (res.ok || !res.error) throw new Error('expected a failure');
  return res.error;
}

describe('OKX failures', () => {
  it('reports an instrument OKX does not list (51001) as unsupported-symbol', async () => {
    const http = fakeHttp(() => ({ code: '51001', msg: 'Instrument ID does not exist', data: [] }));
    const okx = createOkxSource(http);
    const f = failureOf(await okx.candles('FOO', '15m', T - 900_000, T));
    expect(f).toMatchObject({ kind: 'unsupported-symbol', host: 'okx', endpoint: 'candles' });
    expect(f.message).toBe('FOO-USDT-SWAP is not listed on OKX USDT perpetual swaps');
    expect(failureOf(await okx.depth('FOO'))).toMatchObject({ kind: 'unsupported-symbol' });
  });

  it('reports an instruments answer without the instrument as unsupported-symbol', async () => {
    const http = fakeHttp(() => ok([]));
    const f = failureOf(await createOkxSource(http).depth('FOO'));
    expect(f).toMatchObject({ kind: 'unsupported-symbol', endpoint: 'instruments' });
    expect(f.message).toContain('FOO-USDT-SWAP');
  });

  it('names venue, endpoint and field path when a field is renamed', async () => {
    const funding = sample('okx-funding-rate.json');
    funding.data[0].fundingRat = funding.data[0].fundingRate;
    delete funding.data[0].fundingRate;
    const http = fakeHttp((req) => {
      if (req.endpoint === 'funding-rate') return funding;
      if (req.endpoint === 'instruments') return instruments;
      if (req.endpoint === 'mark-price') return ok([{ instId: 'BTC-USDT-SWAP', markPx: '1', ts: '1' }]);
      return sample('okx-open-interest.json');
    });
    const f = failureOf(await createOkxSource(http).snapshot('BTC'));
    expect(f).toMatchObject({
      kind: 'bad-response',
      host: 'okx',
      endpoint: 'funding-rate',
      path: 'data[0].fundingRate',
    });
    expect(f.message).toMatch(/^OKX funding-rate: data\[0\]\.fundingRate: /);
  });

  it('rejects "NaN" number strings with the field path', async () => {
    const candles = sample('okx-candles.json');
    candles.data[1][2] = 'NaN';
    const f = failureOf(
      await createOkxSource(fakeHttp(() => candles)).candles('BTC', '15m', 0, 1597026383085),
    );
    expect(f).toMatchObject({ kind: 'bad-response', endpoint: 'candles', path: 'data[1][2]' });
    expect(f.message).toContain('"NaN"');
  });

  it('rejects an envelope without code', async () => {
    const f = failureOf(await createOkxSource(fakeHttp(() => ({ data: [] }))).candles('BTC', '15m', 0, T));
    expect(f).toMatchObject({ kind: 'bad-response', endpoint: 'candles', path: 'code' });
  });

  it('turns code 50011 into rate-limited with a retry time when a clock is given', async () => {
    const http = fakeHttp(() => ({ code: '50011', msg: 'Too Many Requests', data: [] }));
    const f = failureOf(await createOkxSource(http, { now: () => 1_000 }).candles('BTC', '15m', 0, T));
    expect(f).toMatchObject({ kind: 'rate-limited', host: 'okx', endpoint: 'candles', retryAt: 3_000 });
  });

  it('turns any other code ≠ "0" into a failure quoting OKX', async () => {
    const http = fakeHttp(() => ({ code: '51000', msg: 'Parameter limit error', data: [] }));
    const f = failureOf(await createOkxSource(http).candles('BTC', '15m', 0, T));
    expect(f.kind).toBe('http');
    expect(f.message).toBe('OKX candles: OKX refused the request with code 51000 (Parameter limit error)');
  });

  it('fails a snapshot whose mark price list is empty, naming the endpoint', async () => {
    const http = fakeHttp((req) => {
      if (req.endpoint === 'mark-price') return ok([]);
      if (req.endpoint === 'instruments') return instruments;
      if (req.endpoint === 'funding-rate') return sample('okx-funding-rate.json');
      return sample('okx-open-interest.json');
    });
    const f = failureOf(await createOkxSource(http).snapshot('BTC'));
    expect(f).toMatchObject({ kind: 'bad-response', endpoint: 'mark-price', path: 'data' });
  });

  it('passes the client failure through unchanged', async () => {
    const failure: SourceFailure = {
      kind: 'region',
      host: 'okx',
      endpoint: 'books',
      message: 'OKX is unavailable in your region (books)',
    };
    const http = fakeHttp((req) => (req.endpoint === 'instruments' ? instruments : { failure }));
    expect(failureOf(await createOkxSource(http).depth('BTC'))).toEqual(failure);
  });

  it('does not keep a failed contract-size lookup', async () => {
    let calls = 0;
    const http = fakeHttp((req) => {
      if (req.endpoint === 'instruments')
        return ++calls === 1
          ? { failure: { kind: 'network', host: 'okx', endpoint: 'instruments', message: 'x' } }
          : instruments;
      return sample('okx-books.json');
    });
    const okx = createOkxSource(http);
    expect((await okx.depth('BTC')).ok).toBe(false);
    expect((await okx.depth('BTC')).ok).toBe(true);
    expect(calls).toBe(2);
  });
});
