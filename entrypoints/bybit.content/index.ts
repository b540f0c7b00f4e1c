import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountOverlay } from '../../components/overlay/mount-overlay';
import '../../components/overlay/overlay.css';
import { bybit as site } from '../../lib/sites/bybit';

export default defineContentScript({
  matches: site.matches,
  cssInjectionMode: 'ui',
  main(ctx) {
    mountOverlay(ctx, site, browser);
  },
});
