import { BRIDGE_TAG, type IsolatedToBridge, isBridgeEvents } from '../chart/bridge/protocol';
import { decodeSnapshot } from '../chart/bridge/wire';

/**
 * The bridge numbers each port's messages 0, 1, 2, …: a first number beyond this, or a step of more than this, or
 * one that does not go forward, is not the bridge (a page script holding the port, replaying or racing it).
 */
export const MAX_SEQ_STEP = 8;
/** More messages than this on a port within one second is a flood (the bridge sends at most one per frame). */
export const MAX_MESSAGES_PER_SECOND = 250;
/** An event's text longer than this is not a message of the bridge's (a snapshot is well under 2,000 characters). */
export const MAX_EVENT_CHARS = 16_384;

/** A `BridgeToIsolated` sequence number: a non-negative safe integer. */
const isSeq = (seq: unknown): seq is number => Number.isSafeInteger(seq) && (seq as number) >= 0;

/** The part of `window` the client uses; the isolated world's own window in the content script, a fake in tests. */
export interface BridgeWindow {
  postMessage(message: unknown, targetOrigin: string, transfer: BridgePort[]): void;
  location: { origin: string };
  /** For the bridge's events (protocol.ts): `detail` is the page's, untrusted. */
  addEventListener(type: string, listener: (event: { detail?: unknown }) => void): void;
  removeEventListener(type: string, listener: (event: { detail?: unknown }) => void): void;
}

/** The part of a `MessagePort` the client uses. */
export interface BridgePort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
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
  /**
   * The chart stopped moving (the first unchanged frame after a snapshot). Only a hint: a page script holding the
   * port could send it any time, so it may only bring forward work that would be done anyway.
   */
  onStill?(): void;
  /**
   * Something other than the bridge is talking on the port (a sequence number out of step, a flood): the client has
   * dropped the port and says hello anew; until a snapshot arrives on the new one, the chart is not to be trusted.
   */
  onDoubt?(reason: string): void;
  /** A new `MessageChannel` for each hello (`() => new MessageChannel()`): a transferred port cannot be sent again. */
  newChannel(): { port1: BridgePort; port2: BridgePort };
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
  /** Drops the current port and says hello again at once (the bridge went silent while the chart moved). */
  reconnect(): void;
  /** Milliseconds (of `now`) since the bridge's last message taken on the port: `ready`, a snapshot or `still`. */
  silentMs(): number;
  readonly ready: boolean;
  /** For good: tells the bridge to stop and closes the port. */
  stop(): void;
}

