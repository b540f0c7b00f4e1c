import { describe, expect, it } from 'vitest';
import { SITES } from '../../lib/sites';
import { firstTitlePrice, leadingTitlePrice, parseTitlePrice } from '../../lib/sites/title-price';

describe('parseTitlePrice', () => {
  it.each([
    ['67,012.5', 67_012.5],
    ['1,234,567', 1_234_567],
    ['3312', 3312],
    ['0.00001234', 0.00001234],
    ['97123.40', 97_123.4],
  ])('reads %s', (text, expected) => {
    expect(parseTitlePrice(text)).toBe(expected);
  });

  it.each(['67 012,5', '67.012,5', '1,23', '12,3456', '+1.2', '−3', '0', '1.2.3', '', 'BTC'])(
    'refuses %s',
    (text) => {
      expect(parseTitlePrice(text)).toBeNull();
    },
  );

  it('refuses undefined', () => {
    expect(parseTitlePrice(undefined)).toBeNull();
  });
});

describe('firstTitlePrice', () => {
  it('skips digits inside tickers and signed percentages', () => {
    expect(firstTitlePrice('1000PEPEUSDT +1.2% 0.012345 | Bybit')).toBe(0.012345);
    expect(firstTitlePrice('BTCUSDT ▲ 1.20% 97,000.5')).toBe(97_000.5);
  });

  it('gives null when no stand-alone price is there', () => {
    expect(firstTitlePrice('Bybit | Trade BTCUSDT')).toBeNull();
    expect(firstTitlePrice('up 5%')).toBeNull();
  });
});

describe('leadingTitlePrice', () => {
  it('reads only a price that leads the title before a bar', () => {
    expect(leadingTitlePrice('97,123.4 | BTCUSDT')).toBe(97_123.4);
    expect(leadingTitlePrice('BTCUSDT | 97,123.4')).toBeNull();
  });
});

describe('each site reads its own title examples', () => {
  for (const site of SITES) {
    it(`${site.id} has title examples`, () => {
      expect(site.titleExamples.length).toBeGreaterThan(1);
    });
    for (const example of site.titleExamples) {
      it(`${site.id}: ${example.title}`, () => {
        expect(site.symbolFromTitle(example.title)).toBe(example.symbol);
        expect(site.priceFromTitle(example.title)).toBe(example.price);
      });
    }
  }

  it('only tradingview.com names its asset from the chart API first', () => {
    expect(SITES.filter((s) => s.symbolSource === 'api').map((s) => s.id)).toEqual(['tradingview']);
  });
});
