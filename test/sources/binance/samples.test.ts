import { describe, expect, it } from 'vitest';
import {
  DepthSchema,
  KlinesSchema,
  OpenInterestHistSchema,
  OpenInterestSchema,
  PremiumIndexSchema,
} from '../../../lib/sources/binance/schemas';
import { parseWith } from '../../../lib/sources/shared/parse';
import { sample } from '../shared/samples';

// Every real Binance sample parses, and its strings come out as the numbers they spell.
describe('Binance schemas on the real samples', () => {
  it('klines', () => {
    const r = parseWith(KlinesSchema, sample('binance-klines'), 'binance', 'klines');
    expect(r.ok && r.value[0]?.slice(0, 10)).toEqual([
      1499040000000, 0.0163479, 0.8, 0.015758, 0.015771, 148976.11427815, 1499644799999, 2434.19055334, 308,
      1756.87402397,
    ]);
  });

  it('openInterestHist', () => {
    const r = parseWith(
      OpenInterestHistSchema,
      sample('binance-openInterestHist'),
      'binance',
      'openInterestHist',
    );
    expect(r.ok && r.value[0]).toMatchObject({ sumOpenInterest: 20403.12345678, timestamp: 1591261042378 });
  });

  it('openInterest', () => {
    const r = parseWith(OpenInterestSchema, sample('binance-openInterest'), 'binance', 'openInterest');
    expect(r.ok && r.value).toMatchObject({ openInterest: 10659.509, time: 1589437530011 });
  });

  it('premiumIndex', () => {
    const r = parseWith(PremiumIndexSchema, sample('binance-premiumIndex'), 'binance', 'premiumIndex');
    expect(r.ok && r.value).toMatchObject({
      markPrice: 11793.63104562,
      lastFundingRate: 0.00038246,
      nextFundingTime: 1597392000000,
      time: 1597370495002,
    });
  });

  it('depth', () => {
    const r = parseWith(DepthSchema, sample('binance-depth'), 'binance', 'depth');
    expect(r.ok && r.value.bids).toEqual([[4, 431]]);
    expect(r.ok && r.value.asks).toEqual([[4.000002, 12]]);
  });
});
