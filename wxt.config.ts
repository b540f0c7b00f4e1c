import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SHARED_PREACT_PACKAGES } from './components/overlay/shared-preact';
import { SITE_IDS } from './lib/sites/site-list';

const OVERLAY_CORE_SCRIPT = 'content-scripts/overlay-core.js';

// https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  // A private build directory (LIQLENS_OUT_DIR) lets parallel builds and e2e runs keep out of each other's way.
  outDir: process.env.LIQLENS_OUT_DIR ?? '.output',
  manifestVersion: 3,
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  // The Firefox sources zip: the repository as a reviewer rebuilds it, without test and demo output.
  hooks: {
    // Each site's content script leaves Preact to the shared one (components/overlay/shared-preact.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => (SITE_IDS as readonly string[]).includes(entry.name))) return;
      const build = config.build ?? {};
      config.build = build;
      const options = build.rollupOptions ?? {};
      build.rollupOptions = options;
      options.external = Object.keys(SHARED_PREACT_PACKAGES);
      const output = options.output ?? {};
      if (Array.isArray(output)) throw new Error('a site script with several outputs');
      options.output = { ...output, globals: { ...SHARED_PREACT_PACKAGES } };
    },
    // The overlay's shared script before every site's script: scripts of the same run_at run in manifest order, and
    // a site's script takes what the shared one left (lib/overlay/core-handle.ts).
    'build:manifestGenerated': (_wxt, manifest) => {
      const shared = (entry: { js?: string[] }) => entry.js?.includes(OVERLAY_CORE_SCRIPT) ?? false;
      manifest.content_scripts?.sort((a, b) => Number(shared(b)) - Number(shared(a)));
    },
  },
  zip: {
    excludeSources: ['playwright-report/**', 'test-results/**', '.cache/**', 'out/**', '**/*.log'],
  },
  manifest: ({ browser }) => ({
    name: 'LiqLens',
    description:
      'Estimated liquidation bands and at-risk badges on your own chart, aggregated across Binance, Bybit, OKX and Hyperliquid.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [
      'https://fapi.binance.com/*',
      'https://api.bybit.com/*',
      'https://www.okx.com/*',
      'https://api.hyperliquid.xyz/*',
    ],
    optional_host_permissions: ['https://open-api-v4.coinglass.com/*'],
    // Firefox needs a fixed add-on id for storage.sync and for signing, and the store asks what data leaves the
    // browser: none of the user's (the venue requests carry only a symbol; docs/privacy.md).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'liqlens@liqlens.dev', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
