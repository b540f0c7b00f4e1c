/**
 * The supported sites as plain data, importing nothing: the settings' site switches, the content scripts' and the
 * page bridge's match patterns and the adapters (lib/sites/<id>) all derive from this list, and the MAIN-world
 * bridge can name its pages without carrying the adapters' parsers.
 */
export const SITE_LIST = [
  {
    id: 'tradingview',
    label: 'TradingView',
    // Regional hosts (in., ru., uk., …) serve the same chart app (site-support.md, "The real sites").
    hosts: ['www.tradingview.com', '*.tradingview.com'],
    matches: ['https://*.tradingview.com/chart/*'],
  },
  { id: 'binance', label: 'Binance', hosts: ['www.binance.com'], matches: ['https://www.binance.com/*'] },
  { id: 'bybit', label: 'Bybit', hosts: ['www.bybit.com'], matches: ['https://www.bybit.com/*'] },
  { id: 'okx', label: 'OKX', hosts: ['www.okx.com'], matches: ['https://www.okx.com/*'] },
  {
    id: 'hyperliquid',
    label: 'Hyperliquid',
    hosts: ['app.hyperliquid.xyz'],
    matches: ['https://app.hyperliquid.xyz/*'],
  },
] as const satisfies readonly SiteEntry[];

export interface SiteEntry {
  id: string;
  label: string;
  /** Host names whose pages may be chart pages of this site; `*.example.com` is any one-label subdomain. */
  hosts: readonly string[];
  /** Manifest match patterns for the site's content script (and the page bridge). */
  matches: readonly string[];
}

export type SiteId = (typeof SITE_LIST)[number]['id'];

export const SITE_IDS: readonly SiteId[] = SITE_LIST.map((site) => site.id);

/** Every site's match patterns: where the page bridge runs. */
export const ALL_SITE_MATCHES: string[] = SITE_LIST.flatMap((site) => [...site.matches]);

export function siteEntry<K extends SiteId>(id: K): Extract<(typeof SITE_LIST)[number], { id: K }> {
  return SITE_LIST.find((site) => site.id === id) as Extract<(typeof SITE_LIST)[number], { id: K }>;
}
