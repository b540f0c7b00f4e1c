import { defineContentScript } from 'wxt/utils/define-content-script';
import { runBridge } from '../lib/chart/bridge/run-bridge';
import { SITES } from '../lib/sites';

// Runs in the page's own world, where the chart API lives; it only reads and posts plain data.
export default defineContentScript({
  matches: SITES.flatMap((site) => site.matches),
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    runBridge(window);
  },
});
