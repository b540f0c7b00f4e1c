import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nearestBands } from '../../lib/figures/nearest-bands';
import { formatPrice } from '../../lib/format';
import type { ViewEntry } from '../../lib/messages/view-entry';
import { type ClusterView, ClusterViewSchema } from '../../lib/model/cluster-view';
import { defaultSettings } from '../../lib/settings/schema';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { isExchangeHost } from '../../scripts/lib/browser/exchange-replay';
import { ROOT, readHar } from '../../scripts/lib/browser/harness';
import { siteFixture } from '../../scripts/lib/browser/overlay-sites';
import { type BidiTab, openTab, pollFor } from '../../scripts/lib/firefox/bidi-tabs';
import {
  ADDON_ID,
  EXTENSION_ORIGIN,
  type LaunchedFirefox,
  launchFirefox,
} from '../../scripts/lib/firefox/launch-firefox';
import { type OfflineProxy, startOfflineProxy } from '../../scripts/lib/firefox/offline-proxy';

// The Firefox build (npm run build:firefox) in Debian's Firefox ESR, driven over WebDriver BiDi: the add-on loads, the
// popup renders the view the background built from the replayed exchanges, and a site's overlay draws its bands.
const BUILD = path.resolve(ROOT, process.env.LIQLENS_OUT_DIR ?? '.output', 'firefox-mv3');

let firefox: LaunchedFirefox;
let proxy: OfflineProxy;
let extensionDir: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(BUILD, 'manifest.json')))
    throw new Error(
      `no Firefox build at ${BUILD}: run \`npm run build:firefox\` first (npm run test:firefox does)`,
    );
  // A private copy, so that a build started meanwhile cannot swap files under the running browser.
  extensionDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-ext-firefox-'));
  fs.cpSync(BUILD, extensionDir, { recursive: true });
  proxy = await startOfflineProxy(readHar('test/fixtures/har/btc-all.har'));
  firefox = await launchFirefox({ proxyPort: proxy.port });
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await proxy?.close();
  if (extensionDir) fs.rmSync(extensionDir, { recursive: true, force: true });
});

const viewKey = STORAGE_KEYS.view('BTC');
const defaults = defaultSettings();

async function storedEntry(tab: BidiTab): Promise<ViewEntry | null> {
  return tab.evaluate<ViewEntry | null>(
    `browser.storage.local.get(${JSON.stringify(viewKey)}).then((all) => all[${JSON.stringify(viewKey)}]?.data ?? null)`,
  );
}

describe('Firefox ESR smoke', () => {
  let view: ClusterView;

  test('the add-on installs from the build and its pages load at the fixed UUID', async () => {
    const installed = await firefox.bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: extensionDir },
    });
    expect(installed.extension).toBe(ADDON_ID);
    const tab = await openTab(firefox.bidi);
    await tab.navigate(`${EXTENSION_ORIGIN}/options.html`);
    const manifest = await tab.evaluate<{ name: string; version: number }>(
      '(() => { const m = browser.runtime.getManifest(); return { name: m.name, version: m.manifest_version }; })()',
    );
    expect(manifest).toEqual({ name: 'LiqLens', version: 3 });
    await tab.close();
  }, 60_000);

  test('the popup renders the view the background built from the replayed exchanges', async () => {
    const tab = await openTab(firefox.bidi);
    await tab.navigate(`${EXTENSION_ORIGIN}/popup.html`);
    const shown = await pollFor(
      'the popup showing a view',
      () =>
        tab.evaluate<{ renderMs: string | null; price: string | null; rows: string[] }>(
          `({
            renderMs: document.documentElement.dataset.renderMs ?? null,
            price: document.querySelector('[data-field="price"]')?.textContent ?? null,
            rows: [...document.querySelectorAll('.band-row .range')].map((el) => el.textContent),
          })`,
        ),
      (s) => s.renderMs !== null && Boolean(s.price) && s.rows.length > 0,
      60_000,
    );
    const entry = await pollFor(
      'the stored BTC view',
      () => storedEntry(tab),
      (e) => Boolean(e?.view),
    );
    expect(entry?.error ?? null).toBeNull();
    view = ClusterViewSchema.parse(entry?.view);
    expect(shown.price).toBe(formatPrice(view.price));
    const near = nearestBands(
      view.bands,
      view.price,
      defaults.display.bandsPerSide,
      defaults.display.minBandUsd,
    );
    const step = { step: view.bins.width };
    expect(shown.rows).toEqual(
      [...[...near.above].reverse(), ...near.below].map(
        (b) => `${formatPrice(b.band.low, step)}–${formatPrice(b.band.high, step)}`,
      ),
    );
    // Every exchange request was answered from the replay; nothing else left the browser.
    const exchanges = proxy.requests.filter(
      (r) => r.method !== 'CONNECT' && isExchangeHost(new URL(r.url).host),
    );
    expect(exchanges.length).toBeGreaterThan(0);
    expect(exchanges.filter((r) => r.status !== 200)).toEqual([]);
    await tab.close();
  }, 90_000);

  test("TradingView's overlay draws the view's bands over the chart", async () => {
    expect(view, 'the popup test builds the view').toBeDefined();
    const fixture = siteFixture('tradingview', view.price);
    proxy.serve(fixture);
    const tab = await openTab(firefox.bidi);
    await tab.navigate(fixture.url);
    const drawn = await pollFor(
      'the overlay aligned with painted bands',
      () =>
        tab.evaluate<{ mode: string | null; bands: number; painted: number }>(
          `(() => {
            const root = document.querySelector('liqlens-overlay')?.shadowRoot?.querySelector('[data-liqlens-overlay]');
            const canvas = root?.querySelector('[data-liqlens-pane] canvas');
            let painted = 0;
            if (canvas && canvas.width > 0 && canvas.height > 0) {
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
            }
            return {
              mode: root?.dataset.mode ?? null,
              bands: root?.querySelectorAll('[data-liqlens-band]').length ?? 0,
              painted,
            };
          })()`,
        ),
      (s) => s.mode === 'aligned' && s.bands > 0 && s.painted > 0,
      45_000,
    );
    expect(drawn.bands).toBeGreaterThan(0);
    await tab.close();
  }, 60_000);
});
