import { BRIDGE_TAG } from '../../../lib/chart/bridge/protocol';
import { decodeSnapshot } from '../../../lib/chart/bridge/wire';

/** Each fake port by the event type its bridge's `ready` named: where `deliverEvent` takes the bridge's events. */
const portsByEvents = new Map<string, { sent: Record<string, unknown>[] }>();

/**
 * The far end of the isolated side's `MessageChannel`, as the bridge gets it with a hello. `posted` is what the bridge
 * posted on it; `sent` is everything the isolated side would take from the bridge for it, in order: its posts while
 * the port is open, and the bridge's events of the type its `ready` named (`deliverEvent`), which a closed port does
 * not stop. `receive` plays the isolated side sending over it (delivered only while the bridge listens).
 */
export function fakePort() {
  const sent: Record<string, unknown>[] = [];
  const posted: Record<string, unknown>[] = [];
  const port = {
    sent,
    posted,
    closed: false,
    onmessage: null as ((event: { data: unknown }) => void) | null,
    postMessage: (data: unknown) => {
      if (port.closed) return;
      const message = data as Record<string, unknown>;
      posted.push(message);
      sent.push(message);
      if (message.type === 'ready' && typeof message.events === 'string')
        portsByEvents.set(message.events, port);
    },
    close: () => {
      port.closed = true;
    },
    receive: (data: unknown) => port.onmessage?.({ data }),
  };
  return port;
}

/** A `CustomEvent` the bridge dispatched on the window: to the port whose `ready` named its type, parsed. */
export function deliverEvent(event: { type: string; detail?: unknown }): void {
  portsByEvents.get(event.type)?.sent.push(JSON.parse(String(event.detail)) as Record<string, unknown>);
}

export type FakePort = ReturnType<typeof fakePort>;

export const isolated = (type: string, channel = 'abcdef123456') => ({
  tag: BRIDGE_TAG,
  from: 'isolated',
  type,
  channel,
});

/** The snapshots the bridge sent on a port, in order, decoded from the wire (a wire that is not one throws). */
export const snapshotsOn = <T = unknown>(port: FakePort) =>
  port.sent
    .filter((m) => m.type === 'snapshot')
    .map((m) => {
      const snapshot = decodeSnapshot(m.snapshot);
      if (snapshot === undefined) throw new Error(`not a wire snapshot: ${JSON.stringify(m.snapshot)}`);
      return snapshot as T;
    });
