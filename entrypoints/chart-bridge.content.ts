import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookLightweightCharts } from '../lib/chart/bridge/lwc-hook';
import { runBridge } from '../lib/chart/bridge/run-bridge';
import { SITES } from '../lib/sites';

// Runs in the page's own world, where the chart API lives; it only reads and posts plain data. At document_start,
// before any page script, so that the lightweight-charts hook sees the page's charts being made; the bridge itself
// waits for the isolated side's hello and touches the DOM only then.
export default defineContentScript({
  matches: SITES.flatMap((site) => site.matches),
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    runBridge(window, hookLightweightCharts(window));
  },
});
