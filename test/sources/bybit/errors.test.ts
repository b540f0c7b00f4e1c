import { describe, expect, it } from 'vitest';
import { createBybitSource } from '../../../lib/sources/bybit';
import { fakeHttp } from '../shared/fake-http';
import { envelope } from './envelope';

const BOOK = (symbol: string) => `/v5/market/orderbook?category=linear&symbol=${symbol}&limit=500`;

describe('Bybit refusals', () => {
  it('retCode 10001 "symbol invalid" on HTTP 200 → unsupported-symbol', async () => {
    const http = fakeHttp({
      [BOOK('BTCXYZUSDT')]: { json: envelope({}, 1, 10001, 'params error: symbol invalid') },
      '/v5/market/kline?category=linear&symbol=BTCXYZUSDT&interval=15&start=0&end=0&limit=1': {
        json: envelope({}, 1, 10001, 'params error: symbol invalid'),
      },
    });
    const source = createBybitSource(http);
    const depth = await source.depth('BTCXYZ');
    expect(depth.ok || depth.error).toEqual({
      kind: 'unsupported-symbol',
      host: 'bybit',
      endpoint: 'orderbook',
      message: 'BTCXYZUSDT is not listed on Bybit USDT perpetuals',
    });
    const candles = await source.candles('BTCXYZ', '15m', 0, 0);
    expect(candles.ok || candles.error.kind).toBe('unsupported-symbol');
  });

  it('another retCode ≠ 0 on HTTP 200 is a failure quoting it', async () => {
    const http = fakeHttp({ [BOOK('BTCUSDT')]: { json: envelope({}, 1, 10016, 'Internal server error.') } });
    const r = await createBybitSource(http).depth('BTC');
    expect(r.ok || r.error).toEqual({
      kind: 'http',
      host: 'bybit',
      endpoint: 'orderbook',
      status: 200,
      message: 'Bybit orderbook: refused (retCode 10016: Internal server error.)',
    });
  });

  it('retCode 10006 is rate-limited, retrying at the reset time Bybit gives', async () => {
    const http = fakeHttp({
      [BOOK('BTCUSDT')]: {
        json: envelope({}, 1, 10006, 'Too many visits!'),
        headers: { 'x-bapi-limit-reset-timestamp': '1700000005000' },
      },
    });
    const r = await createBybitSource(http).depth('BTC');
    expect(r.ok || r.error).toMatchObject({ kind: 'rate-limited', retryAt: 1700000005000 });
  });

  it('a client failure classified as unsupported-symbol is worded with the instrument', async () => {
    const http = fakeHttp({
      [BOOK('BTCXYZUSDT')]: {
        failure: { kind: 'unsupported-symbol', status: 400, message: 'Bybit does not list this symbol' },
      },
    });
    const r = await createBybitSource(http).depth('BTCXYZ');
    expect(r.ok || r.error.message).toBe('BTCXYZUSDT is not listed on Bybit USDT perpetuals');
  });

  it('instrument: base asset + USDT', () => {
    expect(createBybitSource(fakeHttp({})).instrument('sol')).toBe('SOLUSDT');
  });
});
