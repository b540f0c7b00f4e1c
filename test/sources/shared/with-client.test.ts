import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../lib/http/client';
import type { FetchLike } from '../../../lib/http/types';
import { createBinanceSource } from '../../../lib/sources/binance';
import { createBybitSource } from '../../../lib/sources/bybit';
import { sample } from './samples';

// The sources on the real HttpClient over a canned fetch: the client's own handling of error statuses
// and headers must still end in the sources' failures and values.
function cannedFetch(
  routes: Record<string, { status?: number; body: unknown; headers?: Record<string, string> }>,
) {
  const asked: string[] = [];
  const fetch: FetchLike = async (url) => {
    asked.push(url);
    const route = routes[url];
    const headers = new Map(Object.entries(route?.headers ?? {}));
    return {
      status: route ? (route.status ?? 200) : 404,
      headers: {
        get: (name: string) => headers.get(name.toLowerCase()) ?? null,
        forEach: (cb) => headers.forEach(cb),
      },
      text: async () => JSON.stringify(route ? route.body : { code: -1, msg: 'no route' }),
    };
  };
  return { fetch, asked };
}

const client = (fetch: FetchLike) =>
  createHttpClient({ fetch, now: () => 1_700_000_000_000, sleep: async () => {} });

describe('sources over the real HttpClient', () => {
  it('Binance HTTP 400 -1121 → unsupported-symbol worded with the instrument', async () => {
    const { fetch } = cannedFetch({
      'https://fapi.binance.com/fapi/v1/depth?symbol=BTCXYZUSDT&limit=500': {
        status: 400,
        body: { code: -1121, msg: 'Invalid symbol.' },
      },
    });
    const r = await createBinanceSource(client(fetch)).depth('BTCXYZ');
    expect(r.ok || r.error).toMatchObject({
      kind: 'unsupported-symbol',
      message: 'BTCXYZUSDT is not listed on Binance USDⓈ-M perpetuals',
    });
  });

  it('Binance klines: the Date header reaches the source and decides the forming candle', async () => {
    const M15 = 900_000;
    const end = 1_700_000_100_000;
    const row = (t: number) => [t, '1', '1', '1', '1', '0', t + M15 - 1, '0', 0, '0', '0', '0'];
    const { fetch } = cannedFetch({
      [`https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=15m&startTime=${end - M15}&endTime=${end}&limit=2`]:
        {
          body: [row(end - M15), row(end)],
          headers: { date: new Date(end + 60_000).toUTCString(), 'x-mbx-used-weight-1m': '3' },
        },
    });
    const r = await createBinanceSource(client(fetch), { now: () => end + 10 * M15 }).candles(
      'BTC',
      '15m',
      end - M15,
      end,
    );
    expect(r.ok && r.value.map((c) => c.t)).toEqual([end - M15]);
  });

  it('Bybit retCode 10001 on HTTP 200 → unsupported-symbol; a good envelope parses', async () => {
    const { fetch } = cannedFetch({
      'https://api.bybit.com/v5/market/orderbook?category=linear&symbol=BTCXYZUSDT&limit=500': {
        body: { retCode: 10001, retMsg: 'params error: symbol invalid', result: {}, retExtInfo: {}, time: 1 },
      },
      'https://api.bybit.com/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=500': {
        body: sample('bybit-orderbook'),
      },
    });
    const source = createBybitSource(client(fetch));
    const bad = await source.depth('BTCXYZ');
    expect(bad.ok || bad.error.message).toBe('BTCXYZUSDT is not listed on Bybit USDT perpetuals');
    const good = await source.depth('BTC');
    expect(good).toEqual({
      ok: true,
      value: { bids: [[65485.47, 47.081829]], asks: [[65557.7, 16.606555]] },
    });
  });
});
