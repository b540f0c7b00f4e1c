import { describe, expect, it } from 'vitest';
import { SITES, siteForUrl, symbolForUrl } from '../../lib/sites';

describe('site registry', () => {
  for (const site of SITES) {
    describe(site.id, () => {
      it('has examples and match patterns', () => {
        expect(site.examples.length).toBeGreaterThan(0);
        expect(site.matches.length).toBeGreaterThan(0);
      });

      for (const example of site.examples) {
        it(`accepts its own example ${example.url}`, () => {
          expect(siteForUrl(example.url)?.id).toBe(site.id);
          expect(site.symbolFromUrl(new URL(example.url))).toBe(example.symbol);
        });
      }

      it("rejects every other site's examples", () => {
        for (const other of SITES.filter((s) => s !== site)) {
          for (const example of other.examples) expect(site.isChartPage(new URL(example.url))).toBe(false);
        }
      });
    });
  }

  it.each([
    'https://www.tradingview.com/symbols/BTCUSDT/',
    'https://www.binance.com/en/trade/BTC_USDT',
    'https://www.bybit.com/en/trade/spot/BTC/USDT',
    'https://www.okx.com/trade-spot/btc-usdt',
    'https://app.hyperliquid.xyz/portfolio',
    'https://example.com/chart/',
    'not a url',
  ])('is not a chart page: %s', (url) => {
    expect(siteForUrl(url)).toBeNull();
  });

  it('reads the asset from each site URL', () => {
    const assets = SITES.flatMap((s) => s.examples)
      .filter((e) => e.symbol !== null)
      .map((e) => {
        const found = symbolForUrl(e.url)?.symbol;
        return found?.supported ? found.asset : null;
      });
    expect(assets).toEqual([
      'BTC',
      'ETH',
      'SOL',
      'BTC',
      'ETH',
      'SOL',
      'BTC',
      'ETH',
      'BTC',
      'ETH',
      'BTC',
      'ETH',
    ]);
  });

  it('reads the TradingView title', () => {
    const tv = SITES[0];
    expect(tv?.symbolFromTitle('BTCUSDT.P 67,012.5 ▲ +1.20% Unnamed')).toBe('BTCUSDT.P');
    expect(tv?.symbolFromTitle('TradingView')).toBeNull();
  });
});
