import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VENUES } from '../../lib/market/venue';
import { createSources } from '../../lib/sources';
import { ASSET_UNITS, assetOnVenue } from '../../lib/sources/asset-units';
import { createHyperliquidSource } from '../../lib/sources/hyperliquid';
import { inAssetUnits } from '../../lib/sources/in-asset-units';
import type { VenueSource } from '../../lib/sources/types';
import { ok } from '../../lib/util/result';
import { fakeHttp } from './okx/fake-http';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/api-samples/${name}`, import.meta.url), 'utf8'));

describe('asset units table', () => {
  it('PEPE is asked as 1000PEPE on Binance and Bybit, PEPE on OKX, kPEPE on Hyperliquid', () => {
    const sources = createSources(fakeHttp(() => null));
    expect(VENUES.map((v) => sources[v].instrument('PEPE'))).toEqual([
      '1000PEPEUSDT',
      '1000PEPEUSDT',
      'PEPE-USDT-SWAP',
      'kPEPE',
    ]);
    // The chart names of the same token lead to the same instruments.
    for (const asset of ['1000PEPE', 'KPEPE', 'kPEPE'])
      expect(VENUES.map((v) => sources[v].instrument(asset))).toEqual(
        VENUES.map((v) => sources[v].instrument('PEPE')),
      );
    expect(VENUES.map((v) => sources[v].instrument('SHIB'))).toEqual([
      '1000SHIBUSDT',
      'SHIB1000USDT',
      'SHIB-USDT-SWAP',
      'kSHIB',
    ]);
  });

  it('units on each side: the asked name decides the unit of the result', () => {
    expect(assetOnVenue('PEPE', 'binance')).toEqual({ base: '1000PEPE', askedUnits: 1, venueUnits: 1000 });
    expect(assetOnVenue('1000PEPE', 'okx')).toEqual({ base: 'PEPE', askedUnits: 1000, venueUnits: 1 });
    expect(assetOnVenue('KPEPE', 'hyperliquid')).toEqual({
      base: 'kPEPE',
      askedUnits: 1000,
      venueUnits: 1000,
    });
    expect(assetOnVenue('SHIB1000', 'binance')).toEqual({
      base: '1000SHIB',
      askedUnits: 1000,
      venueUnits: 1000,
    });
    expect(assetOnVenue('BTC', 'okx')).toEqual({ base: 'BTC', askedUnits: 1, venueUnits: 1 });
  });

  it('every entry lists all four venues with a whole positive unit', () => {
    for (const venues of Object.values(ASSET_UNITS)) {
      expect(Object.keys(venues).sort()).toEqual([...VENUES].sort());
      for (const l of Object.values(venues)) expect(Number.isInteger(l.units) && l.units > 0).toBe(true);
    }
  });
});

/** A source answering in 1000PEPE units, as Binance does: price 0.012 per 1,000 PEPE. */
function thousandPepe(asked: string[]): VenueSource {
  return {
    venue: 'binance',
    instrument: (a) => `${a}USDT`,
    candles: async (a) => {
      asked.push(a);
      return ok([
        {
          t: 0,
          open: 0.012,
          high: 0.013,
          low: 0.011,
          close: 0.0125,
          volume: 2e6,
          quoteVolume: 25_000,
          takerBuyVolume: 1e6,
        },
      ]);
    },
    openInterestHistory: async (a) => {
      asked.push(a);
      return ok([{ t: 0, oi: 3e9 }]);
    },
    snapshot: async (a) => {
      asked.push(a);
      const funding = { rate: 0.0001, intervalHours: 4, rate8h: 0.0002, nextFundingTime: 9 };
      return ok({
        venue: 'binance',
        instrument: `${a}USDT`,
        markPrice: 0.012,
        funding,
        openInterest: 3e9,
        time: 5,
      });
    },
    depth: async (a) => {
      asked.push(a);
      return ok({ bids: [[0.012, 1000]], asks: [[0.0121, 2000]] });
    },
  };
}

describe('conversion into the asked units', () => {
  it('PEPE from a 1000PEPE venue: prices ÷ 1,000, sizes × 1,000; quote volume and funding unchanged', async () => {
    const asked: string[] = [];
    const s = inAssetUnits(thousandPepe(asked));
    const c = await s.candles('PEPE', '15m', 0, 0);
    expect(c).toEqual({
      ok: true,
      value: [
        {
          t: 0,
          open: 0.000012,
          high: 0.000013,
          low: 0.000011,
          close: 0.0000125,
          volume: 2e9,
          quoteVolume: 25_000,
          takerBuyVolume: 1e9,
        },
      ],
    });
    expect(await s.openInterestHistory('PEPE', '15m', 0, 0)).toEqual({
      ok: true,
      value: [{ t: 0, oi: 3e12 }],
    });
    const snap = await s.snapshot('PEPE');
    expect(snap.ok && snap.value).toEqual({
      venue: 'binance',
      instrument: '1000PEPEUSDT',
      markPrice: 0.000012,
      funding: { rate: 0.0001, intervalHours: 4, rate8h: 0.0002, nextFundingTime: 9 },
      openInterest: 3e12,
      time: 5,
    });
    expect(await s.depth('PEPE')).toEqual({
      ok: true,
      value: { bids: [[0.000012, 1e6]], asks: [[0.0000121, 2e6]] },
    });
    // Notional is the same in either unit: 0.012 × 1,000 = 0.000012 × 1,000,000.
    expect(asked).toEqual(['1000PEPE', '1000PEPE', '1000PEPE', '1000PEPE']);
  });

  it('1000PEPE from the same venue passes through untouched', async () => {
    const asked: string[] = [];
    const s = inAssetUnits(thousandPepe(asked));
    const snap = await s.snapshot('1000PEPE');
    expect(snap.ok && [snap.value.markPrice, snap.value.openInterest]).toEqual([0.012, 3e9]);
  });

  it('keeps a venue without a published history at null and passes failures through', async () => {
    const s = inAssetUnits({ ...thousandPepe([]), openInterestHistory: () => null });
    expect(s.openInterestHistory('PEPE', '15m', 0, 0)).toBeNull();
    const failing = inAssetUnits({
      ...thousandPepe([]),
      depth: async () => ({
        ok: false,
        error: { kind: 'timeout', host: 'binance', endpoint: 'depth', message: 'slow' },
      }),
    });
    expect(await failing.depth('PEPE')).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });
});

describe('Hyperliquid k-coins', () => {
  it('asks kPEPE as written (names are case-sensitive) and reads the real kPEPE candles in 1,000 PEPE', async () => {
    const http = fakeHttp(() => sample('hyperliquid-candleSnapshot.json'));
    const hl = createHyperliquidSource(http, { now: () => 1684710000000 });
    expect(hl.instrument('KPEPE')).toBe('kPEPE');
    const r = await hl.candles('KPEPE', '1h', 1684699200000, 1684706400000);
    expect((http.requests[0]?.body as { req?: { coin?: string } } | undefined)?.req?.coin).toBe('kPEPE');
    expect(r.ok && r.value.map((c) => c.close)).toEqual([0.001604, 0.001591, 0.001605]);
  });

  it('through the registry, PEPE from kPEPE: prices ÷ 1,000 and volumes × 1,000', async () => {
    const http = fakeHttp(() => sample('hyperliquid-candleSnapshot.json'));
    const sources = createSources(http, { now: () => 1684710000000 });
    const r = await sources.hyperliquid.candles('PEPE', '1h', 1684699200000, 1684699200000);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value[0]?.close).toBeCloseTo(0.000001604, 15);
    expect(r.value[0]?.volume).toBeCloseTo(520665683000, 3);
  });
});
