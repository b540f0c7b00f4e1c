import type { SiteDefinition } from '../types';

// "BTCUSDT.P 67,012.5 ▲ +1.20% Unnamed": the ticker, without its exchange prefix, leads the title.
const TITLE = /^(\S+)\s+\S+\s+[▲▼]\s+\S+%/;

export const tradingview: SiteDefinition = {
  id: 'tradingview',
  label: 'TradingView',
  matches: ['https://www.tradingview.com/chart/*'],
  isChartPage: (url) => url.hostname === 'www.tradingview.com' && /^\/chart(\/|$)/.test(url.pathname),
  symbolFromUrl: (url) => url.searchParams.get('symbol') || null,
  symbolFromTitle: (title) => TITLE.exec(title)?.[1] ?? null,
  examples: [
    {
      url: 'https://www.tradingview.com/chart/abc123/?symbol=BINANCE%3ABTCUSDT.P',
      symbol: 'BINANCE:BTCUSDT.P',
    },
    { url: 'https://www.tradingview.com/chart/?symbol=BYBIT%3AETHUSDT.P', symbol: 'BYBIT:ETHUSDT.P' },
    { url: 'https://www.tradingview.com/chart/xYz9/', symbol: null },
  ],
};
