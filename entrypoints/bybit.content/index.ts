import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountOverlay } from '../../components/overlay/mount-overlay';
import { takeOverlayCore } from '../../lib/overlay/core-handle';
import { bybit as site } from '../../lib/sites/bybit';

export default defineContentScript({
  matches: [...site.matches],
  // The overlay puts its style sheet into its own shadow root (components/overlay/mount-overlay.tsx).
  cssInjectionMode: 'manual',
  main(ctx) {
    // The shared script (entrypoints/overlay-core.content.ts) has run before this one: the manifest lists it first.
    const core = takeOverlayCore(globalThis);
    if (!core)
      console.warn(`[LiqLens:${site.id}] the overlay's shared script did not run; no overlay on this page`);
    else mountOverlay(ctx, site, browser, core);
  },
});
