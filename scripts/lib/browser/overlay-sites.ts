import type { SiteId } from '../../../lib/sites/types';
import type { ChartOptions, SiteFixture } from './site-server';

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

/**
 * Each site's fixture shaped as the public evidence shows the live site (site-support.md, "The real sites as the
 * public evidence shows them"): TradingView on a regional host, Binance's frame in `#chart_futures-tradingview` whose
 * widget exists before its model, OKX's `/tradingview/static/…-tv-chart….html` frame in `.tv-chart-box`,
 * Hyperliquid's about:blank frame titled "Financial Chart". Bybit has no such evidence: its fixture as above.
 */
export const EVIDENCE_FIXTURES: Record<
  SiteId,
  Omit<SiteFixture, 'chart'> & { chart?: Partial<ChartOptions> }
> = {
  tradingview: {
    ...SITE_FIXTURES.tradingview,
    url: 'https://in.tradingview.com/chart/abc123/?symbol=BINANCE%3ABTCUSDT.P',
  },
  binance: { ...SITE_FIXTURES.binance, chart: { modelDelayMs: 1_500 } },
  bybit: SITE_FIXTURES.bybit,
  okx: { ...SITE_FIXTURES.okx, mode: 'okx-static' },
  hyperliquid: { ...SITE_FIXTURES.hyperliquid, mode: 'hl-financial' },
};

/** A site's evidence-shaped fixture (`EVIDENCE_FIXTURES`) around `price`. */
export function evidenceFixture(site: SiteId, price: number, chart: Partial<ChartOptions> = {}): SiteFixture {
  const { chart: own, ...rest } = EVIDENCE_FIXTURES[site];
  return { ...rest, chart: { price, ...own, ...chart } };
}
