import { binance } from './binance';
import { bybit } from './bybit';
import { hyperliquid } from './hyperliquid';
import { okx } from './okx';
import { type ChartSymbol, parseChartSymbol } from './symbol';
import { tradingview } from './tradingview';
import type { SiteDefinition, SiteId } from './types';

/** The one registry of supported sites. */
export const SITES: readonly SiteDefinition[] = [tradingview, binance, bybit, okx, hyperliquid];

export function siteById(id: SiteId): SiteDefinition {
  const site = SITES.find((s) => s.id === id);
  if (!site) throw new Error(`unknown site ${id}`);
  return site;
}

export function siteForUrl(href: string): SiteDefinition | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return SITES.find((site) => site.isChartPage(url)) ?? null;
}

/** Which asset a chart page URL shows, when the URL says so. */
export function symbolForUrl(href: string): { site: SiteDefinition; symbol: ChartSymbol | null } | null {
  const site = siteForUrl(href);
  if (!site) return null;
  const raw = site.symbolFromUrl(new URL(href));
  return { site, symbol: raw === null ? null : parseChartSymbol(raw) };
}

export type { ChartSymbol } from './symbol';
export { parseChartSymbol } from './symbol';
export { firstTitlePrice, leadingTitlePrice, parseTitlePrice } from './title-price';
export type { SiteDefinition, SiteExample, SiteId, TitleExample } from './types';
