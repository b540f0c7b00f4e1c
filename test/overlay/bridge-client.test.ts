import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_TAG } from '../../lib/chart/bridge/protocol';
import { encodeSnapshot } from '../../lib/chart/bridge/wire';
import {
  createBridgeClient,
  MAX_EVENT_CHARS,
  MAX_MESSAGES_PER_SECOND,
  MAX_SEQ_STEP,
} from '../../lib/overlay/bridge-client';
import { makeSnapshot } from './fixtures';

const CHANNEL = '0f8e2b6c-1d2e-4f00-9a1b-123456789abc';

/** Snapshot number `n` as the bridge posts it, and as the client passes it on (told apart by their last price). */
const wire = (n: number) => encodeSnapshot(makeSnapshot({ lastPrice: 1_000 + n }));
const shown = (n: number) => makeSnapshot({ lastPrice: 1_000 + n });

/** One end of a fake `MessageChannel`: what is posted on it is recorded; `receive` plays the bridge's side. */
function fakePort() {
  const sent: Record<string, unknown>[] = [];
  let listener: ((event: { data: unknown }) => void) | null = null;
  const port = {
    sent,
    closed: false,
    started: false,
    postMessage: (message: unknown) => sent.push(message as Record<string, unknown>),
    addEventListener: (_: 'message', l: (event: { data: unknown }) => void) => {
      listener = l;
    },
    start: () => {
      port.started = true;
    },
    close: () => {
      port.closed = true;
    },
    receive: (data: unknown) => listener?.({ data }),
  };
  return port;
}
type FakePort = ReturnType<typeof fakePort>;

type EventListener = (event: { detail?: unknown }) => void;

/** The isolated world's window as the client uses it: posts recorded, event listeners by type, `emit` fires one. */
function fakeWindow(
  posted: { message: Record<string, unknown>; origin: string; transfer: FakePort[] }[] = [],
) {
  const listeners = new Map<string, Set<EventListener>>();
  return {
    postMessage: (message: unknown, origin: string, transfer: FakePort[]) =>
      posted.push({ message: message as Record<string, unknown>, origin, transfer }),
    location: { origin: 'https://www.binance.com' },
    addEventListener: (type: string, listener: EventListener) => {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(listener));
    },
    removeEventListener: (type: string, listener: EventListener) => {
      listeners.get(type)?.delete(listener);
    },
    emit: (type: string, event: { detail?: unknown }) => {
      for (const listener of listeners.get(type) ?? []) listener(event);
    },
    /** The event types something listens for. */
    listened: () => [...listeners].filter(([, set]) => set.size > 0).map(([type]) => type),
  };
}

/** The event type the bridge names in its `ready` on the n-th port. */
const eventsOf = (n: number) => `liqlens-bridge-0f8e2b6c-1d2e-4f00-9a1b-${String(n).padStart(12, '0')}`;

