import type { SiteDefinition } from '../types';

const PATH = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2})?\/)?trade\/usdt\/([A-Z0-9]{3,})\/?$/;

export const bybit: SiteDefinition = {
  id: 'bybit',
  label: 'Bybit',
  matches: ['https://www.bybit.com/*'],
  isChartPage: (url) => url.hostname === 'www.bybit.com' && PATH.test(url.pathname),
  symbolFromUrl: (url) => PATH.exec(url.pathname)?.[1] ?? null,
  symbolFromTitle: (title) => /\b([A-Z0-9]{2,}USDT)\b/.exec(title)?.[1] ?? null,
  examples: [
    { url: 'https://www.bybit.com/trade/usdt/BTCUSDT', symbol: 'BTCUSDT' },
    { url: 'https://www.bybit.com/en/trade/usdt/ETHUSDT', symbol: 'ETHUSDT' },
  ],
};
