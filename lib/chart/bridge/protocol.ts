import type { WireSnapshot } from './wire';

/**
 * The page bridge: a MAIN-world script reads the chart's API and sends snapshots, each one flat array
 * (`WireSnapshot`, wire.ts), to the isolated content script over a private `MessageChannel`. The isolated side picks
 * a channel id per page load and says `hello` on the window (the only thing the two worlds share), transferring one
 * end of a fresh `MessageChannel`; it repeats the hello, each time with a new channel, until `ready` arrives on one
 * (the two scripts have no load-order guarantee). Everything after the hello (`ready`, snapshots, `still`, `pause`,
 * `stop`) goes over that port, so the page's own `message` listeners see only the hellos, never the per-frame
 * traffic. The port is still untrusted: a page script sees the hello and can take the port. Neither side carries zod
 * for this per-frame traffic: the isolated side checks each message by hand against `BridgeToIsolated`
 * (lib/overlay/bridge-client.ts), decodes the snapshot's shape (`decodeSnapshot`) and checks its values against
 * `ChartSnapshotSchema`'s rules (lib/chart/read-snapshot.ts).
 */
export const BRIDGE_TAG = 'liqlens-bridge/2';

export type IsolatedToBridge =
  /** On the window, with the isolated side's new port transferred (`postMessage(hello, origin, [port])`). */
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'hello'; channel: string }
  /** On the port: stop reading the chart until the next `hello` (the overlay is hidden or switched off). */
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'pause'; channel: string }
  /** On the port: stop for good, the isolated script is going away (extension update or unload). */
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'stop'; channel: string };

/** On the port of the channel's latest hello. */
export type BridgeToIsolated =
  | { tag: typeof BRIDGE_TAG; from: 'bridge'; type: 'ready'; channel: string }
  /** `snapshot` is null when the bridge can see no usable chart. */
  | {
      tag: typeof BRIDGE_TAG;
      from: 'bridge';
      type: 'snapshot';
      channel: string;
      seq: number;
      snapshot: WireSnapshot | null;
    }
  /**
   * The first frame after one that changed that reads the same as the last snapshot, but for a new last price held
   * back (PRICE_POST_MS, run-bridge.ts): the chart stopped moving (the overlay then writes what it leaves alone during
   * a pan). Then again every HEARTBEAT_MS while nothing changes and the tab is shown, so that a bridge cut off from
   * the overlay is noticed. Numbered in the same `seq` series as the snapshots.
   */
  | { tag: typeof BRIDGE_TAG; from: 'bridge'; type: 'still'; channel: string; seq: number };
