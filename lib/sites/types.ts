export type SiteId = 'tradingview' | 'binance' | 'bybit' | 'okx' | 'hyperliquid';

export interface SiteExample {
  url: string;
  /** The raw symbol this URL shows, or null when the URL alone does not say (the chart API or title must). */
  symbol: string | null;
}

/** Pure description of one supported site: data plus small functions of a URL. */
export interface SiteDefinition {
  id: SiteId;
  label: string;
  /** Manifest match patterns for the content script. */
  matches: string[];
  /** True when the URL is a chart page of this site. */
  isChartPage(url: URL): boolean;
  /** Raw symbol from the URL, or null. */
  symbolFromUrl(url: URL): string | null;
  /** Raw symbol from the document title, or null. */
  symbolFromTitle(title: string): string | null;
  /** Example URLs this site must accept, with what it should read from them. */
  examples: SiteExample[];
}