function setup(options: { fastHellos?: number } = {}) {
  const posted: { message: Record<string, unknown>; origin: string; transfer: FakePort[] }[] = [];
  // The hello interval and the clock are vitest's fake ones, from 0 ms.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: 0 });
  const win = fakeWindow(posted);
  /** The near end of every channel made, in order; the far end went with the hello. */
  const ports: FakePort[] = [];
  const snapshots: [number, unknown][] = [];
  const doubts: string[] = [];
  let ready = 0;
  let stills = 0;
  const client = createBridgeClient({
    win,
    channel: CHANNEL,
    onReady: () => {
      ready += 1;
    },
    onSnapshot: (seq, snapshot) => snapshots.push([seq, snapshot]),
    onStill: () => {
      stills += 1;
    },
    onDoubt: (reason) => doubts.push(reason),
    now: () => Date.now(),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    newChannel: () => {
      const pair = { port1: fakePort(), port2: fakePort() };
      ports.push(pair.port1);
      return pair;
    },
    ...options,
  });
  /** The event type each port's `ready` named. */
  const typeOf = new Map<FakePort, string>();
  /** A message of the bridge's on `port`, as it is: on the port itself. */
  const onPort = (data: unknown, port: FakePort | undefined = ports.at(-1)) => port?.receive(data);
  /** An event of the type `port`'s `ready` named, with `detail` as it is. */
  const emit = (detail: unknown, port: FakePort | undefined = ports.at(-1)) => {
    const type = port && typeOf.get(port);
    if (type) win.emit(type, { detail });
  };
  /**
   * The bridge answering the latest hello (or `port`'s) as it does: `ready` on the port (naming the port's event
   * type unless `data` names one), the rest as events of that type; before `ready`, on the port.
   */
  const fromBridge = (data: Record<string, unknown>, port: FakePort | undefined = ports.at(-1)) => {
    if (!port) return;
    const message = { tag: BRIDGE_TAG, from: 'bridge', channel: CHANNEL, ...data };
    if (data.type === 'ready') {
      const events = 'events' in data ? data.events : eventsOf(ports.indexOf(port));
      if (typeof events === 'string' && !typeOf.has(port)) typeOf.set(port, events);
      onPort({ events, ...message }, port);
    } else if (typeOf.has(port)) emit(JSON.stringify(message), port);
    else onPort(message, port);
  };
  /** The hello interval's next tick. */
  const tick = () => {
    vi.advanceTimersToNextTimer();
  };
  /** Everything the client sent on any port: listening, pause and stop. */
  const onPorts = () => ports.flatMap((p) => p.sent.map((m) => m.type));
  return {
    client,
    win,
    posted,
    ports,
    snapshots,
    doubts,
    fromBridge,
    onPort,
    emit,
    tick,
    onPorts,
    ready: () => ready,
    stills: () => stills,
    advance: (ms: number) => {
      vi.advanceTimersByTime(ms);
    },
  };
}

const types = (posted: { message: Record<string, unknown> }[]) => posted.map((p) => p.message.type);

afterEach(() => {
  vi.useRealTimers();
});

