import { symbolForUrl } from '../sites';

/** Which asset a chart tab shows, or null when it is not a supported chart (or we cannot tell). */
export async function tabAsset(input: {
  tabId: number | undefined;
  url: string | undefined;
  /** Asks the background which asset the tab's chart watches (`getTabAsset`); null when it cannot say. */
  watchedBy: (tabId: number) => Promise<string | null>;
}): Promise<string | null> {
  // With the URL (granted for the supported sites), the pure site registry answers at once.
  if (input.url) {
    const found = symbolForUrl(input.url);
    if (found?.symbol?.supported) return found.symbol.asset;
  }
  // Otherwise the chart's content script told the background which asset it shows. No content script runs on
  // a page that is not http(s) (the popup's own tab, chrome://), so there is nothing to ask.
  if (input.tabId === undefined || (input.url && !/^https?:/i.test(input.url))) return null;
  return input.watchedBy(input.tabId);
}
