/**
 * npx tsx scripts/make-icons.ts — renders public/icon/<size>.png from the SVG below in Debian's Chromium
 * (WXT puts public/icon/<size>.png into the manifest's icons). Deterministic for a given Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, ROOT } from './lib/browser/harness';

// Short liquidations above the price (orange), long below (blue), the price between: the map in one glance.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#131722"/>
  <rect x="18" y="24" width="92" height="22" rx="5" fill="#f2994a"/>
  <rect x="18" y="82" width="92" height="22" rx="5" fill="#2f80ed"/>
  <rect x="18" y="61" width="92" height="6" rx="3" fill="#e8ecf3"/>
</svg>`;

const SIZES = [16, 32, 48, 128];

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  const dir = path.join(ROOT, 'public/icon');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}" width="${size}" height="${size}"></body></html>`,
    );
    await page.screenshot({ path: path.join(dir, `${size}.png`), omitBackground: true });
  }
  await browser.close();
  console.log(`icons: wrote ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(`icons: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
