/**
 * The page bridge: a MAIN-world script reads the chart's API and posts plain-data snapshots to the isolated content
 * script over `window.postMessage`, on a channel id the isolated side picks per page load. The isolated side says
 * `hello` until the bridge answers (the two scripts have no load-order guarantee). This file has no zod so that the
 * MAIN-world bundle stays tiny; the isolated side parses with `bridge-schema.ts`.
 */
export const BRIDGE_TAG = 'liqlens-bridge/1';

export type IsolatedToBridge =
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'hello'; channel: string }
  /** Stop reading the chart until the next `hello` (the overlay is hidden or switched off). */
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'pause'; channel: string }
  /** Stop for good: the isolated script is going away (extension update or unload). */
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'stop'; channel: string };

export type BridgeToIsolated =
  | { tag: typeof BRIDGE_TAG; from: 'bridge'; type: 'ready'; channel: string }
  /** `snapshot` is null when the bridge can see no usable chart. */
  | {
      tag: typeof BRIDGE_TAG;
      from: 'bridge';
      type: 'snapshot';
      channel: string;
      seq: number;
      snapshot: unknown;
    };
