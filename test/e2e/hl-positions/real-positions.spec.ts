import { expect, type Page, test } from '@playwright/test';
import { formatShare, formatUsd } from '../../../lib/format';
import type { HlRealView } from '../../../lib/hl-positions/real-view';
import { stopServiceWorker } from '../../../scripts/lib/browser/harness';
import {
  btcAccountsFor,
  enableRealPositions,
  type HlAccountsRoute,
  routeHlAccounts,
  tradesAmong,
} from '../../../scripts/lib/browser/hl-replay';
import { type OverlayEnv, openOverlayEnv } from '../../../scripts/lib/browser/overlay-env';
import { waitForMode } from '../../../scripts/lib/browser/overlay-probe';
import { siteFixture } from '../../../scripts/lib/browser/overlay-sites';
import { onFixture } from '../../../scripts/lib/browser/site-server';
import { hyperliquidTradesFrame, rawFrame } from '../../../scripts/lib/browser/venue-sockets/frames';
import { startVenueSockets, type VenueSockets } from '../../../scripts/lib/browser/venue-sockets/server';
import type { SimAccount } from '../../../scripts/lib/hl-sim/accounts';

const TOPIC = 'trades:BTC';
/** The scanner never asks one account twice within a minute; a second ask sooner means its book was lost. */
const MIN_GAP_MS = 55_000;

let sockets: VenueSockets;
let env: OverlayEnv;
let accounts: SimAccount[];
/** Every `clearinghouseState` the extension sent, answered by the account simulator. */
let hl: HlAccountsRoute;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  sockets = await startVenueSockets();
  env = await openOverlayEnv({ resolverRules: sockets.resolverRules });
  accounts = btcAccountsFor(env.btc, 100);
  hl = await routeHlAccounts(env.context, accounts);
  await enableRealPositions(await env.worker());
});
test.afterAll(async () => {
  await env?.close();
  await sockets?.close();
});

const addressesOf = (list: readonly SimAccount[]) => list.map((a) => a.address.toLowerCase());

async function hlView(page: Page): Promise<HlRealView | null> {
  const reply = (await page.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'getHlPositions', data: { asset: 'BTC' } }),
  )) as { ok?: boolean; data?: HlRealView } | undefined;
  return reply?.ok ? (reply.data ?? null) : null;
}

