import { formatFundingRate, formatSignedPercent } from '../../lib/format';
import { VENUE_LABEL } from '../../lib/market/venue';
import { EXCHANGE_HOSTS, stopServiceWorker } from '../../scripts/lib/browser/harness';
import { expect, test } from './fixtures';
import { popupReady, shootPopup, storedEntry, writeEntry } from './popup-helpers';

test.describe('a venue fails', () => {
  // OKX refuses every candle request with code 50026; the other venues answer normally.
  test.use({ har: 'test/fixtures/har/broken/okx-code.har' });

  test('the failure is shown in words and the other venues still are', async ({ openPage }, testInfo) => {
    const popup = await openPage('popup.html');
    await popupReady(popup);
    const venues = (await storedEntry(popup))?.view?.venues ?? [];
    const okx = venues.find((v) => v.venue === 'okx');
    expect(okx?.status).toBe('failed');
    expect(okx?.message).toMatch(/^OKX .*50026/);
    const used = venues.filter((v) => v.status !== 'failed');
    expect(used.map((v) => v.venue)).toEqual(expect.arrayContaining(['binance', 'bybit']));

    const failedNames = venues.filter((v) => v.status === 'failed').map((v) => VENUE_LABEL[v.venue]);
    await expect(popup.locator('[data-field="venue-failures"]')).toHaveText(
      `${failedNames.join(', ')} failed: map from ${venues.filter((v) => v.status === 'ok').length} of ${venues.length} venues`,
    );
    const row = popup.locator('.venue-row[data-venue="okx"]');
    await expect(row).toHaveAttribute('data-status', 'failed');
    await expect(row.locator('[data-field="failure"]')).toHaveText(okx?.message ?? '');
    for (const v of used) {
      await expect(popup.locator(`[data-venue="${v.venue}"] [data-field="funding"]`)).toHaveText(
        v.fundingRate8h === null ? '—' : formatFundingRate(v.fundingRate8h),
      );
    }
    // The map and the at-risk figures still come from the venues that answered.
    await expect(popup.locator('[data-direction="up"] [data-field="at-risk-usd"]')).toHaveText(/^\$/);
    await expect(popup.locator('.band-row').first()).toBeVisible();
    await shootPopup(popup, testInfo.outputPath('popup-venue-failed.png'));
  });
});

test('stale: an old cached view is shown as stale and kept when the refresh fails', async ({
  openPage,
  exchanges,
}, testInfo) => {
  const first = await openPage('popup.html');
  await popupReady(first);
  const good = await storedEntry(first);
  if (!good?.view) throw new Error('no view after the first refresh');
  await first.close();

  // The exchanges go away and the cached view is ten minutes old (three periods of 60 s make it stale).
  for (const host of EXCHANGE_HOSTS) exchanges.fail(host);
  const old = Date.now() - 10 * 60_000;
  const aged = { ...good, viewAt: old, checkedAt: old, view: { ...good.view, fetchedAt: old } };
  const writer = await openPage('options.html');
  await writeEntry(writer, aged);
  await writer.close();

  const popup = await openPage('popup.html');
  const { from } = await popupReady(popup);
  expect(from).toBe('cache');
  await expect(popup.locator('[data-field="stale"]')).toHaveText('Stale: data is 10 min old');
  await expect(popup.locator('[data-field="age"]')).toHaveText('10 min ago');
  // The refresh the popup asked for fails: it says so, and the last good figures stay.
  await expect(popup.locator('[data-field="error"]')).toContainText(
    'Refresh failed, showing the last good data',
  );
  await expect(popup.locator('[data-field="price"]')).not.toHaveText('—');
  await expect(popup.locator('.band-row').first()).toBeVisible();
  const after = await storedEntry(popup);
  expect(after?.view).toEqual(aged.view);
  expect(after?.viewAt).toBe(old);
  expect(after?.error).toBeTruthy();
  await shootPopup(popup, testInfo.outputPath('popup-stale.png'));
});

test('worker restart: the popup still shows the cached view and refreshes resume', async ({
  context,
  openPage,
  worker,
}) => {
  const first = await openPage('popup.html');
  await popupReady(first);
  const before = await storedEntry(first);
  expect(before?.view).toBeTruthy();
  await first.close();

  const page = await openPage('options.html');
  await (await worker()).evaluate(() => {
    (globalThis as { __e2eMarker?: number }).__e2eMarker = 1;
  });
  await stopServiceWorker(context, page);

  const popup = await openPage('popup.html');
  const { from } = await popupReady(popup);
  expect(from).toBe('cache');
  await expect(popup.locator('[data-field="price"]')).not.toHaveText('—');

  // The popup's message woke a fresh worker (its globals are new) that still has its alarm.
  const restarted = await worker();
  expect(
    await restarted.evaluate(() => (globalThis as { __e2eMarker?: number }).__e2eMarker ?? null),
  ).toBeNull();
  const alarm = await popup.evaluate(() => chrome.alarms.get('liqlens:refresh'));
  expect(alarm?.periodInMinutes).toBe(1);

  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect
    .poll(async () => (await storedEntry(popup))?.checkedAt ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(before?.checkedAt ?? 0);
  const after = await storedEntry(popup);
  expect(after?.error).toBeNull();
  expect(after?.viewAt ?? 0).toBeGreaterThan(before?.viewAt ?? 0);
  await expect(popup.locator('[data-field="age"]')).toHaveText(/^\d+ s ago$/);
});

test('options round-trip reaches the background: new move and period applied', async ({ openPage }) => {
  const popup = await openPage('popup.html');
  await popupReady(popup);
  await expect(popup.locator('[data-direction="up"] [data-field="at-risk-move"]')).toHaveText(
    formatSignedPercent(3),
  );

  const options = await openPage('options.html');
  await options.getByLabel('At-risk move').fill('2');
  await options.getByLabel('Refresh every').fill('30');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.locator('[data-field="status"]')).toHaveText('Saved');

  // The background re-arms its alarm and recomputes the watched asset with the new parameters.
  await expect
    .poll(() => options.evaluate(async () => (await chrome.alarms.get('liqlens:refresh'))?.periodInMinutes))
    .toBe(0.5);
  await expect
    .poll(async () => (await storedEntry(options))?.view?.atRisk.movePct, { timeout: 20_000 })
    .toBe(2);
  const view = (await storedEntry(options))?.view;
  await expect(popup.locator('[data-direction="up"] [data-field="at-risk-move"]')).toHaveText(
    formatSignedPercent(2),
  );
  await expect(popup.locator('[data-direction="down"] [data-field="at-risk-move"]')).toHaveText(
    formatSignedPercent(-2),
  );
  expect(view?.model.params.movePct).toBe(2);
});
