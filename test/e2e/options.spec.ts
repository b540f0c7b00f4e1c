import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { expect, test } from './fixtures';

// The options page needs no exchange data: every exchange request fails.
test.use({ har: null });

const storedSettings = (page: Page) =>
  page.evaluate(async (key) => {
    const all = await chrome.storage.sync.get(key);
    return (all[key] as { data: Record<string, Record<string, unknown>> } | undefined)?.data ?? null;
  }, STORAGE_KEYS.settings);

test('shows zod messages beside the field and will not save an invalid form', async ({ openPage }) => {
  const page = await openPage('options.html');
  const opacity = page.getByLabel('Band opacity', { exact: true });
  await opacity.fill('2');
  await expect(page.locator('[data-path="display.opacity"] .error')).toHaveText('opacity must be at most 1');
  await expect(opacity).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(page.locator('[data-field="status"]')).toHaveText('Fix the marked fields to save');

  // A rule across two fields lands on the field it names.
  await opacity.fill('0.5');
  await page.getByLabel('Map range').fill('2');
  await expect(page.locator('[data-path="model.movePct"] .error')).toHaveText(
    'movePct must not exceed rangePct',
  );
  await page.getByLabel('Map range').fill('25');
  // Tier shares that do not sum to 1.
  await page.getByLabel('share').first().fill('0.5');
  await expect(page.locator('.tiers .error')).toHaveText('tier shares must sum to 1');
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  expect(await storedSettings(page)).toBeNull();
});

test('round-trip: a saved change survives a reload', async ({ openPage }, testInfo) => {
  const page = await openPage('options.html');
  await page.getByLabel('At-risk move').fill('2');
  await page.getByLabel('Long colour', { exact: true }).fill('#22aa55');
  await page.getByLabel('OKX').first().uncheck();
  await page.getByLabel('Refresh every').fill('30');
  await expect(page.locator('[data-field="status"]')).toHaveText('Unsaved changes');
  await page.screenshot({ path: testInfo.outputPath('options-edited.png'), fullPage: true });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-field="status"]')).toHaveText('Saved');

  const stored = await storedSettings(page);
  expect(stored?.model?.movePct).toBe(2);
  expect(stored?.display?.longColor).toBe('#22aa55');
  expect(stored?.venues?.okx).toBe(false);
  expect(stored?.refreshSeconds).toBe(30);

  await page.reload();
  await expect(page.getByLabel('At-risk move')).toHaveValue('2');
  await expect(page.getByLabel('Long colour', { exact: true })).toHaveValue('#22aa55');
  await expect(page.getByLabel('OKX').first()).not.toBeChecked();
  await expect(page.getByLabel('Refresh every')).toHaveValue('30');
  // The preview follows the saved colour.
  await expect(page.locator('.preview [data-side="long"] rect').first()).toHaveAttribute('fill', '#22aa55');
});

test('a bad import changes nothing and says what was wrong', async ({ openPage }, testInfo) => {
  const page = await openPage('options.html');
  await page.getByLabel('Bands per side').fill('5');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-field="status"]')).toHaveText('Saved');
  const before = await storedSettings(page);

  const bad = {
    format: 'liqlens.settings',
    version: 1,
    settings: { display: { opacity: 5, bandsPerSide: 2 }, refreshSeconds: 10 },
  };
  await page.locator('[data-field="import"]').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const status = page.locator('[data-field="status"]');
  await expect(status).toContainText('Import failed, nothing changed');
  await expect(status).toContainText('settings.display.opacity: opacity must be at most 1');
  await expect(status).toContainText('settings.refreshSeconds');
  await page.screenshot({ path: testInfo.outputPath('options-bad-import.png') });
  expect(await storedSettings(page)).toEqual(before);
  await expect(page.getByLabel('Bands per side')).toHaveValue('5');

  await page.locator('[data-field="import"]').setInputFiles({
    name: 'not-json.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "format": '),
  });
  await expect(status).toContainText('Import failed, nothing changed: not a JSON file');
  expect(await storedSettings(page)).toEqual(before);
});

test('export writes the settings without the key; a good import and a reset apply', async ({ openPage }) => {
  const page = await openPage('options.html');
  await page.getByLabel('Bands per side').fill('4');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-field="status"]')).toHaveText('Saved');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export settings' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.format).toBe('liqlens.settings');
  expect(exported.settings.display.bandsPerSide).toBe(4);
  expect('coinglassKey' in exported.settings).toBe(false);

  exported.settings.display.bandsPerSide = 7;
  await page.locator('[data-field="import"]').setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(page.locator('[data-field="status"]')).toHaveText('Imported and saved');
  await expect(page.getByLabel('Bands per side')).toHaveValue('7');
  expect((await storedSettings(page))?.display?.bandsPerSide).toBe(7);

  await page.getByRole('button', { name: 'Reset…' }).click();
  await page.getByRole('button', { name: 'Reset everything to defaults' }).click();
  await expect(page.locator('[data-field="status"]')).toContainText('back to its default');
  await expect(page.getByLabel('Bands per side')).toHaveValue('3');
});

test('an invalid stored value falls back to its default and the page says which', async ({ openPage }) => {
  const page = await openPage('options.html');
  await page.evaluate(async (key) => {
    await chrome.storage.sync.set({
      [key]: { v: 1, data: { display: { opacity: 5, bandsPerSide: 4 }, refreshSeconds: 90 } },
    });
  }, STORAGE_KEYS.settings);
  await page.reload();
  const notice = page.locator('[data-field="stored-issues"]');
  await expect(notice).toContainText('Some stored settings were invalid and fell back to their defaults');
  await expect(notice.locator('li')).toHaveCount(1);
  await expect(notice.locator('li').first()).toContainText('display.opacity');
  await expect(page.getByLabel('Band opacity', { exact: true })).toHaveValue('0.35');
  // The valid neighbours are kept.
  await expect(page.getByLabel('Bands per side')).toHaveValue('4');
  await expect(page.getByLabel('Refresh every')).toHaveValue('90');
});
