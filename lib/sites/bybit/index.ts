import { siteEntry } from '../site-list';
import { firstTitlePrice } from '../title-price';
import { isSiteHost, type SiteDefinition } from '../types';

const PATH = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2})?\/)?trade\/usdt\/([A-Z0-9]{3,})\/?$/;

export const bybit: SiteDefinition = {
  ...siteEntry('bybit'),
  isChartPage: (url) => isSiteHost('bybit', url) && PATH.test(url.pathname),
  symbolFromUrl: (url) => PATH.exec(url.pathname)?.[1] ?? null,
  symbolFromTitle: (title) => /\b([A-Z0-9]{2,}USDT)\b/.exec(title)?.[1] ?? null,
  // The title's layout is not pinned down (GUESS): the first stand-alone number in it, sanity-checked by the overlay.
  priceFromTitle: firstTitlePrice,
  symbolSource: 'url',
  examples: [
    { url: 'https://www.bybit.com/trade/usdt/BTCUSDT', symbol: 'BTCUSDT' },
    { url: 'https://www.bybit.com/en/trade/usdt/ETHUSDT', symbol: 'ETHUSDT' },
  ],
  titleExamples: [
    { title: 'BTCUSDT 97,123.40 | Bybit Perpetual', symbol: 'BTCUSDT', price: 97_123.4 },
    { title: '1000PEPEUSDT 0.012345 ▲ +1.2% | Bybit', symbol: '1000PEPEUSDT', price: 0.012345 },
    { title: 'Bybit', symbol: null, price: null },
  ],
};
