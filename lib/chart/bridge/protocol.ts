import type { WireSnapshot } from './wire';

/**
 * The page bridge: a MAIN-world script reads the chart's API and sends snapshots, each one flat array
 * (`WireSnapshot`, wire.ts), to the isolated content script. The isolated side picks a channel id per page load and
 * says `hello` on the window (the only thing the two worlds share), transferring one end of a fresh
 * `MessageChannel`; it repeats the hello, each time with a new channel, until `ready` arrives on one (the two scripts
 * have no load-order guarantee). `ready` comes over that port and names a random event type (`events`); the
 * isolated side listens for it and says `listening` on the port, and from then on the snapshots and `still`
 * messages come as `CustomEvent`s of that type dispatched on the window, their `detail` the message as JSON text.
 * `pause` and `stop` go back over the port. An event nobody listens for is lost (a port keeps its messages until
 * they are read): hence `listening` before the first one.
 *
 * Why events: `dispatchEvent` runs the isolated side's listener at once, inside the bridge's animation frame
 * callback, so the overlay paints what the bridge read in the frame the chart draws it. A message on the port is a
 * task that runs after the frame is drawn, and the overlay trailed the chart by a frame while it moved. Text, not an
 * object: a string crosses between the worlds as it is in every browser.
 *
 * The page's own listeners see only the hellos: they cannot listen for an event type they do not know, and the
 * bridge keeps the `dispatchEvent`, `CustomEvent`, `randomUUID` and `requestAnimationFrame` it found at
 * document_start, before any page script could replace them. All of it is still untrusted: a page script sees the
 * hello and can take the port (and send its own `ready` on it). Neither side carries zod for this per-frame traffic:
 * the isolated side checks each message by hand against `BridgeToIsolated` (lib/overlay/bridge-client.ts), decodes
 * the snapshot's shape (`decodeSnapshot`) and checks its values against `ChartSnapshotSchema`'s rules
 * (lib/chart/read-snapshot.ts).
 */
export const BRIDGE_TAG = 'liqlens-bridge/3';

/** The event types the bridge names in `ready`: this prefix and a random UUID. */
export const BRIDGE_EVENTS_PREFIX = 'liqlens-bridge-';
const BRIDGE_EVENTS = new RegExp(
  `^${BRIDGE_EVENTS_PREFIX}[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
);
export const isBridgeEvents = (x: unknown): x is string => typeof x === 'string' && BRIDGE_EVENTS.test(x);

export type IsolatedToBridge =
  /** On the window, with the isolated side's new port transferred (`postMessage(hello, origin, [port])`). */
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'hello'; channel: string }
  /** On the port: the isolated side listens for the events `ready` named; the bridge dispatches none before. */
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'listening'; channel: string }
  /** On the port: stop reading the chart until the next `hello` (the overlay is hidden or switched off). */
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'pause'; channel: string }
  /** On the port: stop for good, the isolated script is going away (extension update or unload). */
  | { tag: typeof BRIDGE_TAG; from: 'isolated'; type: 'stop'; channel: string };

/**
 * `ready` on the port of the channel's latest hello, once per port; the others as `CustomEvent`s of the type it
 * names (`events`), dispatched on the window with the message as JSON text in `detail`.
 */
export type BridgeToIsolated =
  | { tag: typeof BRIDGE_TAG; from: 'bridge'; type: 'ready'; channel: string; events: string }
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
