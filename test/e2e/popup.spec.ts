import fs from 'node:fs';
import { roundNotional } from '../../lib/figures/at-risk';
import { nearestBands } from '../../lib/figures/nearest-bands';
import { formatFundingRate, formatPrice, formatSignedPercent, formatUsd } from '../../lib/format';
import { SeriesDocSchema } from '../../lib/market/series';
import { moveToLiquidate } from '../../lib/model/at-risk';
import { ClusterViewSchema } from '../../lib/model/cluster-view';
import { defaultSettings } from '../../lib/settings/schema';
import { expect, test } from './fixtures';
import { popupReady, shootPopup, storedEntry } from './popup-helpers';

const defaults = defaultSettings();

test('popup with replayed data: the figures are the stored view, and it renders from cache fast', async ({
  openPage,
  exchanges,
}, testInfo) => {
  const popup = await openPage('popup.html');
  await popupReady(popup);
  const entry = await storedEntry(popup);
  expect(entry?.error ?? null).toBeNull();
  const view = ClusterViewSchema.parse(entry?.view);
  expect(exchanges.requests.filter((r) => r.status === 'miss')).toEqual([]);

  // Header and at-risk lines.
  await expect(popup.locator('[data-field="price"]')).toHaveText(formatPrice(view.price));
  const step = { step: view.bins.width };
  const up = popup.locator('[data-direction="up"]');
  const down = popup.locator('[data-direction="down"]');
  await expect(up.locator('[data-field="at-risk-usd"]')).toHaveText(formatUsd(view.atRisk.up.notionalUsd));
  await expect(up.locator('[data-field="at-risk-move"]')).toHaveText(
    formatSignedPercent(view.atRisk.movePct),
  );
  await expect(down.locator('[data-field="at-risk-usd"]')).toHaveText(
    formatUsd(view.atRisk.down.notionalUsd),
  );
  await expect(down.locator('[data-field="at-risk-move"]')).toHaveText(
    formatSignedPercent(-view.atRisk.movePct),
  );
  const usdUp = roundNotional(view.atRisk.up.notionalUsd);
  const moveUp = moveToLiquidate(view.bins, view.price, 'short', usdUp);
  expect(moveUp).not.toBeNull();
  await expect(up.locator('[data-field="inverse"]')).toHaveText(
    `${formatUsd(usdUp).replace('.0', '')} of shorts: ${formatSignedPercent(moveUp as number)}`,
  );
  const cascadeUp = view.cascade.find((c) => c.direction === 'up' && c.trigger === 'nearest-band');
  if (cascadeUp) {
    await expect(up.locator('[data-field="cascade"]')).toContainText(
      `${formatPrice(cascadeUp.fromPrice, step)} → ${formatPrice(cascadeUp.endPrice, step)} · ${formatUsd(cascadeUp.liquidatedUsd)}`,
    );
  }

  // The band table: nearest first each way, highest price at the top.
  const near = nearestBands(
    view.bands,
    view.price,
    defaults.display.bandsPerSide,
    defaults.display.minBandUsd,
  );
  const listed = [...[...near.above].reverse(), ...near.below].map((b) => [
    `${formatPrice(b.band.low, step)}–${formatPrice(b.band.high, step)}`,
    formatUsd(b.band.notionalUsd),
  ]);
  expect(listed.length).toBeGreaterThan(0);
  const rows = popup.locator('.band-row');
  await expect(rows).toHaveCount(listed.length);
  for (const [i, [range, usd]] of listed.entries()) {
    await expect(rows.nth(i).locator('.range')).toHaveText(range as string);
    await expect(rows.nth(i).locator('.strong')).toHaveText(usd as string);
  }
  // Every listed band above the price is at or above it, and below is below: the table is ordered.
  for (const b of near.above) expect(b.band.high).toBeGreaterThan(view.price);
  for (const b of near.below) expect(b.band.low).toBeLessThan(view.price);

  // Venues: funding (8 h) and open interest as stored.
  for (const v of view.venues.filter((x) => x.status === 'ok' || x.status === 'no-ledger')) {
    const row = popup.locator(`.venue-row[data-venue="${v.venue}"]`);
    await expect(row.locator('[data-field="funding"]')).toHaveText(
      v.fundingRate8h === null ? '—' : formatFundingRate(v.fundingRate8h),
    );
    await expect(row.locator('[data-field="oi"]')).toHaveText(
      v.openInterestUsd === null ? '—' : formatUsd(v.openInterestUsd),
    );
  }
  await expect(popup.locator('[data-field="venue-failures"]')).toHaveCount(0);

  await shootPopup(popup, testInfo.outputPath('popup-light.png'));
  await popup.emulateMedia({ colorScheme: 'dark' });
  await shootPopup(popup, testInfo.outputPath('popup-dark.png'));
  await popup.close();

  // Reopened with the cache warm: the first render with data comes from storage, not from a refresh.
  const times: number[] = [];
  const sinceNavigation: number[] = [];
  for (let i = 0; i < 5; i++) {
    const again = await openPage('popup.html');
    const ready = await popupReady(again);
    expect(ready.from).toBe('cache');
    times.push(ready.renderMs);
    sinceNavigation.push(ready.sinceNavigationMs);
    await again.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const line =
    `popup render from cache: script start → first render with data, median ${median(times).toFixed(1)} ms ` +
    `(${times.map((t) => t.toFixed(1)).join(', ')}); navigation start → same, median ${median(sinceNavigation).toFixed(1)} ms`;
  console.log(line);
  testInfo.annotations.push({ type: 'popup-render', description: line });
});

test('exports the view and the liqlens.series/1 input as JSON files', async ({ openPage }) => {
  const popup = await openPage('popup.html');
  await popupReady(popup);
  const entry = await storedEntry(popup);

  const viewDownload = popup.waitForEvent('download');
  await popup.getByRole('button', { name: 'Export view' }).click();
  const viewFile = await viewDownload;
  expect(viewFile.suggestedFilename()).toMatch(/^liqlens-view-BTC-\d{8}T\d{6}Z\.json$/);
  const exported = JSON.parse(fs.readFileSync(await viewFile.path(), 'utf8'));
  expect(exported).toEqual(entry?.view);

  const seriesDownload = popup.waitForEvent('download');
  await popup.getByRole('button', { name: 'Export series' }).click();
  const seriesFile = await seriesDownload;
  expect(seriesFile.suggestedFilename()).toMatch(/^liqlens-series-BTC-.*\.json$/);
  const series = SeriesDocSchema.parse(JSON.parse(fs.readFileSync(await seriesFile.path(), 'utf8')));
  expect(series.format).toBe('liqlens.series/1');
  expect(series.asset).toBe('BTC');
  // The model's input: venues whose data was used, and context-only ones (no open interest yet).
  expect(series.venues.map((v) => v.venue).sort()).toEqual(
    (entry?.view?.venues ?? [])
      .filter((v) => v.status === 'ok' || v.status === 'no-ledger')
      .map((v) => v.venue)
      .sort(),
  );
  for (const venue of series.venues) {
    const status = entry?.view?.venues.find((v) => v.venue === venue.venue)?.status;
    expect(venue.openInterest.length > 0, venue.venue).toBe(status === 'ok');
  }
});

test('keyboard: every control is reachable by Tab, labelled, with a visible focus ring', async ({
  openPage,
}) => {
  const popup = await openPage('popup.html');
  await popupReady(popup);
  const names: string[] = [];
  for (let i = 0; i < 6; i++) {
    await popup.keyboard.press('Tab');
    names.push(
      await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
        const label =
          el.closest('label')?.textContent?.trim() || el.getAttribute('aria-label') || el.textContent?.trim();
        return `${el.tagName.toLowerCase()}:${label}${ring ? '' : ' (no focus ring)'}`;
      }),
    );
  }
  expect(names).toEqual([
    expect.stringMatching(/^select:Asset/),
    'button:Refresh',
    'button:Options',
    'button:what these figures mean',
    'button:Export view',
    'button:Export series',
  ]);
  // The asset picker works from the keyboard.
  await popup.getByLabel('Asset').focus();
  await popup.keyboard.press('ArrowDown');
  await expect(popup.getByLabel('Asset')).toHaveValue('ETH');
});

