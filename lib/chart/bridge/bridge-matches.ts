/**
 * The pages the bridge runs on: every supported site's `matches` (lib/sites), written out here because importing
 * the site registry would put all its parsers and examples into the MAIN-world bundle (about 4 kB) only to name
 * these URLs. test/chart/bridge/bridge-matches.test.ts keeps the two lists equal.
 */
export const BRIDGE_MATCHES = [
  'https://www.tradingview.com/chart/*',
  'https://www.binance.com/*',
  'https://www.bybit.com/*',
  'https://www.okx.com/*',
  'https://app.hyperliquid.xyz/*',
];
