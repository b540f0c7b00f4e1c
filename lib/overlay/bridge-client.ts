import { BridgeToIsolatedSchema } from '../chart/bridge/bridge-schema';
import { BRIDGE_TAG, type IsolatedToBridge } from '../chart/bridge/protocol';
import { z } from '../util/zod';

const SnapshotEnvelopeSchema = z.object({
  type: z.literal('snapshot'),
  seq: z.int().check(z.nonnegative()),
});

/** The part of `window` the client uses; the isolated world's own window in the content script, a fake in tests. */
export interface BridgeWindow {
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: 'message', listener: (event: { source: unknown; data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { source: unknown; data: unknown }) => void): void;
  location: { origin: string };
}

export interface BridgeClientOptions {
  win: BridgeWindow;
  /** Random per page load (`crypto.randomUUID()`): the page cannot guess it before the first hello. */
  channel: string;
  onReady(): void;
  /**
   * `snapshot` is untrusted page data (null when the bridge sees no chart): validate it before use. `receivedAt` is
   * `now()` when the message reached the listener (before it was read and its envelope checked), for measuring the
   * whole cost of a snapshot; NaN without a `now`.
   */
  onSnapshot(seq: number, snapshot: unknown, receivedAt: number): void;
  now?(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** How often to say hello until the bridge answers; slower after `fastHellos` tries. */
  helloMs?: number;
  fastHellos?: number;
  slowHelloMs?: number;
}

export interface BridgeClient {
  /** Active: say hello until ready, then take snapshots. Inactive: ask the bridge to pause its read loop. */
  setActive(active: boolean): void;
  readonly ready: boolean;
  /** For good: tells the bridge to stop and removes the listener. */
  stop(): void;
}

/**
 * The isolated side of the page bridge (lib/chart/bridge/protocol.ts): the two scripts load in no set order, so it
 * repeats `hello` until `ready` arrives on its channel. Only messages from this window, with the bridge's tag and
 * this channel, are parsed at all; snapshots older than the last one are dropped.
 */
export function createBridgeClient(options: BridgeClientOptions): BridgeClient {
  const { win, channel } = options;
  const helloMs = options.helloMs ?? 250;
  const fastHellos = options.fastHellos ?? 20;
  const slowHelloMs = options.slowHelloMs ?? 2000;
  let active = false;
  let ready = false;
  let stopped = false;
  let lastSeq = -1;
  let timer: unknown = null;
  let hellos = 0;

  const post = (type: IsolatedToBridge['type']) => {
    const message: IsolatedToBridge = { tag: BRIDGE_TAG, from: 'isolated', type, channel };
    win.postMessage(message, win.location.origin);
  };

  const clearTimer = () => {
    if (timer !== null) options.clearInterval(timer);
    timer = null;
  };

  const sayHello = () => {
    if (!active || ready || stopped) return clearTimer();
    post('hello');
    hellos += 1;
    if (hellos === fastHellos) {
      clearTimer();
      timer = options.setInterval(sayHello, slowHelloMs);
    }
  };

  const onMessage = (event: { source: unknown; data: unknown }) => {
    const receivedAt = options.now ? options.now() : Number.NaN;
    if (stopped || !active || event.source !== win) return;
    const data = event.data as { tag?: unknown; from?: unknown; channel?: unknown } | null;
    // Cheap checks first: the page posts plenty of messages of its own.
    if (!data || typeof data !== 'object' || data.tag !== BRIDGE_TAG || data.from !== 'bridge') return;
    if (data.channel !== channel) return;
    // A snapshot (every frame while the chart moves): with tag, origin and channel checked above, only its type and
    // seq are left to the schema; the snapshot itself is validated by the controller. Anything else: the full one.
    const snapshot = SnapshotEnvelopeSchema.safeParse(data);
    if (snapshot.success) {
      if (snapshot.data.seq <= lastSeq) return;
      lastSeq = snapshot.data.seq;
      options.onSnapshot(snapshot.data.seq, (data as { snapshot?: unknown }).snapshot, receivedAt);
      return;
    }
    const parsed = BridgeToIsolatedSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'ready') {
      if (!ready) {
        ready = true;
        clearTimer();
        options.onReady();
      }
      return;
    }
    if (message.seq <= lastSeq) return;
    lastSeq = message.seq;
    options.onSnapshot(message.seq, message.snapshot, receivedAt);
  };

  win.addEventListener('message', onMessage);

  return {
    setActive(next) {
      if (stopped || next === active) return;
      active = next;
      clearTimer();
      if (active) {
        ready = false;
        hellos = 0;
        timer = options.setInterval(sayHello, helloMs);
        sayHello();
      } else {
        ready = false;
        post('pause');
      }
    },
    get ready() {
      return ready;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimer();
      win.removeEventListener('message', onMessage);
      try {
        post('stop');
      } catch {
        // The page may already be going away.
      }
    },
  };
}
