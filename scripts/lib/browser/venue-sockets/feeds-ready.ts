import type { Page } from '@playwright/test';
import type { LiqVenue, RealisedSummary } from '../../../../lib/liquidations/types';
import type { VenueSockets } from './server';

/** What each venue's socket is subscribed to once the extension watches BTC. */
export const BTC_TOPICS: Record<LiqVenue, string> = {
  bybit: 'allLiquidation.BTCUSDT',
  okx: 'liquidation-orders:SWAP',
  binance: 'btcusdt@forceOrder',
};

export async function feedsSubscribed(sockets: VenueSockets): Promise<void> {
  await Promise.all(
    (Object.keys(BTC_TOPICS) as LiqVenue[]).map((v) => sockets.waitForSubscriber(v, BTC_TOPICS[v], 30_000)),
  );
}

/**
 * Waits until the background reports every feed of `asset` live with no open gap (OKX's, for one, only once the
 * contract value has come from the instruments endpoint), asking from an extension page.
 */
export async function feedsLive(extensionPage: Page, asset = 'BTC', timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const reply = (await extensionPage.evaluate(
      (a) => chrome.runtime.sendMessage({ type: 'getRealised', data: { asset: a } }),
      asset,
    )) as { ok?: boolean; data?: { summary: RealisedSummary | null } } | undefined;
    const feeds = reply?.data?.summary?.feeds ?? [];
    last = JSON.stringify(feeds.map((f) => [f.venue, f.state, f.gaps.at(-1)?.to === null ? 'gap' : '']));
    if (feeds.length === 3 && feeds.every((f) => f.state === 'live' && !f.gaps.some((g) => g.to === null)))
      return;
    await extensionPage.waitForTimeout(100);
  }
  throw new Error(`the ${asset} feeds were not all live within ${timeoutMs / 1000} s: ${last}`);
}
