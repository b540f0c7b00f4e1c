import type { Page, TestInfo } from '@playwright/test';
import type { ClusterView } from '../../../lib/model/cluster-view';
import {
  badgeWithStored,
  expectAligned,
  expectBadgeMatchesView,
  type OverlayState,
  overlayRoot,
  type Rect,
  settledOverlay,
  waitForMode,
} from '../../../scripts/lib/browser/overlay-probe';
import { onFixture } from '../../../scripts/lib/browser/site-server';

export { timeToBadgeAsset } from '../../../scripts/lib/browser/overlay-probe';

import { expect } from './overlay-test';

/** The visible range that puts the largest bands of both sides of the BTC replay on the pane (±12 %). */
export const WIDE = 0.12;

export interface JourneyOptions {
  label: string;
  /** The view as the background has it stored now (read at each check). */
  stored: () => Promise<ClusterView | null>;
  /** Where the chart's own candles end: the live price the badge must use. */
  price: number;
  /** Skip the switch to log (the chart already is, or a log range cannot be set for this price). */
  skipLog?: boolean;
  /** Save a screenshot of the wide range under this name as a test artefact. */
  shot?: string;
  testInfo?: TestInfo;
}

async function alignedNow(page: Page, label: string): Promise<OverlayState> {
  const state = await settledOverlay(page);
  expectAligned(state, label);
  return state;
}

/** Asks for bands of both sides drawn with at least `edges` price edges compared. */
function expectBothSides(state: OverlayState, label: string, edges = 4): void {
  const checked = expectAligned(state, label);
  expect([...checked.sides].sort(), `${label}: sides drawn`).toEqual(['long', 'short']);
  expect(checked.edgesChecked, `${label}: price edges compared`).toBeGreaterThanOrEqual(edges);
}

/**
 * The end-to-end path of issue 5 on one page: aligned at load; after setting the visible range, a mouse drag on the
 * pane, a wheel zoom and the switch to log, every band edge stays within 1 px of the chart's own price-to-pixel; the
 * badge's figures are the view's at the chart's last price, also after a new trade moves that price.
 */
export async function alignedJourney(page: Page, options: JourneyOptions): Promise<void> {
  const { label, price } = options;
  await waitForMode(page, 'aligned');
  const { state: first, view } = await badgeWithStored(page, options.stored);
  await expect(overlayRoot(page)).toHaveAttribute('data-asset', view.asset);
  expectAligned(first, `${label} at load`);
  expectBadgeMatchesView(first, view, { price, source: 'chart' });

  await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
  const wide = await settledOverlay(page);
  expectBothSides(wide, `${label} after setRange`);
  if (options.shot && options.testInfo) {
    const path = options.testInfo.outputPath(options.shot);
    await page.screenshot({ path });
    await options.testInfo.attach(options.shot, { path, contentType: 'image/png' });
  }

  const pane = wide.pane as Rect;
  await page.mouse.move(pane.left + pane.width / 2, pane.top + pane.height / 2);
  await page.mouse.down();
  await page.mouse.move(pane.left + pane.width / 2 + 120, pane.top + pane.height / 2 + 60, { steps: 6 });
  await page.mouse.up();
  await alignedNow(page, `${label} after a drag`);

  // Zoom where there are bars: a chart zoomed onto empty time has no price scale to read.
  await page.mouse.move(pane.left + pane.width * 0.4, pane.top + pane.height / 3);
  await page.mouse.wheel(0, -200);
  await alignedNow(page, `${label} after a wheel zoom`);

  // The crosshair follows the pointer over the pane (CL v29 reports its offsets): a true scale passes the
  // self-check everywhere, so no ladder flashes while the trader moves the mouse.
  for (const [fx, fy] of [
    [0.2, 0.15],
    [0.5, 0.5],
    [0.8, 0.85],
  ] as const) {
    await page.mouse.move(pane.left + pane.width * fx, pane.top + pane.height * fy, { steps: 3 });
    await alignedNow(page, `${label} with the crosshair at ${fx}, ${fy}`);
  }

  // Hovering a band's strip shows its card: range, notional and share of its side, from the view.
  const zoomed = await settledOverlay(page);
  const target = zoomed.bands.find((b) => !b.clipped && b.bottom - b.top >= 4);
  expect(target, `${label}: a band to hover`).toBeDefined();
  if (target) {
    await page.mouse.move(pane.left + pane.width - 7, (target.top + target.bottom) / 2);
    const card = page.locator('liqlens-overlay [data-liqlens-hover]');
    await expect(card).toHaveAttribute('data-low', String(target.low));
    await expect(card).toHaveAttribute('data-high', String(target.high));
    await expect(card).toHaveAttribute('data-side', target.side);
    const band = view.bands.find(
      (b) => b.side === target.side && b.low === target.low && b.high === target.high,
    );
    expect(band, 'the hovered band is one of the view').toBeDefined();
    await expect(card).toHaveAttribute('data-usd', String(band?.notionalUsd));
    await expect(card).toHaveAttribute('data-share', String(band?.share));
    // Its split across venues is the view's, venue by venue.
    const split = await card
      .locator('[data-venue]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-venue'), Number(r.getAttribute('data-usd'))]),
      );
    expect(split).toEqual((band?.venues ?? []).map((v) => [v.venue, v.notionalUsd]));
    expect(split.length, 'the view splits the band by venue').toBeGreaterThan(0);
    await page.mouse.move(pane.left + pane.width / 2, pane.top + pane.height / 2);
    await expect(card).toHaveCount(0);
  }

  if (!options.skipLog) {
    await onFixture(page, 'setMode', 1);
    await alignedNow(page, `${label} in log`);
    await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
    expectBothSides(await settledOverlay(page), `${label} in log, wide`);
  }

  // A trade moves the chart's last price: the badge measures from it, recomputed from the view's bins.
  const traded = Number((price * 1.004).toPrecision(8));
  await onFixture(page, 'tick', traded);
  await expect(page.locator('[data-liqlens-badge]')).toHaveAttribute('data-price', String(traded));
  const after = await badgeWithStored(page, options.stored);
  expectBadgeMatchesView(after.state, after.view, { price: traded, source: 'chart' });
}

/** The docked ladder: no band on the chart, its own scale around the price, the badge with its figures. */
export async function expectLadder(
  page: Page,
  reason: RegExp,
  view: ClusterView | null,
): Promise<OverlayState> {
  await waitForMode(page, 'ladder');
  // The reason may pass through another first (a rebuilt widget is briefly no chart at all).
  await expect(overlayRoot(page)).toHaveAttribute('data-reason', reason);
  const state = await settledOverlay(page);
  expect(state.mode).toBe('ladder');
  expect(state.reason ?? '').toMatch(reason);
  expect(state.bands, 'no band on the chart').toEqual([]);
  expect(state.pane, 'no pane layer').toBeNull();
  expect(state.ladder, 'the ladder').not.toBeNull();
  expect(state.ladder?.reason ?? '').toMatch(reason);
  if (view) {
    expect(state.ladder?.bands ?? 0, 'bands on the ladder').toBeGreaterThan(0);
    // The ladder draws through the pane's painter: the whole map's profile too (on by default).
    expect(state.ladder?.profileBins, 'the profile on the ladder').toBe(view.bins.long.length);
    expect(state.badge?.state).toBe('ok');
    expect(state.badge?.asset).toBe(view.asset);
    expect(Number(state.badge?.viewUpUsd)).toBe(view.atRisk.up.notionalUsd);
  }
  return state;
}

export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
