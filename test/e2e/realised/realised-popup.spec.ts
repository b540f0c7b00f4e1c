import fs from 'node:fs';
import { type WsRecord, WsRecordSchema } from '../../../lib/liquidations/types';
import { stopServiceWorker } from '../../../scripts/lib/browser/harness';
import { FEED_URL } from '../../../scripts/lib/browser/venue-sockets/frames';
import { expect, test } from '../fixtures';
import { btcReplay, feedsLive, feedsSubscribed, popupTotal, sumOf } from './realised-helpers';

test.use({ liveFeeds: true });

/** BTC's price in btc-all.har is near this; the prints only need to be plausible. */
const PRICE = 95_000;
const realised = '[data-section="realised"]';

test.describe('realised liquidations in the popup', () => {
  test('the feeds connect to the real URLs (answered locally); totals equal the replayed prints; bad frames counted', async ({
    openPage,
    venueSockets,
  }) => {
    const sockets = venueSockets as NonNullable<typeof venueSockets>;
    const popup = await openPage('popup.html', '?asset=BTC');
    await feedsSubscribed(sockets);
    await feedsLive(popup);
    const replay = btcReplay(Date.now(), PRICE);
    expect(sockets.play(replay.records).every((n) => n === 1)).toBe(true);

    await expect
      .poll(() => popupTotal(popup, 'h1', 'long'), { timeout: 15_000 })
      .toBeCloseTo(sumOf(replay.prints, 'long'), 6);
    expect(await popupTotal(popup, 'h1', 'short')).toBeCloseTo(sumOf(replay.prints, 'short'), 6);
    expect(await popupTotal(popup, 'h24', 'long')).toBeCloseTo(sumOf(replay.prints, 'long'), 6);
    for (const venue of ['bybit', 'okx', 'binance'] as const) {
      const row = popup.locator(`${realised} [data-venue="${venue}"]`);
      await expect(row).toHaveAttribute('data-rejected', String(replay.bad[venue]));
      await expect(row.locator('[data-field="state"]')).toHaveText('live');
    }
    await expect(popup.locator(`${realised} [data-venue="bybit"]`)).toHaveAttribute(
      'data-coverage',
      'complete',
    );
    await expect(popup.locator(`${realised} [data-venue="hyperliquid"] [data-field="coverage"]`)).toHaveText(
      'not available: no public feed',
    );
    await expect(popup.locator(`${realised} .section-title`)).toContainText('realised');
    // Every socket was opened at a real URL: the server answers nothing else.
    for (const venue of ['bybit', 'okx', 'binance'] as const) expect(sockets.accepted(venue)).toBe(1);
  });

  test('a dropped connection shows a gap, then the feed reconnects and is live again', async ({
    openPage,
    venueSockets,
  }) => {
    const sockets = venueSockets as NonNullable<typeof venueSockets>;
    const popup = await openPage('popup.html', '?asset=BTC');
    await feedsSubscribed(sockets);
    const bybitState = popup.locator(`${realised} [data-venue="bybit"] [data-field="state"]`);
    await expect(bybitState).toHaveText('live', { timeout: 15_000 });

    sockets.refuse('bybit', true);
    expect(sockets.drop('bybit')).toBe(1);
    await expect(bybitState).toHaveText(/^gap since \d\d:\d\d$/, { timeout: 15_000 });
    // A lower bound, or "gap" where nothing was received to bound it by: never a plain figure.
    await expect(popup.locator(`${realised} [data-venue="all"] [data-field="h1-long"]`)).toHaveText(
      /^(≥ .+|gap)$/,
    );

    sockets.refuse('bybit', false);
    await sockets.waitForSubscriber('bybit', 'allLiquidation.BTCUSDT', 30_000);
    expect(sockets.accepted('bybit')).toBeGreaterThanOrEqual(2);
    await expect(bybitState).toHaveText('live', { timeout: 15_000 });
    // Prints after the reconnection arrive like any others.
    const replay = btcReplay(Date.now(), PRICE);
    sockets.play(replay.records.filter((r) => r.venue === 'bybit'));
    await expect
      .poll(() => popupTotal(popup, 'h1', 'short'), { timeout: 15_000 })
      .toBeCloseTo(sumOf(replay.prints, 'short', 'bybit'), 6);
    // The gap stays on record: the hour's totals are a lower bound.
    await expect(popup.locator(`${realised} [data-venue="bybit"] .feed`)).toHaveAttribute('title', /Gaps: /);
  });

  test('a worker restart keeps every print', async ({ context, openPage, venueSockets }) => {
    const sockets = venueSockets as NonNullable<typeof venueSockets>;
    const popup = await openPage('popup.html', '?asset=BTC');
    await feedsSubscribed(sockets);
    await feedsLive(popup);
    const replay = btcReplay(Date.now(), PRICE);
    sockets.play(replay.records);
    const long = sumOf(replay.prints, 'long');
    const short = sumOf(replay.prints, 'short');
    await expect.poll(() => popupTotal(popup, 'h1', 'long'), { timeout: 15_000 }).toBeCloseTo(long, 6);
    // Batches are written within half a second of a print.
    await popup.waitForTimeout(1_500);
    await popup.close();

    const options = await openPage('options.html');
    await stopServiceWorker(context, options);
    const again = await openPage('popup.html', '?asset=BTC');
    await expect.poll(() => popupTotal(again, 'h1', 'long'), { timeout: 20_000 }).toBeCloseTo(long, 6);
    expect(await popupTotal(again, 'h1', 'short')).toBeCloseTo(short, 6);
    expect(await popupTotal(again, 'h24', 'short')).toBeCloseTo(short, 6);
    // The worker was stopped: the stretch without a feed is a gap.
    await feedsSubscribed(sockets);
  });

  test('Options → Advanced exports the frames the worker received as liqlens.wsrec/1', async ({
    openPage,
    venueSockets,
  }) => {
    const sockets = venueSockets as NonNullable<typeof venueSockets>;
    const popup = await openPage('popup.html', '?asset=BTC');
    await feedsSubscribed(sockets);
    await feedsLive(popup);
    const replay = btcReplay(Date.now(), PRICE);
    sockets.play(replay.records);
    await expect.poll(() => popupTotal(popup, 'h1', 'long'), { timeout: 15_000 }).toBeGreaterThan(0);

    const options = await openPage('options.html');
    const download = options.waitForEvent('download');
    await options.locator('[data-field="export-recording"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^liqlens-feeds-\d{8}T\d{6}Z\.jsonl$/);
    const text = fs.readFileSync(await file.path(), 'utf8');
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as WsRecord);
    for (const line of lines) expect(WsRecordSchema.safeParse(line).success).toBe(true);
    // Every frame sent, as sent, at its venue's real URL (the subscription answers and pongs may be there too).
    for (const sent of replay.records) {
      const found = lines.find((l) => l.data === sent.data);
      expect(found?.venue).toBe(sent.venue);
      expect(found?.url).toBe(FEED_URL[sent.venue]);
    }
  });
});
