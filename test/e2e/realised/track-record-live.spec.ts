import fs from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { formatUsd } from '../../../lib/format';
import { harNow } from '../../../lib/http/har-replay';
import type { BandScoresReply, BandSnapshot, WsRecord } from '../../../lib/liquidations/types';
import { MIN_SWEPT_BANDS } from '../../../lib/track-record/calibration-factor';
import { factorText } from '../../../lib/track-record/factor-text';
import { readHar } from '../../../scripts/lib/browser/harness';
import {
  binanceFrame,
  bybitFrame,
  okxFrame,
  type PlainPrint,
} from '../../../scripts/lib/browser/venue-sockets/frames';
import { expect, test } from '../fixtures';
import { feedsLive, feedsSubscribed } from './realised-helpers';
import { ask, setWorkerTime } from './worker-clock';

test.use({ liveFeeds: true });

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** btc-all.har's candles are 15-minute ones; its last request is at H. */
const INTERVAL_MS = 15 * MIN;
const H = harNow(readHar('test/fixtures/har/btc-all.har'));

type Band = BandSnapshot['bands'][number];
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
type Side = Band['side'];
type Sent = PlainPrint & { notionalUsd: number };

const scoresOf = (page: Page) =>
  ask<BandScoresReply>(page, 'getBandScores', { asset: 'BTC', sinceMs: H - 30 * DAY });