describe('createBridgeClient', () => {
  it('says hello to its own origin with a new port each time until ready, then stops', () => {
    const t = setup();
    t.client.setActive(true);
    t.tick();
    expect(types(t.posted)).toEqual(['hello', 'hello']);
    expect(t.posted[0]).toEqual({
      message: { tag: BRIDGE_TAG, from: 'isolated', type: 'hello', channel: CHANNEL },
      origin: 'https://www.binance.com',
      transfer: [expect.objectContaining({ closed: false })],
    });
    // Each hello hands over the far end of a new channel; the client listens on the near end of the latest only.
    expect(t.posted[0]?.transfer[0]).not.toBe(t.posted[1]?.transfer[0]);
    expect(t.ports.map((p) => [p.started, p.closed])).toEqual([
      [true, true],
      [true, false],
    ]);
    t.fromBridge({ type: 'ready' }, t.ports[0]);
    expect(t.ready()).toBe(0);
    t.fromBridge({ type: 'ready' });
    expect(t.ready()).toBe(1);
    expect(t.client.ready).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    t.tick();
    expect(t.posted).toHaveLength(2);
    // Only that it listens for the events `ready` named, on the port that said it.
    expect(t.ports.map((p) => p.sent.map((m) => m.type))).toEqual([[], ['listening']]);
  });

  it('slows down when no bridge answers', () => {
    const t = setup({ fastHellos: 3 });
    t.client.setActive(true);
    t.tick();
    t.tick();
    // After 3 fast hellos, one a 2 s interval: nothing at 1,999 ms, a hello at 2,000.
    expect(types(t.posted)).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(1);
    t.advance(1999);
    expect(types(t.posted)).toHaveLength(3);
    t.advance(1);
    expect(types(t.posted)).toHaveLength(4);
  });

  it('passes snapshots on in order and drops foreign and malformed ones', () => {
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'ready' });
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: wire(1) });
    t.fromBridge({ type: 'snapshot', seq: 5, snapshot: null, channel: 'someone-else-123' });
    t.fromBridge({ type: 'snapshot', seq: 5, snapshot: null, tag: 'liqlens-bridge/0' });
    t.fromBridge({ type: 'snapshot', seq: -1, snapshot: null });
    t.fromBridge({ type: 'snapshot', seq: 7.5, snapshot: null });
    t.fromBridge({ type: 'snapshot', seq: '8', snapshot: null });
    t.fromBridge({ type: 'snapshot', seq: 9, snapshot: null, from: 'isolated' });
    t.fromBridge({ type: 'snapshots', seq: 10, snapshot: null });
    t.ports[0]?.receive(null);
    t.ports[0]?.receive('snapshot');
    t.fromBridge({ type: 'snapshot', seq: 1, snapshot: null });
    expect(t.snapshots).toEqual([
      [0, shown(1)],
      [1, null],
    ]);
    expect(t.doubts).toEqual([]);
  });

  it('takes a snapshot only in the wire’s shape: anything else is a doubt, and nothing is passed on', () => {
    const full = wire(1);
    const notWires: unknown[] = [
      undefined,
      { kind: 'tv-cl-iframe' },
      'snapshot',
      [],
      full.slice(0, 16),
      [...full, 1],
      [...full, 1, 2, 3, 4, 5, 6, 1],
      [...full, 1, 2, 3, 4, 5, 6, ...Array.from({ length: 18 }, (_, i) => i)],
    ];
    for (const snapshot of notWires) {
      const t = setup();
      t.client.setActive(true);
      t.fromBridge({ type: 'ready' });
      t.fromBridge({ type: 'snapshot', seq: 0, snapshot });
      expect(t.snapshots, JSON.stringify(snapshot)).toEqual([]);
      expect(t.doubts).toEqual(['the page bridge sent a snapshot that is not one']);
      expect(t.ports[0]?.closed).toBe(true);
    }
    // A wire of the right shape with bad values is passed on: the controller's check names the field.
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'ready' });
    const bad = [...full];
    bad[8] = 'ninety thousand';
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: bad });
    expect(t.snapshots).toEqual([
      [0, { ...shown(1), scale: { ...shown(1).scale, from: 'ninety thousand' } }],
    ]);
    expect(t.doubts).toEqual([]);
  });

  it('passes still on in the snapshots’ numbering; an old or foreign one is a doubt or nothing', () => {
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'ready' });
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: wire(1) });
    t.fromBridge({ type: 'still', seq: 1 });
    t.fromBridge({ type: 'still', seq: 2, channel: 'someone-else-123' });
    t.fromBridge({ type: 'still' });
    t.fromBridge({ type: 'snapshot', seq: 2, snapshot: wire(2) });
    expect([t.stills(), t.snapshots.map(([seq]) => seq), t.doubts]).toEqual([1, [0, 2], []]);
    t.fromBridge({ type: 'still', seq: 1 });
    expect(t.stills()).toBe(1);
    expect(t.doubts).toEqual(['the page bridge repeated an old message (1 after 2)']);
  });

  it('ignores a closed earlier port, even after ready', () => {
    const t = setup();
    t.client.setActive(true);
    t.tick();
    t.fromBridge({ type: 'ready' });
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: wire(100) }, t.ports[0]);
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: wire(200) });
    expect(t.snapshots).toEqual([[0, shown(200)]]);
  });

  it('pauses the bridge over the port and closes it when inactive, and says hello again when active', () => {
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'ready' });
    t.client.setActive(false);
    expect(types(t.posted)).toEqual(['hello']);
    expect(t.ports[0]?.sent).toEqual([
      { tag: BRIDGE_TAG, from: 'isolated', type: 'listening', channel: CHANNEL },
      { tag: BRIDGE_TAG, from: 'isolated', type: 'pause', channel: CHANNEL },
    ]);
    expect(t.ports[0]?.closed).toBe(true);
    expect(t.client.ready).toBe(false);
    t.fromBridge({ type: 'snapshot', seq: 1, snapshot: null });
    expect(t.snapshots).toEqual([]);
    t.client.setActive(true);
    expect(types(t.posted)).toEqual(['hello', 'hello']);
    expect(t.ports).toHaveLength(2);
    t.fromBridge({ type: 'ready' });
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: null });
    expect(t.snapshots).toEqual([[0, null]]);
  });

  it('stops for good: tells the bridge over the port and closes it', () => {
    const t = setup();
    t.client.setActive(true);
    t.client.stop();
    expect(types(t.posted)).toEqual(['hello']);
    expect(t.onPorts()).toEqual(['stop']);
    expect(t.ports.map((p) => p.closed)).toEqual([true]);
    expect(vi.getTimerCount()).toBe(0);
    t.client.setActive(true);
    t.client.stop();
    expect(t.posted).toHaveLength(1);
    expect(t.onPorts()).toEqual(['stop']);
  });

  it('has no port to close when stopped before it was ever active', () => {
    const t = setup();
    t.client.stop();
    expect(t.posted).toEqual([]);
    expect(t.ports).toEqual([]);
  });

  it('never posts anything on the window but hellos, whatever the bridge sends', () => {
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'ready' });
    for (let seq = 0; seq < 5; seq++) t.fromBridge({ type: 'snapshot', seq, snapshot: null });
    t.client.setActive(false);
    t.client.setActive(true);
    t.client.stop();
    expect(types(t.posted)).toEqual(['hello', 'hello']);
    expect(t.onPorts()).toEqual(['listening', 'pause', 'stop']);
  });
});

