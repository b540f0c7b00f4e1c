import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  // A private build directory (LIQLENS_OUT_DIR) lets parallel builds and e2e runs keep out of each other's way.
  outDir: process.env.LIQLENS_OUT_DIR ?? '.output',
  manifestVersion: 3,
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  // The Firefox sources zip: the repository as a reviewer rebuilds it, without test and demo output.
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
