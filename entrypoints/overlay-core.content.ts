import * as preact from 'preact';
import * as hooks from 'preact/hooks';
import * as jsxRuntime from 'preact/jsx-runtime';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SHARED_PREACT_GLOBAL } from '../components/overlay/shared-preact';
import { overlayCore } from '../lib/overlay/core';
import { provideOverlayCore } from '../lib/overlay/core-handle';
import { ALL_SITE_MATCHES } from '../lib/sites/site-list';

// The overlay's shared script, on every site: its logic (lib/overlay/core.ts) and Preact, which each site's script
// (the drawing) takes from here. wxt.config.ts lists it first in the manifest, so it has run when a site's script
// starts (content scripts of the same run_at run in manifest order), and builds the sites' scripts without Preact.
export default defineContentScript({
  matches: ALL_SITE_MATCHES,
  main() {
    Object.defineProperty(globalThis, SHARED_PREACT_GLOBAL, {
      value: Object.freeze({ preact, hooks, jsxRuntime }),
      configurable: true,
    });
    provideOverlayCore(globalThis, overlayCore);
  },
});
