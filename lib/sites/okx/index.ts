import { siteEntry } from '../site-list';
import { firstTitlePrice } from '../title-price';
import { isSiteHost, type SiteDefinition } from '../types';

const PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?trade-swap\/([a-z0-9]+-[a-z0-9]+-swap)\/?$/i;

export const okx: SiteDefinition = {
  ...siteEntry('okx'),
  isChartPage: (url) => isSiteHost('okx', url) && PATH.test(url.pathname),
  symbolFromUrl: (url) => PATH.exec(url.pathname)?.[1] ?? null,
  symbolFromTitle: (title) => /\b([A-Z0-9]+-USDT?-SWAP)\b/i.exec(title)?.[1] ?? null,
  // The title's layout is not pinned down (GUESS): the first stand-alone number in it, sanity-checked by the overlay.
  priceFromTitle: firstTitlePrice,
  symbolSource: 'url',
  examples: [
    { url: 'https://www.okx.com/trade-swap/btc-usdt-swap', symbol: 'btc-usdt-swap' },
    { url: 'https://www.okx.com/en-eu/trade-swap/eth-usdt-swap', symbol: 'eth-usdt-swap' },
  ],
  titleExamples: [
    { title: '97,123.4 BTC-USDT-SWAP | OKX', symbol: 'BTC-USDT-SWAP', price: 97_123.4 },
    { title: 'OKX', symbol: null, price: null },
  ],
};