/**
 * The isolated side of the page bridge (lib/chart/bridge/protocol.ts): the two scripts load in no set order, so it
 * repeats `hello` on the window, each with the far end of a new `MessageChannel`, until `ready` arrives on the latest
 * port (the earlier ports are closed). The snapshots and `still`s then come as events of the type `ready` named, and
 * are taken as the port's messages: one stream per port, numbered together. Nothing else is read from the window.
 * All of it is untrusted (a page script can take the port from a hello and say `ready` itself): only messages with the
 * bridge's tag and this channel are parsed at all. Sequence numbers are per port and may only step forward by at most
 * MAX_SEQ_STEP, and a port may carry at most MAX_MESSAGES_PER_SECOND; the bridge says `ready` once per port and
 * sends nothing else on it. Anything else fails closed (`onDoubt`, the port dropped, a new hello), so a poisoned
 * number, a flood or a second `ready` (two voices on one port) can never hold the overlay on an old snapshot.
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
  let windowStart = Number.NEGATIVE_INFINITY;
  let windowCount = 0;
  const clock = options.now ?? Date.now;
  let timer: unknown = null;
  let hellos = 0;
  let port: BridgePort | null = null;
  /** The current port's event listener, once its `ready` named the type. */
  let events: { type: string; listener: (event: { detail?: unknown }) => void } | null = null;
  let heardAt = Number.NEGATIVE_INFINITY;

  const message = (type: IsolatedToBridge['type']): IsolatedToBridge => ({
    tag: BRIDGE_TAG,
    from: 'isolated',
    type,
    channel,
  });

  /** Tells the bridge over the port (pause, stop) and lets go of it. */
  const closePort = (last?: 'pause' | 'stop') => {
    if (events) win.removeEventListener(events.type, events.listener);
    events = null;
    if (!port) return;
    const closing = port;
    port = null;
    try {
      if (last) closing.postMessage(message(last));
    } finally {
      closing.close();
    }
  };

  const clearTimer = () => {
    if (timer !== null) options.clearInterval(timer);
    timer = null;
  };

  const sayHello = () => {
    if (!active || ready || stopped) return clearTimer();
    // A bridge that answers late answers on the port of the hello it saw: only the latest one is kept open.
    closePort();
    const { port1, port2 } = options.newChannel();
    port = port1;
    lastSeq = -1;
    windowCount = 0;
    port1.addEventListener('message', (event) => onMessage(port1, event.data, false));
    port1.start();
    win.postMessage(message('hello'), win.location.origin, [port2]);
    hellos += 1;
    if (hellos === fastHellos) {
      clearTimer();
      timer = options.setInterval(sayHello, slowHelloMs);
    }
  };

  /** Drops the port and says hello anew: at once, or (after a doubt) on the usual cadence, so a flood waits. */
  const rehello = (now: boolean) => {
    closePort();
    ready = false;
    hellos = 0;
    clearTimer();
    timer = options.setInterval(sayHello, helloMs);
    if (now) sayHello();
  };

  /** Fails closed: this port is no longer believed. */
  const distrust = (reason: string) => {
    rehello(false);
    options.onDoubt?.(reason);
  };

  /** Whether `seq` is the bridge's next number on this port (and takes it). */
  const inStep = (seq: number): boolean => {
    if (seq <= lastSeq || seq > lastSeq + MAX_SEQ_STEP) {
      distrust(
        seq <= lastSeq
          ? `the page bridge repeated an old message (${seq} after ${lastSeq})`
          : `the page bridge skipped ahead (${seq} after ${lastSeq})`,
      );
      return false;
    }
    lastSeq = seq;
    return true;
  };

  /** The bridge's events for `from`'s stream: each `detail` JSON text of one message. */
  const listen = (from: BridgePort, type: string) => {
    const listener = (event: { detail?: unknown }) => {
      const receivedAt = options.now ? options.now() : Number.NaN;
      if (from !== port) return;
      const detail = event.detail;
      let data: unknown;
      try {
        if (typeof detail !== 'string' || detail.length > MAX_EVENT_CHARS) throw new Error();
        data = JSON.parse(detail);
      } catch {
        distrust('the page bridge sent an event that is not a message');
        return;
      }
      onMessage(from, data, true, receivedAt);
    };
    events = { type, listener };
    win.addEventListener(type, listener);
  };

  /**
   * One message of `from`'s stream: `ready` on the port (`viaEvent` false), the others as events; `receivedAt` is
   * when it reached its listener.
   */
  const onMessage = (
    from: BridgePort,
    raw: unknown,
    viaEvent: boolean,
    receivedAt = options.now ? options.now() : Number.NaN,
  ) => {
    if (stopped || !active || from !== port) return;
    const t = clock();
    if (!(t - windowStart < 1000)) {
      windowStart = t;
      windowCount = 0;
    }
    if (++windowCount > MAX_MESSAGES_PER_SECOND) {
      distrust('the page bridge sent too many messages');
      return;
    }
    const data = raw as {
      tag?: unknown;
      from?: unknown;
      channel?: unknown;
      type?: unknown;
      seq?: unknown;
      snapshot?: unknown;
      events?: unknown;
    } | null;
    // `BridgeToIsolated` checked by hand, every frame, cheapest first: whoever holds the other end may send anything.
    if (!data || typeof data !== 'object' || data.tag !== BRIDGE_TAG || data.from !== 'bridge') return;
    if (data.channel !== channel) return;
    const isStream = data.type === 'still' || data.type === 'snapshot';
    if (viaEvent ? data.type === 'ready' : isStream) {
      distrust(`the page bridge sent ${data.type} the wrong way`);
      return;
    }
    if (data.type === 'ready') {
      if (events) {
        distrust('the page bridge said ready twice on one port');
        return;
      }
      if (!isBridgeEvents(data.events)) {
        distrust('the page bridge said ready without its event type');
        return;
      }
      heardAt = t;
      listen(from, data.events);
      from.postMessage(message('listening'));
      if (!ready) {
        ready = true;
        clearTimer();
        options.onReady();
      }
      return;
    }
    if (data.type === 'still') {
      if (!isSeq(data.seq) || !inStep(data.seq)) return;
      heardAt = t;
      options.onStill?.();
      return;
    }
    if (data.type !== 'snapshot' || !isSeq(data.seq) || !inStep(data.seq)) return;
    heardAt = t;
    // Only its shape here; its values are validated by the controller (lib/chart/validate-snapshot.ts).
    const snapshot = decodeSnapshot(data.snapshot);
    if (snapshot === undefined) {
      distrust('the page bridge sent a snapshot that is not one');
      return;
    }
    options.onSnapshot(data.seq, snapshot, receivedAt);
  };

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
        closePort('pause');
      }
    },
    reconnect() {
      if (stopped || !active) return;
      rehello(true);
    },
    silentMs: () => clock() - heardAt,
    get ready() {
      return ready;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimer();
      try {
        closePort('stop');
      } catch {
        // The page may already be going away.
      }
    },
  };
}
