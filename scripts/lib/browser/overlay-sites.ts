import type { SiteId } from '../../../lib/sites/types';
import type { SiteFixture } from './site-server';

/** Each site's fixture at its real URL, in the chart-iframe variant it is first tested with. */
export const SITE_FIXTURES: Record<SiteId, Omit<SiteFixture, 'chart'>> = {
  tradingview: {
    site: 'tradingview',
    url: 'https://www.tradingview.com/chart/abc123/?symbol=BINANCE%3ABTCUSDT.P',
    mode: 'site',
    symbol: 'BINANCE:BTCUSDT.P',
  },
  binance: {
    site: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    mode: 'blob',
    symbol: 'BTCUSDT',
  },
  bybit: {
    site: 'bybit',
    url: 'https://www.bybit.com/trade/usdt/BTCUSDT',
    mode: 'sameorigin',
    symbol: 'BYBIT:BTCUSDT',
  },
  okx: {
    site: 'okx',
    url: 'https://www.okx.com/trade-swap/btc-usdt-swap',
    mode: 'about-blank',
    symbol: 'BTC-USDT-SWAP',
  },
  hyperliquid: {
    site: 'hyperliquid',
    url: 'https://app.hyperliquid.xyz/trade/BTC',
    mode: 'blob',
    symbol: 'BTC',
  },
};

/** A site's fixture with the chart drawn around `price` (the view's, so that its bands are on screen). */
export function siteFixture(
  site: SiteId,
  price: number,
  extra: Partial<Omit<SiteFixture, 'chart'>> & { chart?: Partial<SiteFixture['chart']> } = {},
): SiteFixture {
  const { chart, ...rest } = extra;
  return { ...SITE_FIXTURES[site], ...rest, chart: { price, ...chart } };
}
