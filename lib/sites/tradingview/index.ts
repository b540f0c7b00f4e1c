import { siteEntry } from '../site-list';
import { parseTitlePrice } from '../title-price';
import { isSiteHost, type SiteDefinition } from '../types';

// "BTCUSDT.P 67,012.5 ▲ +1.20% Unnamed": the ticker, without its exchange prefix, leads the title, then the last
// price (chart-integration.md §2; the price is locale-formatted, and only en-US digits are read).
const TITLE = /^(\S+)\s+(\S+)\s+[▲▼]\s+\S+%/;

export const tradingview: SiteDefinition = {
  ...siteEntry('tradingview'),
  isChartPage: (url) => isSiteHost('tradingview', url) && /^\/chart(\/|$)/.test(url.pathname),
  symbolFromUrl: (url) => url.searchParams.get('symbol') || null,
  symbolFromTitle: (title) => TITLE.exec(title)?.[1] ?? null,
  priceFromTitle: (title) => parseTitlePrice(TITLE.exec(title)?.[2]),
  symbolSource: 'api',
  examples: [
    {
      url: 'https://www.tradingview.com/chart/abc123/?symbol=BINANCE%3ABTCUSDT.P',
      symbol: 'BINANCE:BTCUSDT.P',
    },
    { url: 'https://www.tradingview.com/chart/?symbol=BYBIT%3AETHUSDT.P', symbol: 'BYBIT:ETHUSDT.P' },
    { url: 'https://www.tradingview.com/chart/xYz9/', symbol: null },
    { url: 'https://in.tradingview.com/chart/xYz9/?symbol=BINANCE%3ASOLUSDT.P', symbol: 'BINANCE:SOLUSDT.P' },
    { url: 'https://ru.tradingview.com/chart/', symbol: null },
  ],
  titleExamples: [
    { title: 'BTCUSDT.P 67,012.5 ▲ +1.20% Unnamed', symbol: 'BTCUSDT.P', price: 67_012.5 },
    { title: 'PEPEUSDT.P 0.00001234 ▼ −3.10% My layout', symbol: 'PEPEUSDT.P', price: 0.00001234 },
    { title: 'BTCUSDT.P 67.012,5 ▲ +1,20% Unnamed', symbol: 'BTCUSDT.P', price: null },
    { title: 'TradingView', symbol: null, price: null },
  ],
};
