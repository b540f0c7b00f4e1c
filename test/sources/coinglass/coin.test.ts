import { describe, expect, it } from 'vitest';
import { coinglassCoin, createCoinglassSource, toSecondOpinion } from '../../../lib/sources/coinglass';
import { fakeHttp } from '../okx/fake-http';

const KEY = 'cg-5ecret-K3y-0123456789abcdef';
// PEPE per token, as CoinGlass is assumed to quote it: 0.00001200 and 0.00001300.
const pepeMap = {
  code: '0',
  msg: 'success',
  data: {
    data: {
      '0.000012': [[0.000012, 5000, null, null]],
      '0.000013': [['0.000013', '7000', null, null]],
    },
  },
};
const symbolOf = (url: string | undefined) => new URL(url ?? 'x:').searchParams.get('symbol');

describe('CoinGlass names: a token venues list in thousands is asked as the token', () => {
  it('maps every name of the unit table to its token, and the rest to themselves', () => {
    expect(coinglassCoin('PEPE')).toEqual({ symbol: 'PEPE', units: 1 });
    expect(coinglassCoin('1000PEPE')).toEqual({ symbol: 'PEPE', units: 1000 });
    expect(coinglassCoin('kPEPE')).toEqual({ symbol: 'PEPE', units: 1000 });
    expect(coinglassCoin('SHIB1000')).toEqual({ symbol: 'SHIB', units: 1000 });
    expect(coinglassCoin('1000BONK')).toEqual({ symbol: 'BONK', units: 1000 });
    expect(coinglassCoin('KFLOKI')).toEqual({ symbol: 'FLOKI', units: 1000 });
    expect(coinglassCoin('btc')).toEqual({ symbol: 'BTC', units: 1 });
    // Not in the table: never renamed, never scaled.
    expect(coinglassCoin('1000SATS')).toEqual({ symbol: '1000SATS', units: 1 });
  });

  it('1000PEPE asks symbol=PEPE and returns the levels per 1,000 PEPE; USD unchanged', async () => {
    const http = fakeHttp(() => pepeMap);
    const res = await createCoinglassSource(http, KEY).aggregatedMap('1000PEPE');
    expect(symbolOf(http.requests[0]?.url)).toBe('PEPE');
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.map((l) => l.usd)).toEqual([5000, 7000]);
    expect(res.value[0]?.price).toBeCloseTo(0.012, 12);
    expect(res.value[1]?.price).toBeCloseTo(0.013, 12);
  });

  it('PEPE asks symbol=PEPE and keeps the prices as they are', async () => {
    const http = fakeHttp(() => pepeMap);
    const res = await createCoinglassSource(http, KEY).aggregatedMap('PEPE');
    expect(symbolOf(http.requests[0]?.url)).toBe('PEPE');
    expect(res).toEqual({
      ok: true,
      value: [
        { price: 0.000012, usd: 5000 },
        { price: 0.000013, usd: 7000 },
      ],
    });
  });

  it('scaled levels land on the 1000PEPE chart’s bins; unscaled ones would say they are off the map', async () => {
    // Bins of 0.0005 from 0.0110: the 0.012 level is in bin 2 (longs, below 0.0125), 0.013 in bin 4 (shorts).
    const bins = { low: 0.011, width: 0.0005, long: [0, 0, 0, 0, 0, 0] };
    const res = await createCoinglassSource(
      fakeHttp(() => pepeMap),
      KEY,
    ).aggregatedMap('1000PEPE');
    if (!res.ok) throw new Error(res.error.message);
    expect(toSecondOpinion(res.value, bins, 0.0125)).toEqual({
      source: 'coinglass',
      status: 'ok',
      message: null,
      long: [0, 0, 5000, 0, 0, 0],
      short: [0, 0, 0, 0, 7000, 0],
    });
    const perToken = [
      { price: 0.000012, usd: 5000 },
      { price: 0.000013, usd: 7000 },
    ];
    expect(toSecondOpinion(perToken, bins, 0.0125)).toEqual({
      source: 'coinglass',
      status: 'failed',
      message:
        "CoinGlass's map lies outside this chart's range (its levels run 0.00001200 … 0.00001300, the price is 0.01250): not shown",
      long: [],
      short: [],
    });
  });
});