describe('createBridgeClient: a page script holding the port (issue 9)', () => {
  const ready = () => {
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'ready' });
    for (let seq = 0; seq < 3; seq++) t.fromBridge({ type: 'snapshot', seq, snapshot: wire(seq) });
    return t;
  };

  it('a replay with seq = MAX_SAFE_INTEGER is rejected, not adopted: doubt, a new port, the bridge heard again', () => {
    const t = ready();
    t.fromBridge({ type: 'snapshot', seq: Number.MAX_SAFE_INTEGER, snapshot: wire(0) });
    expect(t.snapshots.map(([seq]) => seq)).toEqual([0, 1, 2]);
    expect(t.doubts).toEqual(['the page bridge skipped ahead (9007199254740991 after 2)']);
    expect(t.ports[0]?.closed).toBe(true);
    expect(t.client.ready).toBe(false);
    // The old port is dead to us; a new hello goes out on the next tick, and the bridge's numbering starts over.
    t.fromBridge({ type: 'snapshot', seq: 3, snapshot: wire(3) }, t.ports[0]);
    t.tick();
    expect(t.ports).toHaveLength(2);
    t.fromBridge({ type: 'ready' });
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: wire(4) });
    expect(t.snapshots.at(-1)).toEqual([0, shown(4)]);
  });

  it('a bounded jump ahead followed by the bridge’s own next number is caught as a repeat', () => {
    const t = ready();
    t.fromBridge({ type: 'snapshot', seq: 3 + MAX_SEQ_STEP - 1, snapshot: wire(0) });
    t.fromBridge({ type: 'snapshot', seq: 3, snapshot: wire(3) });
    expect(t.doubts).toEqual([`the page bridge repeated an old message (3 after ${2 + MAX_SEQ_STEP})`]);
  });

  it('a first number beyond the bound on a new port is rejected', () => {
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'snapshot', seq: 1000, snapshot: wire(0) });
    expect(t.snapshots).toEqual([]);
    expect(t.doubts).toHaveLength(1);
  });

  it('a 100k-message flood fails closed after MAX_MESSAGES_PER_SECOND, whatever the numbers', () => {
    const t = ready();
    for (let i = 0; i < 100_000; i++) t.fromBridge({ type: 'snapshot', seq: 3 + i, snapshot: wire(0) });
    expect(t.doubts).toEqual(['the page bridge sent too many messages']);
    expect(t.snapshots.length).toBeLessThanOrEqual(MAX_MESSAGES_PER_SECOND);
    expect(t.ports[0]?.closed).toBe(true);
  });

  it('the bridge’s own pace (one message a frame at 240 Hz for a minute) is no flood', () => {
    const t = ready();
    for (let i = 0; i < 240 * 60; i++) {
      t.advance(1000 / 240);
      t.fromBridge({ type: 'snapshot', seq: 3 + i, snapshot: null });
    }
    expect(t.doubts).toEqual([]);
    expect(t.snapshots).toHaveLength(3 + 240 * 60);
  });

  it('reconnect drops a silent port and says hello again at once, without a doubt of its own', () => {
    const t = ready();
    t.client.reconnect();
    expect(t.doubts).toEqual([]);
    expect(t.ports[0]?.closed).toBe(true);
    expect(types(t.posted)).toEqual(['hello', 'hello']);
    t.fromBridge({ type: 'ready' });
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: wire(9) });
    expect(t.snapshots.at(-1)).toEqual([0, shown(9)]);
  });
});

