import { BRIDGE_TAG } from '../../../lib/chart/bridge/protocol';
import { decodeSnapshot } from '../../../lib/chart/bridge/wire';

/**
 * The far end of the isolated side's `MessageChannel`, as the bridge gets it with a hello: what the bridge sends on
 * it is kept in `sent`; `receive` plays the isolated side sending over it (delivered only while the bridge listens).
 */
export function fakePort() {
  const sent: Record<string, unknown>[] = [];
  const port = {
    sent,
    closed: false,
    onmessage: null as ((event: { data: unknown }) => void) | null,
    postMessage: (message: unknown) => {
      if (!port.closed) sent.push(message as Record<string, unknown>);
    },
    close: () => {
      port.closed = true;
    },
    receive: (data: unknown) => port.onmessage?.({ data }),
  };
  return port;
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
