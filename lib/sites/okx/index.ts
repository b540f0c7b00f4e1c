import type { SiteDefinition } from '../types';

const PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?trade-swap\/([a-z0-9]+-[a-z0-9]+-swap)\/?$/i;

export const okx: SiteDefinition = {
  id: 'okx',
  label: 'OKX',
  matches: ['https://www.okx.com/*'],
  isChartPage: (url) => url.hostname === 'www.okx.com' && PATH.test(url.pathname),
  symbolFromUrl: (url) => PATH.exec(url.pathname)?.[1] ?? null,
  symbolFromTitle: (title) => /\b([A-Z0-9]+-USDT?-SWAP)\b/i.exec(title)?.[1] ?? null,
  examples: [
    { url: 'https://www.okx.com/trade-swap/btc-usdt-swap', symbol: 'btc-usdt-swap' },
    { url: 'https://www.okx.com/en-eu/trade-swap/eth-usdt-swap', symbol: 'eth-usdt-swap' },
  ],
};