describe('createBridgeClient: silence', () => {
  it('counts silence from the last ready, snapshot or still it took, never from a foreign, old or earlier-port one', () => {
    const t = setup();
    t.client.setActive(true);
    expect(t.client.silentMs()).toBe(Number.POSITIVE_INFINITY);
    t.advance(100);
    t.fromBridge({ type: 'ready' });
    expect(t.client.silentMs()).toBe(0);
    t.advance(700);
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: wire(1) });
    t.advance(300);
    expect(t.client.silentMs()).toBe(300);
    t.fromBridge({ type: 'still', seq: 1 });
    t.advance(1_000);
    expect(t.client.silentMs()).toBe(1_000);
    // Another channel's heartbeat, one without a number, and a port the client let go of: not the bridge talking.
    t.fromBridge({ type: 'still', seq: 2, channel: 'someone-else-123' });
    t.fromBridge({ type: 'still' });
    const first = t.ports[0];
    t.client.reconnect();
    t.fromBridge({ type: 'still', seq: 2 }, first);
    expect(t.client.silentMs()).toBe(1_000);
    t.fromBridge({ type: 'ready' });
    expect(t.client.silentMs()).toBe(0);
  });
});

describe('createBridgeClient: timing a snapshot', () => {
  it('hands on the clock reading from before the event was read, and NaN without a clock', () => {
    let clock = 100;
    const received: [number, unknown, number][] = [];
    const make = (now?: () => number) => {
      const win = fakeWindow();
      const port = fakePort();
      const client = createBridgeClient({
        win,
        channel: CHANNEL,
        onReady: () => {},
        onSnapshot: (seq, snapshot, receivedAt) => received.push([seq, snapshot, receivedAt]),
        setInterval: () => 1,
        clearInterval: () => {},
        newChannel: () => ({ port1: port, port2: fakePort() }),
        ...(now ? { now } : {}),
      });
      client.setActive(true);
      port.receive({ tag: BRIDGE_TAG, from: 'bridge', channel: CHANNEL, type: 'ready', events: eventsOf(0) });
      return (seq: number) => {
        const text = JSON.stringify({
          tag: BRIDGE_TAG,
          from: 'bridge',
          channel: CHANNEL,
          type: 'snapshot',
          seq,
          snapshot: null,
        });
        // Reading and parsing the event's text is part of its cost.
        win.emit(eventsOf(0), {
          get detail() {
            clock += 5;
            return text;
          },
        });
      };
    };
    make(() => clock)(0);
    expect(received).toEqual([[0, null, 100]]);
    expect(clock).toBe(105);
    make()(0);
    expect(received[1]?.[2]).toBeNaN();
  });
});