test('opens on the asset of the chart in the active tab, else the last one shown', async ({
  context,
  exchanges,
  openPage,
  worker,
}) => {
  void exchanges; // registered first: the route below takes precedence for tradingview.com only
  await context.route('https://www.tradingview.com/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>ETHUSDT.P</title><p>chart',
    }),
  );
  const chart = await context.newPage();
  await chart.goto('https://www.tradingview.com/chart/abc123/?symbol=BINANCE%3AETHUSDT.P');
  await chart.bringToFront();
  const tabId = await (await worker()).evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  expect(tabId).not.toBeNull();

  // The chart's content script tells the background which asset it shows; the popup asks for that tab.
  await expect
    .poll(async () => {
      const popup = await openPage('popup.html', `?tab=${tabId}`);
      const shown = await popup.getByLabel('Asset').inputValue();
      await popup.close();
      return shown;
    })
    .toBe('ETH');
  const popup = await openPage('popup.html', `?tab=${tabId}`);
  await expect(popup.locator('[data-field="from-tab"]')).toBeVisible();
  // The background answers for the tab from its watch record (the popup's way when it cannot read the URL).
  const answer = await popup.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'getTabAsset', data: { tabId: id } }),
    tabId,
  );
  expect(answer).toEqual({ ok: true, data: { asset: 'ETH' } });
  await popup.close();

  // A tab that is not a chart (here, the popup's own): the last asset shown, ETH, with no tab mark.
  const plain = await openPage('popup.html');
  await expect(plain.getByLabel('Asset')).toHaveValue('ETH');
  await expect(plain.locator('[data-field="from-tab"]')).toHaveCount(0);
  await plain.getByLabel('Asset').selectOption('BTC');
  await plain.close();
  const again = await openPage('popup.html');
  await expect(again.getByLabel('Asset')).toHaveValue('BTC');
});
