import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOkxSource } from '../../../lib/sources/okx';
import { fundingIntervalHours } from '../../../lib/sources/okx/snapshot';
import { fakeHttp } from './fake-http';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api-samples/${name}`, import.meta.url), 'utf8'));

const ok = (data: unknown) => ({ code: '0', msg: '', data });
// Shaped as in the OKX v5 docs (GET /api/v5/public/instruments, /api/v5/public/mark-price).
const instruments = ok([
  { instType: 'SWAP', instId: 'BTC-USDT-SWAP', ctVal: '0.01', ctMult: '1', ctValCcy: 'BTC', state: 'live' },
]);
const mark = ok([{ instType: 'SWAP', instId: 'BTC-USDT-SWAP', markPx: '84321.5', ts: '1743588686291' }]);

function venue(funding: unknown = sample('okx-funding-rate.json')) {
  return fakeHttp((req) => {
    switch (req.endpoint) {
      case 'instruments':
        return instruments;
      case 'mark-price':
        return mark;
      case 'funding-rate':
        return funding;
      case 'open-interest':
        return sample('okx-open-interest.json');
      case 'books':
        return sample('okx-books.json');
      default:
        throw new Error(req.url);
    }
  });
}

describe('OKX snapshot', () => {
  it('combines mark price, funding (8 h from the settlement times) and OI in base units', async () => {
    const http = venue();
    const res = await createOkxSource(http).snapshot('BTC');
    expect(res).toEqual({
      ok: true,
      value: {
        venue: 'okx',
        instrument: 'BTC-USDT-SWAP',
        markPrice: 84321.5,
        funding: {
          rate: 0.0000182221218054,
          // nextFundingTime 1743638400000 − fundingTime 1743609600000 = 28,800,000 ms = 8 h.
          intervalHours: 8,
          rate8h: 0.0000182221218054,
          // The current rate is charged at fundingTime, the coming settlement.
          nextFundingTime: 1743609600000,
        },
        // 5000 contracts × 0.01 BTC.
        openInterest: 50,
        time: 1743588686291,
      },
    });
    expect(http.requests.map((r) => r.url).sort()).toEqual([
      'https://www.okx.com/api/v5/public/funding-rate?instId=BTC-USDT-SWAP',
      'https://www.okx.com/api/v5/public/instruments?instType=SWAP&instId=BTC-USDT-SWAP',
      'https://www.okx.com/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP',
      'https://www.okx.com/api/v5/public/open-interest?instType=SWAP&instId=BTC-USDT-SWAP',
    ]);
  });

  it('scales a 4-hour funding rate to 8 hours', async () => {
    const row = {
      instId: 'BTC-USDT-SWAP',
      fundingRate: '0.0001',
      fundingTime: '1743609600000',
      nextFundingTime: String(1743609600000 + 4 * 3_600_000),
    };
    const res = await createOkxSource(venue(ok([row]))).snapshot('BTC');
    expect(res.ok && res.value.funding).toEqual({
      rate: 0.0001,
      intervalHours: 4,
      rate8h: 0.0002,
      nextFundingTime: 1743609600000,
    });
  });

  it('assumes 8 hours when the next settlement time is missing or odd', () => {
    expect(fundingIntervalHours(1743609600000, '')).toBe(8);
    expect(fundingIntervalHours(1743609600000, undefined)).toBe(8);
    expect(fundingIntervalHours(1743609600000, 1743609600000)).toBe(8);
    expect(fundingIntervalHours(1743609600000, 1743609600000 + 90 * 60_000)).toBe(8);
    expect(fundingIntervalHours(1743609600000, 1743609600000 + 3_600_000)).toBe(1);
  });
});

describe('OKX depth', () => {
  it('converts the real sample book from contracts to base units', async () => {
    const http = venue();
    const res = await createOkxSource(http).depth('BTC');
    if (!res.ok) throw new Error(res.error.message);
    // 0.30178218 and 0.60038921 contracts × 0.01 BTC.
    expect(res.value.bids).toHaveLength(1);
    expect(res.value.bids[0]?.[0]).toBe(41006.3);
    expect(res.value.bids[0]?.[1]).toBeCloseTo(0.0030178218, 12);
    expect(res.value.asks[0]?.[0]).toBe(41006.8);
    expect(res.value.asks[0]?.[1]).toBeCloseTo(0.0060038921, 12);
    expect(http.requests.find((r) => r.endpoint === 'books')?.url).toBe(
      'https://www.okx.com/api/v5/market/books?instId=BTC-USDT-SWAP&sz=400',
    );
  });

  it('sorts bids down and asks up, dropping empty levels', async () => {
    const book = ok([
      {
        bids: [
          ['99', '3', '0', '1'],
          ['100', '2', '0', '1'],
          ['98', '0', '0', '0'],
        ],
        asks: [
          ['102', '5', '0', '1'],
          ['101', '1', '0', '1'],
        ],
        ts: '1',
      },
    ]);
    const http = fakeHttp((req) => (req.endpoint === 'instruments' ? instruments : book));
    const res = await createOkxSource(http).depth('BTC');
    expect(res).toEqual({
      ok: true,
      value: {
        bids: [
          [100, 0.02],
          [99, 0.03],
        ],
        asks: [
          [101, 0.01],
          [102, 0.05],
        ],
      },
    });
  });
});
