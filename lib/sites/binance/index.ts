import { siteEntry } from '../site-list';
import { leadingTitlePrice } from '../title-price';
import { isSiteHost, type SiteDefinition } from '../types';

// USDⓈ-M futures pages, optional locale: /en/futures/BTCUSDT, /zh-CN/futures/ETHUSDT, /futures/BTCUSDT.
const PATH = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2})?\/)?futures\/([A-Z0-9_]{3,})\/?$/;

export const binance: SiteDefinition = {
  ...siteEntry('binance'),
  isChartPage: (url) => isSiteHost('binance', url) && PATH.test(url.pathname),
  symbolFromUrl: (url) => PATH.exec(url.pathname)?.[1] ?? null,
  symbolFromTitle: (title) => /^[\d.,]+\s*\|\s*([A-Z0-9]+)\b/.exec(title)?.[1] ?? null,
  // "97,123.4 | BTCUSDT USDⓈ-M Futures | Binance": the last price leads the title (GUESS, as symbolFromTitle).
  priceFromTitle: leadingTitlePrice,
  symbolSource: 'url',
  // A fresh futures page may open on Binance's own "Original" chart, which has no chart API.
  noChartHint: 'switch to the TradingView chart for bands on the chart',
  examples: [
    { url: 'https://www.binance.com/en/futures/BTCUSDT', symbol: 'BTCUSDT' },
    { url: 'https://www.binance.com/zh-CN/futures/ETHUSDT', symbol: 'ETHUSDT' },
    { url: 'https://www.binance.com/futures/SOLUSDT', symbol: 'SOLUSDT' },
  ],
  titleExamples: [
    { title: '97,123.4 | BTCUSDT USDⓈ-M Futures | Binance', symbol: 'BTCUSDT', price: 97_123.4 },
    { title: 'Binance', symbol: null, price: null },
  ],
};