test('the replayed trades name the accounts; the chart draws their real positions and the popup compares them with the estimate', async () => {
  const { price } = env.btc;
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${env.extensionId}/popup.html?asset=BTC`);
  await sockets.waitForSubscriber('hyperliquid', TOPIC, 30_000);

  const first = accounts.slice(0, 40);
  const trades = tradesAmong(first, Date.now(), price);
  const played = sockets.play([
    hyperliquidTradesFrame(trades.slice(0, 10), Date.now()),
    hyperliquidTradesFrame(trades.slice(10), Date.now()),
    // A trade whose parties are not addresses: the frame fails zod and is skipped, the others still count.
    rawFrame(
      'hyperliquid',
      JSON.stringify({ channel: 'trades', data: [{ coin: 'BTC', users: ['me', 'you'] }] }),
      Date.now(),
    ),
  ]);
  expect(played).toEqual([1, 1, 1]);

  const addresses = addressesOf(first);
  await expect.poll(() => hl.askedOnce(addresses), { timeout: 30_000 }).toBe(40);
  expect(hl.asked.every((a) => addresses.includes(a.user))).toBe(true);
  await expect.poll(async () => (await hlView(popup))?.coverage?.accounts ?? 0, { timeout: 15_000 }).toBe(40);
  const real = (await hlView(popup)) as HlRealView;

  // What the simulator holds for these 40 accounts, counted here without the extension's code.
  const positions = first.flatMap((a) => a.positions);
  const observed = positions.reduce((s, p) => s + Math.abs(p.szi), 0);
  const oi = env.btc.venues.find((v) => v.venue === 'hyperliquid')?.openInterestBase as number;
  expect(real.status).toBe('ok');
  expect(real.positions.total).toBe(positions.length);
  expect(real.positions.notLiquidatable).toBe(positions.filter((p) => p.liquidationPx === null).length);
  expect(real.coverage?.observedSize).toBeCloseTo(observed, 6);
  expect(real.coverage?.share).toBeCloseTo(observed / (2 * oi), 9);
  expect(real.comparison).not.toBeNull();
  // The replay holds no Hyperliquid open-interest history, so the estimate has no Hyperliquid part (the venue is
  // context only): "—", never an estimated $0 beside the real figures.
  expect(env.btc.venues.find((v) => v.venue === 'hyperliquid')?.status).toBe('no-ledger');
  expect(real.comparison?.up.estimated).toBeNull();
  expect(real.comparison?.agreement).toBeNull();

  // The popup, opened afresh, shows real against estimated Hyperliquid at-risk, and the coverage.
  await popup.reload();
  const panel = popup.locator('[data-field="hl-real"]');
  await expect(panel).toContainText('this venue only');
  const cmp = real.comparison as NonNullable<HlRealView['comparison']>;
  await expect(panel.locator('[data-field="hl-real-up"]')).toHaveText(formatUsd(cmp.up.real));
  await expect(panel.locator('[data-field="hl-real-down"]')).toHaveText(formatUsd(cmp.down.real));
  await expect(panel.locator('[data-field="hl-est-up"]')).toHaveText('—');
  await expect(panel.locator('[data-field="hl-est-down"]')).toHaveText('—');
  await expect(panel.locator('[data-field="hl-coverage-share"]')).toHaveText(
    formatShare(real.coverage?.share as number),
  );
  await expect(panel.locator('[data-field="hl-coverage"]')).toContainText('40 accounts');

  // The chart: the layer "Hyperliquid: real positions" on the pane, beside the estimate's bands.
  const { page, problems } = await env.open(siteFixture('hyperliquid', price));
  await waitForMode(page, 'aligned');
  await onFixture(page, 'setRange', price * 0.75, price * 1.25);
  const canvas = page.locator('liqlens-overlay').locator('[data-liqlens-pane] canvas.bands');
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-positions')), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await page.close();
  await popup.close();
  expect(problems).toEqual([]);
});

test('a worker restart resumes the scan: accounts already read are not asked again', async () => {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${env.extensionId}/popup.html?asset=BTC`);
  await sockets.waitForSubscriber('hyperliquid', TOPIC, 30_000);
  const before = hl.asked.length;
  const fresh = accounts.slice(40);
  const freshAddresses = addressesOf(fresh);
  expect(
    sockets.play([hyperliquidTradesFrame(tradesAmong(fresh, Date.now(), env.btc.price), Date.now())]),
  ).toEqual([1]);
  // Stop the worker mid-pass: 60 new accounts take 12 s at 300 a minute.
  await expect.poll(() => hl.askedOnce(freshAddresses), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
  const connections = sockets.accepted('hyperliquid');
  await stopServiceWorker(env.context, page);
  const atStop = hl.askedOnce(freshAddresses);
  expect(atStop).toBeLessThan(fresh.length);

  // A message wakes a fresh worker; it reads the book from IndexedDB and opens the trades stream again.
  await hlView(page);
  await expect.poll(() => sockets.accepted('hyperliquid'), { timeout: 30_000 }).toBeGreaterThan(connections);
  await sockets.waitForSubscriber('hyperliquid', TOPIC, 30_000);
  // Every account trades again: a worker that had lost its book would take them all for new ones.
  const all = accounts;
  expect(
    sockets.play([hyperliquidTradesFrame(tradesAmong(all, Date.now(), env.btc.price), Date.now())]),
  ).toEqual([1]);
  await expect.poll(() => hl.askedOnce(freshAddresses), { timeout: 60_000 }).toBe(fresh.length);

  // Count the requests: none asked again within a minute, but for one in flight when the worker stopped.
  const last = new Map<string, number>();
  let again = 0;
  for (const a of hl.asked) {
    const previous = last.get(a.user);
    if (previous !== undefined && a.t - previous < MIN_GAP_MS) again += 1;
    last.set(a.user, a.t);
  }
  expect(again).toBeLessThanOrEqual(1);
  expect(hl.asked.length - before).toBeGreaterThanOrEqual(fresh.length);
  await page.close();
});
