import { describe, expect, it } from 'vitest';
import { createBinanceSource } from '../../../lib/sources/binance';
import { fakeHttp } from '../shared/fake-http';
import { sample } from '../shared/samples';

const DEPTH = '/fapi/v1/depth?symbol=BTCUSDT&limit=500';

describe('Binance depth', () => {
  it('real sample, 500 levels for weight 10', async () => {
    const http = fakeHttp({ [DEPTH]: { json: sample('binance-depth') } });
    const r = await createBinanceSource(http).depth('BTC');
    expect(r).toEqual({ ok: true, value: { bids: [[4, 431]], asks: [[4.000002, 12]] } });
    expect(http.sent[0]).toMatchObject({ endpoint: 'depth', weight: 10 });
  });

  it('bids descending, asks ascending; empty sides are an empty book', async () => {
    const http = fakeHttp({
      [DEPTH]: {
        json: {
          lastUpdateId: 1,
          bids: [
            ['99.5', '1'],
            ['100', '2'],
          ],
          asks: [
            ['101', '3'],
            ['100.5', '4'],
          ],
        },
      },
      '/fapi/v1/depth?symbol=ETHUSDT&limit=500': { json: { lastUpdateId: 1, bids: [], asks: [] } },
    });
    const source = createBinanceSource(http);
    expect(await source.depth('BTC')).toEqual({
      ok: true,
      value: {
        bids: [
          [100, 2],
          [99.5, 1],
        ],
        asks: [
          [100.5, 4],
          [101, 3],
        ],
      },
    });
    expect(await source.depth('ETH')).toEqual({ ok: true, value: { bids: [], asks: [] } });
  });
});