/** An extension page whose `Date.now` is fixed at `time` (the popup and the track record page read the 7 days to it). */
async function pageAt(context: BrowserContext, extensionId: string, time: number, path: string) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${path}] page error: ${error.message}`));
  await page.clock.setFixedTime(time);
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

test('the track record from live prints: replayed feeds score the bands of three views, and the popup and the page give the hand computation', async ({
  context,
  extensionId,
  openPage,
  venueSockets,
  worker,
}) => {
  test.slow();
  const sockets = venueSockets as NonNullable<typeof venueSockets>;
  // Three views 42 h before the recording's last candle, a minute apart: price trades into some of their bands
  // within their day.
  await setWorkerTime(await worker(), H - 42 * HOUR);
  const popup = await openPage('popup.html', '?asset=BTC');
  await feedsSubscribed(sockets);
  await feedsLive(popup);
  await expect.poll(async () => (await scoresOf(popup)).snapshots.length, { timeout: 20_000 }).toBe(1);
  for (const n of [2, 3]) {
    const newest = (await scoresOf(popup)).snapshots.at(-1) as BandSnapshot;
    await setWorkerTime(await worker(), newest.time + MIN);
    await ask(popup, 'getView', { asset: 'BTC', refresh: true });
    await expect.poll(async () => (await scoresOf(popup)).snapshots.length, { timeout: 20_000 }).toBe(n);
  }
  const snapshots = (await scoresOf(popup)).snapshots;
  const last = snapshots.at(-1) as BandSnapshot;
  const T = last.time;
  const P = last.price;
  const padOf = (s: BandSnapshot) => s.price * 0.005;
  const nearest = (side: Side, count: number) =>
    last.bands
      .filter((b) => b.side === side)
      .sort((a, b) => Math.abs((a.low + a.high) / 2 - P) - Math.abs((b.low + b.high) / 2 - P))
      .slice(0, count);

  // Prints in the day after the views: one in each of the three bands nearest the price on each side, one clear
  // of every band of its side; and one a day later, which counts nowhere.
  const prints: Sent[] = [];
  const at = (side: Side, price: number, size: number, time: number) => {
    const p = { side, price: Math.round(price * 10) / 10, size, time };
    prints.push({ ...p, notionalUsd: p.size * p.price });
    return p;
  };
  const mid = (b: Band) => (b.low + b.high) / 2;
  const sizes = [3.7, 12.5, 5, 2, 0.25, 7.5];
  const inBands = [...nearest('long', 3), ...nearest('short', 3)].map((b, i) =>
    at(b.side, mid(b), sizes[i] ?? 1, T + (i + 1) * 30 * MIN),
  );
  const pad = padOf(last);
  const longTop = Math.max(...last.bands.filter((b) => b.side === 'long').map((b) => b.high), P);
  const shortBottom = Math.min(...last.bands.filter((b) => b.side === 'short').map((b) => b.low), P);
  const clear = [
    at('long', longTop + 3 * pad, 0.8, T + 4.5 * HOUR),
    at('short', shortBottom - 3 * pad, 0.6, T + 5 * HOUR),
  ];
  const records: WsRecord[] = [
    bybitFrame(inBands.slice(0, 3), T + 6 * HOUR),
    okxFrame(inBands.slice(3), T + 6 * HOUR),
    ...clear.map((p) => binanceFrame(p, T + 6 * HOUR)),
  ];
  await setWorkerTime(await worker(), T + 6 * HOUR);
  expect(sockets.play(records).every((n) => n === 1)).toBe(true);

  // By hand: each band's realised notional (same side, band ± 0.5 % of P, in its day).
  const realisedOf = (s: BandSnapshot, b: Band) =>
    prints
      .filter(
        (p) =>
          p.side === b.side &&
          p.time > s.time &&
          p.time <= s.time + DAY &&
          p.price >= b.low - padOf(s) &&
          p.price <= b.high + padOf(s),
      )
      .reduce((sum, p) => sum + p.notionalUsd, 0);
  const realised = snapshots.flatMap((s) =>
    s.bands.map((b) => ({ ...b, time: s.time, realisedUsd: realisedOf(s, b) })),
  );
  const total = realised.reduce((sum, b) => sum + b.realisedUsd, 0);
  expect(total).toBeGreaterThan(0);
  const scoredTotal = async () => (await scoresOf(popup)).scores.reduce((sum, b) => sum + b.realisedUsd, 0);
  await expect.poll(scoredTotal, { timeout: 15_000 }).toBeCloseTo(total, 6);

  // A day later: that day's print goes to no band of the three views; a fourth view is still in its day.
  await setWorkerTime(await worker(), T + 25 * HOUR);
  const late = at('short', mid(nearest('short', 1)[0] as Band), 3, T + DAY + 30 * MIN);
  sockets.play([bybitFrame([late], T + 25 * HOUR)]);
  await ask(popup, 'getView', { asset: 'BTC', refresh: true });
  await expect.poll(async () => (await scoresOf(popup)).snapshots.length, { timeout: 20_000 }).toBe(4);

  // By hand: a band is swept when a candle in (its view's time, + 1 d] traded into it (the candles the worker
  // holds now, its day over).
  const { priceRanges } = await scoresOf(popup);
  const isSwept = (b: { time: number; low: number; high: number }) =>
    priceRanges.some(
      (r) => r.time + INTERVAL_MS > b.time && r.time <= b.time + DAY && r.low <= b.high && r.high >= b.low,
    );
  const expected = realised.map((b) => ({ ...b, swept: isSwept(b) }));
  const swept = expected.filter((b) => b.swept);
  const notReached = expected.length - swept.length;
  const sideFigures = (side: Side) => {
    const bands = swept.filter((b) => b.side === side);
    const realisedUsd = bands.reduce((sum, b) => sum + b.realisedUsd, 0);
    const estimatedUsd = bands.reduce((sum, b) => sum + b.notionalUsd, 0);
    // The views have the same bands and prints: every bootstrap resample gives the value itself.
    const value = realisedUsd / estimatedUsd;
    return {
      side,
      sweptBands: bands.length,
      realisedUsd,
      estimatedUsd,
      factor: bands.length < MIN_SWEPT_BANDS ? null : { value, low: value, high: value },
    };
  };
  const long = sideFigures('long');
  const short = sideFigures('short');
  // What this journey is built to show: three views with the same bands, and a side with a factor.
  expect(snapshots.every((x) => JSON.stringify(x.bands) === JSON.stringify(last.bands))).toBe(true);
  expect(long.factor ?? short.factor).not.toBeNull();
  expect(swept.some((b) => b.realisedUsd > 0)).toBe(true);

  const now = T + 25 * HOUR + MIN;
  const popup2 = await pageAt(context, extensionId, now, 'popup.html?asset=BTC');
  await expect(popup2.locator('[data-field="track-record-summary"]')).toContainText(
    `${swept.length} bands swept, ${notReached} not reached · realised ÷ estimate: longs ${factorText(long)}, shorts ${factorText(short)} · lift `,
    { timeout: 15_000 },
  );

  const page = await pageAt(context, extensionId, now, 'track-record.html?asset=BTC');
  await expect(page.locator('[data-field="bands"]')).toContainText(
    `${swept.length} swept · ${notReached} not reached · `,
    { timeout: 15_000 },
  );
  for (const f of [long, short]) {
    await expect(page.locator(`[data-field="calibration-${f.side}"]`)).toHaveText(
      `${f.side === 'long' ? 'Longs' : 'Shorts'}: ${formatUsd(f.realisedUsd)} realised of ${formatUsd(f.estimatedUsd)} estimated in ${f.sweptBands} bands.`,
    );
  }
  // The export: every band of the three views, with the realised notional and the sweep computed by hand.
  const download = page.waitForEvent('download');
  await page.locator('[data-field="export-csv"]').click();
  const rows = fs
    .readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => snapshots.some((s) => cells[1] === iso(s.time)));
  expect(rows).toHaveLength(expected.length);
  for (const b of expected) {
    const row = rows.find(
      (r) => r[1] === iso(b.time) && r[3] === b.side && Number(r[4]) === b.low && Number(r[5]) === b.high,
    );
    expect(row, `${b.side} ${b.low}–${b.high}`).toBeDefined();
    expect(Number(row?.[7])).toBeCloseTo(b.realisedUsd, 6);
    expect(row?.[9]).toBe(String(b.swept));
  }
});
