import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../lib/market/types';
import { completeCandles } from '../../../lib/sources/shared/candles';
import { normaliseDepth } from '../../../lib/sources/shared/depth';
import { failure, unsupportedSymbol } from '../../../lib/sources/shared/failure';
import { makeFunding } from '../../../lib/sources/shared/funding';
import { buildUrl } from '../../../lib/sources/shared/query';

describe('makeFunding', () => {
  it('scales to 8 hours: a 4 h rate doubles, a 1 h rate ×8, 8 h unchanged', () => {
    expect(makeFunding(0.0001, 4, 5)).toEqual({
      rate: 0.0001,
      intervalHours: 4,
      rate8h: 0.0002,
      nextFundingTime: 5,
    });
    expect(makeFunding(0.0000125, 1, null).rate8h).toBeCloseTo(0.0001, 15);
    expect(makeFunding(-0.0003, 8, null).rate8h).toBe(-0.0003);
  });
});

describe('normaliseDepth', () => {
  it('sorts bids descending, asks ascending and drops empty levels', () => {
    expect(
      normaliseDepth(
        [
          [99, 1],
          [100, 2],
          [98, 0],
        ],
        [
          [102, 1],
          [101, 3],
        ],
      ),
    ).toEqual({
      bids: [
        [100, 2],
        [99, 1],
      ],
      asks: [
        [101, 3],
        [102, 1],
      ],
    });
  });
});

describe('completeCandles', () => {
  const c = (t: number): Candle => ({
    t,
    open: 1,
    high: 1,
    low: 1,
    close: 1,
    volume: 0,
    quoteVolume: null,
    takerBuyVolume: null,
  });
  it('keeps the window and drops the candle still forming at now', () => {
    const all = [c(0), c(10), c(20), c(30)];
    // now = 35: candle 30 closes at 40 > 35 → open; candle 0 is before the window
    expect(completeCandles(all, 10, 5, 100, 35).map((x) => x.t)).toEqual([10, 20]);
    // now = 40: candle 30 has just closed
    expect(completeCandles(all, 10, 0, 30, 40).map((x) => x.t)).toEqual([0, 10, 20, 30]);
  });
});

describe('failures and urls', () => {
  it('words failures with venue and endpoint', () => {
    expect(failure('http', 'hyperliquid', 'l2Book', 'the venue answered HTTP 500', { status: 500 })).toEqual({
      kind: 'http',
      host: 'hyperliquid',
      endpoint: 'l2Book',
      message: 'Hyperliquid l2Book: the venue answered HTTP 500',
      status: 500,
    });
    expect(unsupportedSymbol('binance', 'klines', 'BTCXYZ', 'Binance USDⓈ-M perpetuals').message).toBe(
      'BTCXYZ is not listed on Binance USDⓈ-M perpetuals',
    );
  });

  it('builds urls in key order, skips undefined, keeps raw values raw', () => {
    expect(buildUrl('https://a.b', '/p', { x: 'B C', y: undefined, z: 3 })).toBe('https://a.b/p?x=B%20C&z=3');
    expect(buildUrl('https://a.b', '/p', {})).toBe('https://a.b/p');
    expect(buildUrl('https://a.b', '/p', { a: 1 }, { cursor: 'lastid%3D1' })).toBe(
      'https://a.b/p?a=1&cursor=lastid%3D1',
    );
  });
});
