import { describe, expect, it } from 'vitest';
import { createBinanceSource } from '../../../lib/sources/binance';
import { fakeHttp } from '../shared/fake-http';

const INVALID = { status: 400, json: { code: -1121, msg: 'Invalid symbol.' } };
const UNSUPPORTED = {
  kind: 'unsupported-symbol',
  host: 'binance',
  message: 'BTCXYZUSDT is not listed on Binance USDⓈ-M perpetuals',
};

describe('Binance refusals', () => {
  it('-1121 in the body (any endpoint) → unsupported-symbol', async () => {
    const http = fakeHttp({
      '/fapi/v1/depth?symbol=BTCXYZUSDT&limit=500': INVALID,
      '/fapi/v1/klines?symbol=BTCXYZUSDT&interval=15m&startTime=0&endTime=0&limit=1': INVALID,
      '/fapi/v1/premiumIndex?symbol=BTCXYZUSDT': INVALID,
      '/fapi/v1/openInterest?symbol=BTCXYZUSDT': INVALID,
      '/fapi/v1/fundingInfo': { json: [] },
    });
    const source = createBinanceSource(http);
    const depth = await source.depth('btcxyz');
    expect(depth.ok || depth.error).toEqual({ ...UNSUPPORTED, endpoint: 'depth' });
    const candles = await source.candles('BTCXYZ', '15m', 0, 0);
    expect(candles.ok || candles.error).toEqual({ ...UNSUPPORTED, endpoint: 'klines' });
    const snap = await source.snapshot('BTCXYZ');
    expect(snap.ok || snap.error).toEqual({ ...UNSUPPORTED, endpoint: 'premiumIndex' });
  });

  it('-1121 folded into the client failure message → unsupported-symbol', async () => {
    const http = fakeHttp({
      '/fapi/v1/depth?symbol=BTCXYZUSDT&limit=500': {
        failure: {
          kind: 'http',
          status: 400,
          message: 'Binance depth: HTTP 400 {"code":-1121,"msg":"Invalid symbol."}',
        },
      },
    });
    const r = await createBinanceSource(http).depth('BTCXYZ');
    expect(r.ok || r.error).toEqual({ ...UNSUPPORTED, endpoint: 'depth' });
  });

  it('another error body is an http failure quoting it', async () => {
    const http = fakeHttp({
      '/fapi/v1/depth?symbol=BTCUSDT&limit=500': {
        status: 400,
        json: { code: -1100, msg: 'Illegal characters.' },
      },
    });
    const r = await createBinanceSource(http).depth('BTC');
    expect(r.ok || r.error).toEqual({
      kind: 'http',
      host: 'binance',
      endpoint: 'depth',
      status: 400,
      message: 'Binance depth: refused (-1100 Illegal characters.)',
    });
  });

  it('client failures (rate limits, region) pass through unchanged', async () => {
    const limited = {
      kind: 'rate-limited' as const,
      status: 429,
      retryAt: 1_700_000_000_000,
      message: 'Binance depth: rate limited, retrying after 12:00',
    };
    const http = fakeHttp({ '/fapi/v1/depth?symbol=BTCUSDT&limit=500': { failure: limited } });
    const r = await createBinanceSource(http).depth('BTC');
    expect(r.ok || r.error).toEqual({ ...limited, host: 'binance', endpoint: 'depth' });
  });

  it('instrument: base asset + USDT', () => {
    const source = createBinanceSource(fakeHttp({}));
    expect([source.instrument('BTC'), source.instrument('eth'), source.instrument('1000PEPE')]).toEqual([
      'BTCUSDT',
      'ETHUSDT',
      '1000PEPEUSDT',
    ]);
  });
});
