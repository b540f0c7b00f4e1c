import { SeriesDocSchema } from '../../../lib/market/series';
import type { Venue } from '../../../lib/market/venue';
import type { OverlayEnv } from './overlay-env';
import type { FixtureCandle } from './site-server';

/**
 * The last `count` candles of `venue` in the series the background built from the replay, as the fake chart draws
 * them: the pictures then show the very candles the heatmap and the bands were computed on.
 */
export async function replayedCandles(
  env: Pick<OverlayEnv, 'context' | 'extensionId'>,
  asset: string,
  venue: Venue,
  count: number,
): Promise<FixtureCandle[]> {
  const page = await env.context.newPage();
  try {
    await page.goto(`chrome-extension://${env.extensionId}/options.html`);
    const reply = (await page.evaluate(
      (a) => chrome.runtime.sendMessage({ type: 'getSeries', data: { asset: a } }),
      asset,
    )) as { ok?: boolean; data?: { series?: unknown }; error?: string } | undefined;
    if (!reply?.ok) throw new Error(`getSeries ${asset}: ${reply?.error ?? 'no answer'}`);
    const series = SeriesDocSchema.parse(reply.data?.series);
    const candles = series.venues.find((v) => v.venue === venue)?.candles;
    if (!candles?.length) throw new Error(`the ${asset} series has no ${venue} candles`);
    return candles.slice(-count).map(([time, open, high, low, close, volume]) => ({
      time: time / 1000,
      open,
      high,
      low,
      close,
      volume,
    }));
  } finally {
    await page.close();
  }
}
