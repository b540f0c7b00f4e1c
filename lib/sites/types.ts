import { type SiteEntry, type SiteId, siteEntry } from './site-list';

export type { SiteId } from './site-list';

export interface SiteExample {
  url: string;
  /** The raw symbol this URL shows, or null when the URL alone does not say (the chart API or title must). */
  symbol: string | null;
}

export interface TitleExample {
  title: string;
  /** What `symbolFromTitle` must read from it. */
  symbol: string | null;
  /** What `priceFromTitle` must read from it. */
  price: number | null;
}

/** Pure description of one supported site: data plus small functions of a URL. */
export interface SiteDefinition extends SiteEntry {
  id: SiteId;
  /** True when the URL is a chart page of this site. */
  isChartPage(url: URL): boolean;
  /** Raw symbol from the URL, or null. */
  symbolFromUrl(url: URL): string | null;
  /** Raw symbol from the document title, or null. */
  symbolFromTitle(title: string): string | null;
  /** The last price shown in the document title, or null: the overlay's live price when the chart API gives none. */
  priceFromTitle(title: string): number | null;
  /**
   * Which names the page's asset first. `url` on the exchanges: the SPA keeps the path current, and the chart API's
   * symbol is only a cross-check. `api` on tradingview.com: `?symbol=` is optional and may be stale after an in-page
   * symbol change, so the chart's own `symbol()` wins (chart-integration.md §2).
   */
  symbolSource: 'url' | 'api';
  /** Said on the ladder when the page has no chart API (an exchange's own chart that LiqLens cannot draw on). */
  noChartHint?: string;
  /** Example URLs this site must accept, with what it should read from them. */
  examples: SiteExample[];
  /** Example titles, with the symbol and price they must give. */
  titleExamples: TitleExample[];
}

/** True when `url` is on one of the site's hosts (site-list.ts). */
export function isSiteHost(id: SiteId, url: URL): boolean {
  const host = url.hostname;
  return (siteEntry(id).hosts as readonly string[]).some((pattern) =>
    pattern.startsWith('*.')
      ? host.endsWith(pattern.slice(1)) && !host.slice(0, -pattern.length + 1).includes('.')
      : host === pattern,
  );
}
