import { expect, test } from './fixtures';
import { popupReady } from './popup-helpers';

// Until the worker has scored bands (or while it cannot answer getBandScores), every face says why there is no
// record, in words, and shows no figure.
const NO_RECORD = /^(Track record unavailable: |No band scored yet)/;

test('the explanation page explains each figure, says why there is no record yet, and exports nothing', async ({
  openPage,
}) => {
  const page = await openPage('track-record.html', '?asset=ETH');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Track record, 7 days');
  await expect(page.getByLabel('Asset')).toHaveValue('ETH');
  await expect(page.locator('[data-field="message"]')).toHaveText(NO_RECORD);
  for (const term of [
    'Bands swept and not reached',
    'Realised ÷ estimate',
    'Lift',
    'Hit rate against control zones',
  ]) {
    await expect(page.locator('dt', { hasText: term })).toBeVisible();
  }
  await expect(page.locator('dd', { hasText: 'not been checked against real cascades' })).toBeVisible();
  await expect(page.locator('[data-field="export-csv"]')).toBeDisabled();
});

test('the popup shows the track record line and opens the explanation page for its asset', async ({
  context,
  openPage,
}) => {
  const popup = await openPage('popup.html');
  await popupReady(popup);
  await expect(popup.locator('[data-field="track-record"] strong')).toHaveText('Track record, 7 d');
  await expect(popup.locator('[data-field="track-record-none"]')).toHaveText(NO_RECORD);
  const opened = context.waitForEvent('page');
  await popup.locator('[data-field="track-record-open"]').click();
  const page = await opened;
  await page.waitForLoadState();
  expect(new URL(page.url()).pathname).toBe('/track-record.html');
  expect(new URL(page.url()).searchParams.get('asset')).toBe('BTC');
  await expect(page.getByLabel('Asset')).toHaveValue('BTC');
});

test('the options page links to the explanation page beside the calibrated at-risk switch', async ({
  openPage,
}) => {
  const page = await openPage('options.html');
  await expect(page.getByLabel('Calibrated at-risk')).not.toBeChecked();
  const link = page.locator('[data-field="track-record-link"]');
  await expect(link).toHaveAttribute('href', /^chrome-extension:\/\/[a-z]+\/track-record\.html$/);
});
