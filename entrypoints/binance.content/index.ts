import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountOverlay } from '../../components/overlay/mount-overlay';
import { binance as site } from '../../lib/sites/binance';

export default defineContentScript({
  matches: [...site.matches],
  // The overlay puts its style sheet into its own shadow root (components/overlay/mount-overlay.tsx).
  cssInjectionMode: 'manual',
  main(ctx) {
    mountOverlay(ctx, site, browser);
  },
});
