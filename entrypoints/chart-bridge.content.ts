import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookLightweightCharts } from '../lib/chart/bridge/lwc-hook';
import { runBridge } from '../lib/chart/bridge/run-bridge';
import { ALL_SITE_MATCHES } from '../lib/sites/site-list';

// Runs in the page's own world, where the chart API lives; it only reads and posts plain data. At document_start,
// before any page script, so that the lightweight-charts hook sees the page's charts being made; the bridge itself
// waits for the isolated side's hello and touches the DOM only then.
export default defineContentScript({
  matches: ALL_SITE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    runBridge(window, hookLightweightCharts(window));
  },
});
