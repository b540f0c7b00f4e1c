import type { Page } from '@playwright/test';
import type { ClusterView } from '../../../lib/model/cluster-view';
import { defaultSettings } from '../../../lib/settings/schema';
import {
  expectAligned,
  expectHeatmapAligned,
  type OverlayState,
  type Rect,
  settledOverlay,
  waitForMode,
} from '../../../scripts/lib/browser/overlay-probe';
import { chartY, onFixture } from '../../../scripts/lib/browser/site-server';
import { WIDE } from './overlay-journey';
import { expect } from './overlay-test';

/** The profile spans the whole map: its top and bottom edges sit within 1 px of the chart's y for those prices. */
async function expectProfileOnScale(page: Page, state: OverlayState, view: ClusterView, label: string) {
  const { profile } = state;
  expect(profile, `${label}: the profile is drawn`).not.toBeNull();
  if (!profile) return;
  const pane = state.pane as Rect;
  const { low, width, long } = view.bins;
  const top = await chartY(page, low + long.length * width);
  const bottom = await chartY(page, low);
  expect(top, `${label}: chart y of the map's top`).not.toBeNull();
  expect(bottom, `${label}: chart y of the map's bottom`).not.toBeNull();
  expect(Math.abs(pane.top + profile.yTop - (top as number)), `${label}: profile top`).toBeLessThanOrEqual(1);
  expect(
    Math.abs(pane.top + profile.yBottom - (bottom as number)),
    `${label}: profile bottom`,
  ).toBeLessThanOrEqual(1);
  expect(profile.bins, `${label}: every bin`).toBe(long.length);
  expect(profile.rows, `${label}: bars drawn`).toBeGreaterThan(0);
}

async function expectLayers(page: Page, view: ClusterView, label: string): Promise<OverlayState> {
  const state = await settledOverlay(page);
  expectAligned(state, label);
  await expectHeatmapAligned(page, state, label);
  await expectProfileOnScale(page, state, view, label);
  return state;
}

/**
 * A band outside the whole map's largest few of its side, with a price window around it where no larger band of
 * its side reaches: zoomed to that window, it is the largest band in view.
 */
function hiddenCluster(
  view: ClusterView,
): { band: ClusterView['bands'][number]; from: number; to: number } | null {
  const { minBandUsd, bandsPerSide } = defaultSettings().display;
  for (const side of ['long', 'short'] as const) {
    const ranked = view.bands
      .filter((b) => b.side === side && b.notionalUsd >= minBandUsd)
      .sort((a, b) => b.notionalUsd - a.notionalUsd);
    for (const band of ranked.slice(bandsPerSide)) {
      const mid = (band.low + band.high) / 2;
      const half = Math.max((band.high - band.low) * 2, mid * 0.003);
      const from = mid - half;
      const to = mid + half;
      // A margin of a quarter window on each side: what the chart shows may reach a little beyond what was asked.
      const reach = half / 2;
      const rival = ranked.some(
        (b) => b.notionalUsd > band.notionalUsd && b.high > from - reach && b.low < to + reach,
      );
      if (!rival) return { band, from, to };
    }
  }
  return null;
}

/**
 * Issue 12 on one page: the heatmap's columns sit on their candles (within 1 px) and the profile on the price scale,
 * after setting the range, a drag, a wheel zoom and the switch to log; zoomed onto a cluster that is not among the
 * whole map's largest, that cluster is drawn.
 */
export async function heatmapJourney(page: Page, view: ClusterView, label: string): Promise<void> {
  const { price } = view;
  await waitForMode(page, 'aligned');
  await expect(page.locator('liqlens-overlay [data-liqlens-hook="heatmap"]')).toHaveCount(1, {
    timeout: 15_000,
  });
  await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
  const wide = await expectLayers(page, view, `${label} wide`);

  const pane = wide.pane as Rect;
  await page.mouse.move(pane.left + pane.width / 2, pane.top + pane.height / 2);
  await page.mouse.down();
  await page.mouse.move(pane.left + pane.width / 2 + 140, pane.top + pane.height / 2 + 40, { steps: 6 });
  await page.mouse.up();
  await expectLayers(page, view, `${label} after a drag`);

  await page.mouse.move(pane.left + pane.width * 0.6, pane.top + pane.height / 3);
  await page.mouse.wheel(0, -300);
  await expectLayers(page, view, `${label} after a wheel zoom`);

  const hidden = hiddenCluster(view);
  expect(hidden, 'the replay has a cluster outside the largest few of its side').not.toBeNull();
  if (hidden) {
    await onFixture(page, 'setRange', hidden.from, hidden.to);
    const zoomed = await settledOverlay(page);
    expectAligned(zoomed, `${label} zoomed in`);
    const drawn = zoomed.bands.some(
      (b) => b.side === hidden.band.side && b.low === hidden.band.low && b.high === hidden.band.high,
    );
    expect(
      drawn,
      `${label}: the largest ${hidden.band.side} band in view, ${hidden.band.low}–${hidden.band.high}`,
    ).toBe(true);
  }

  await onFixture(page, 'setMode', 1);
  await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
  await expectLayers(page, view, `${label} in log`);
}
