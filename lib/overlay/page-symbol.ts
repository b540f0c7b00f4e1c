import { type ChartSymbol, parseChartSymbol } from '../sites/symbol';
import type { SiteDefinition } from '../sites/types';

export type SymbolSource = 'api' | 'url' | 'title';

export type PageSymbol =
  | { status: 'ok'; asset: string; raw: string; source: SymbolSource }
  | { status: 'unsupported'; raw: string; reason: string; source: SymbolSource }
  | { status: 'unknown' };

export interface PageSymbolInputs {
  site: Pick<SiteDefinition, 'symbolFromUrl' | 'symbolFromTitle' | 'symbolSource'>;
  url: URL | null;
  title: string;
  /** The chart API's `symbol()` as the bridge last reported it; null when the bridge has not said. */
  apiSymbol: string | null;
}

export interface ResolvedPageSymbol {
  symbol: PageSymbol;
  /**
   * The asset a bridge snapshot must show to be trusted (validateSnapshot's cross-check), from a source other than
   * the chart API itself; null when there is nothing independent to check against.
   */
  expectedAsset: string | null;
}

const assetOf = (parsed: ChartSymbol | null): string | null => (parsed?.supported ? parsed.asset : null);

/**
 * Which asset the page shows, in the site's order of authority (`SiteDefinition.symbolSource`): the URL first on the
 * exchanges, the chart API first on tradingview.com; then the others, the title last.
 */
export function resolvePageSymbol(inputs: PageSymbolInputs): ResolvedPageSymbol {
  const { site } = inputs;
  const raws: Record<SymbolSource, string | null> = {
    api: inputs.apiSymbol?.trim() || null,
    url: inputs.url ? site.symbolFromUrl(inputs.url) : null,
    title: site.symbolFromTitle(inputs.title),
  };
  const order: SymbolSource[] =
    site.symbolSource === 'api' ? ['api', 'url', 'title'] : ['url', 'title', 'api'];
  const source = order.find((s) => raws[s] !== null);
  if (!source) return { symbol: { status: 'unknown' }, expectedAsset: null };
  const raw = raws[source] as string;
  const parsed = parseChartSymbol(raw);
  const symbol: PageSymbol = parsed.supported
    ? { status: 'ok', asset: parsed.asset, raw, source }
    : { status: 'unsupported', raw, reason: parsed.reason, source };
  if (source !== 'api') return { symbol, expectedAsset: assetOf(parsed) };
  // The API named the asset: cross-check it with the title, which the page updates on a symbol change too.
  const title = raws.title === null ? null : parseChartSymbol(raws.title);
  return { symbol, expectedAsset: assetOf(title) };
}
