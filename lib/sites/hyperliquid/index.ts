import { siteEntry } from '../site-list';
import { leadingTitlePrice } from '../title-price';
import { isSiteHost, type SiteDefinition } from '../types';

const PATH = /^\/trade(?:\/([^/]+))?\/?$/;

export const hyperliquid: SiteDefinition = {
  ...siteEntry('hyperliquid'),
  isChartPage: (url) => isSiteHost('hyperliquid', url) && PATH.test(url.pathname),
  symbolFromUrl: (url) => {
    const coin = PATH.exec(url.pathname)?.[1];
    // HIP-3 markets are dex-prefixed and percent-encoded (xyz%3ATSLA).
    return coin ? decodeURIComponent(coin) : null;
  },
  symbolFromTitle: (title) => /^[\d.,]+\s*\|\s*([A-Za-z0-9]+)\b/.exec(title)?.[1] ?? null,
  // "97,123 | BTC | Hyperliquid": the mid price leads the title (GUESS, as symbolFromTitle).
  priceFromTitle: leadingTitlePrice,
  symbolSource: 'url',
  examples: [
    { url: 'https://app.hyperliquid.xyz/trade/BTC', symbol: 'BTC' },
    { url: 'https://app.hyperliquid.xyz/trade/ETH', symbol: 'ETH' },
    { url: 'https://app.hyperliquid.xyz/trade', symbol: null },
  ],
  titleExamples: [
    { title: '97,123 | BTC | Hyperliquid', symbol: 'BTC', price: 97_123 },
    { title: 'Hyperliquid', symbol: null, price: null },
  ],
};
