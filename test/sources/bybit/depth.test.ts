import { describe, expect, it } from 'vitest';
import { createBybitSource } from '../../../lib/sources/bybit';
import { fakeHttp } from '../shared/fake-http';
import { sample } from '../shared/samples';
import { envelope } from './envelope';

const BOOK = '/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=500';

describe('Bybit depth', () => {
  it('the real sample: b → bids, a → asks, [price, base size]', async () => {
    const http = fakeHttp({ [BOOK]: { json: sample('bybit-orderbook') } });
    const r = await createBybitSource(http).depth('BTC');
    expect(r).toEqual({ ok: true, value: { bids: [[65485.47, 47.081829]], asks: [[65557.7, 16.606555]] } });
    expect(http.sent[0]).toMatchObject({ host: 'bybit', endpoint: 'orderbook', weight: 1 });
  });

  it('sorted bids descending and asks ascending; empty sides are an empty book', async () => {
    const http = fakeHttp({
      [BOOK]: {
        json: envelope(
          {
            s: 'BTCUSDT',
            b: [
              ['99', '1'],
              ['100', '2'],
            ],
            a: [
              ['102', '1'],
              ['101', '2'],
            ],
            ts: 1,
          },
          1,
        ),
      },
      '/v5/market/orderbook?category=linear&symbol=ETHUSDT&limit=500': {
        json: envelope({ s: 'ETHUSDT', b: [], a: [], ts: 1 }, 1),
      },
    });
    const source = createBybitSource(http);
    expect(await source.depth('BTC')).toEqual({
      ok: true,
      value: {
        bids: [
          [100, 2],
          [99, 1],
        ],
        asks: [
          [101, 2],
          [102, 1],
        ],
      },
    });
    expect(await source.depth('ETH')).toEqual({ ok: true, value: { bids: [], asks: [] } });
  });
});