describe('createBridgeClient: the bridge’s events', () => {
  /** The JSON text of a null snapshot numbered 0, as the bridge sends it, with `fields` changed. */
  const nullSnapshot = (fields: Record<string, unknown> = {}) =>
    JSON.stringify({
      tag: BRIDGE_TAG,
      from: 'bridge',
      channel: CHANNEL,
      type: 'snapshot',
      seq: 0,
      snapshot: null,
      ...fields,
    });
  const ready = () => {
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'ready' });
    return t;
  };

  it('listens for the event type the port’s ready named, only while that port is the one', () => {
    const t = setup();
    t.client.setActive(true);
    expect(t.win.listened()).toEqual([]);
    t.fromBridge({ type: 'ready' });
    expect(t.win.listened()).toEqual([eventsOf(0)]);
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: wire(1) });
    expect(t.snapshots).toEqual([[0, shown(1)]]);
    t.client.reconnect();
    expect(t.win.listened()).toEqual([]);
    t.fromBridge({ type: 'ready' });
    expect(t.win.listened()).toEqual([eventsOf(1)]);
    // The first port's type is heard no more, whatever it carries.
    t.fromBridge({ type: 'snapshot', seq: 1, snapshot: wire(2) }, t.ports[0]);
    t.fromBridge({ type: 'snapshot', seq: 0, snapshot: wire(3) });
    expect(t.snapshots).toEqual([
      [0, shown(1)],
      [0, shown(3)],
    ]);
    t.client.setActive(false);
    expect(t.win.listened()).toEqual([]);
    expect(t.doubts).toEqual([]);
  });

  it('a ready without an event type of the bridge’s form is a doubt, and nothing is listened for', () => {
    for (const events of [
      undefined,
      42,
      'message',
      'liqlens-bridge-',
      `${eventsOf(0)}x`,
      'LIQLENS-BRIDGE-0F8E2B6C-1D2E-4F00-9A1B-000000000000',
    ]) {
      const t = setup();
      t.client.setActive(true);
      t.fromBridge({ type: 'ready', events });
      expect([t.ready(), t.doubts, t.win.listened()], String(events)).toEqual([
        0,
        ['the page bridge said ready without its event type'],
        [],
      ]);
    }
  });

  it('a second ready on the port (a page script holding the port speaks too) is a doubt: the port is dropped', () => {
    for (const second of [eventsOf(7), eventsOf(0)]) {
      const t = ready();
      t.onPort({ tag: BRIDGE_TAG, from: 'bridge', channel: CHANNEL, type: 'ready', events: second });
      expect(t.doubts).toEqual(['the page bridge said ready twice on one port']);
      expect([t.client.ready, t.ports[0]?.closed, t.win.listened()]).toEqual([false, true, []]);
      // Neither type is heard on that port any more.
      t.win.emit(second, { detail: nullSnapshot() });
      expect(t.snapshots).toEqual([]);
    }
  });

  it('a snapshot or still on the port, or a ready as an event, is a doubt: the bridge never sends them that way', () => {
    const message = (type: string) => ({
      tag: BRIDGE_TAG,
      from: 'bridge',
      channel: CHANNEL,
      type,
      seq: 0,
      snapshot: null,
      events: eventsOf(0),
    });
    const cases: [string, (t: ReturnType<typeof setup>) => void][] = [
      ['snapshot', (t) => t.onPort(message('snapshot'))],
      ['still', (t) => t.onPort(message('still'))],
      ['ready', (t) => t.emit(JSON.stringify(message('ready')))],
    ];
    for (const [type, send] of cases) {
      const t = ready();
      send(t);
      expect([t.snapshots, t.stills(), t.doubts], type).toEqual([
        [],
        0,
        [`the page bridge sent ${type} the wrong way`],
      ]);
      expect(t.ports[0]?.closed).toBe(true);
    }
  });

  it('an event whose detail is not the JSON text of a message is a doubt; a foreign message in good JSON is nothing', () => {
    const good = nullSnapshot();
    for (const detail of [
      undefined,
      null,
      42,
      { type: 'snapshot' },
      '{"type":',
      `${good} `.repeat(MAX_EVENT_CHARS),
    ]) {
      const t = ready();
      t.emit(detail);
      expect([t.snapshots, t.doubts], String(detail).slice(0, 40)).toEqual([
        [],
        ['the page bridge sent an event that is not a message'],
      ]);
    }
    const t = ready();
    t.emit(nullSnapshot({ tag: 'liqlens-bridge/2' }));
    t.emit('"snapshot"');
    t.emit('null');
    t.emit(good);
    expect([t.snapshots, t.doubts]).toEqual([[[0, null]], []]);
  });
});
