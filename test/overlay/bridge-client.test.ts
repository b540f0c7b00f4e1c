import { describe, expect, it } from 'vitest';
import { BRIDGE_TAG } from '../../lib/chart/bridge/protocol';
import { createBridgeClient } from '../../lib/overlay/bridge-client';

const CHANNEL = '0f8e2b6c-1d2e-4f00-9a1b-123456789abc';

function setup(options: { fastHellos?: number } = {}) {
  const posted: { message: Record<string, unknown>; origin: string }[] = [];
  let listener: ((e: { source: unknown; data: unknown }) => void) | null = null;
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let nextTimer = 1;
  const win = {
    postMessage: (message: unknown, origin: string) =>
      posted.push({ message: message as Record<string, unknown>, origin }),
    addEventListener: (_: 'message', l: typeof listener) => {
      listener = l;
    },
    removeEventListener: () => {
      listener = null;
    },
    location: { origin: 'https://www.binance.com' },
  };
  const snapshots: [number, unknown][] = [];
  let ready = 0;
  const client = createBridgeClient({
    win,
    channel: CHANNEL,
    onReady: () => {
      ready += 1;
    },
    onSnapshot: (seq, snapshot) => snapshots.push([seq, snapshot]),
    setInterval: (fn, ms) => {
      const id = nextTimer++;
      timers.set(id, { fn, ms });
      return id;
    },
    clearInterval: (id) => {
      timers.delete(id as number);
    },
    ...options,
  });
  const fromBridge = (data: Record<string, unknown>, source: unknown = win) =>
    listener?.({ source, data: { tag: BRIDGE_TAG, from: 'bridge', channel: CHANNEL, ...data } });
  const tickAll = () => {
    for (const t of [...timers.values()]) t.fn();
  };
  return {
    client,
    posted,
    snapshots,
    fromBridge,
    tickAll,
    timers,
    ready: () => ready,
    listening: () => listener !== null,
  };
}

const types = (posted: { message: Record<string, unknown> }[]) => posted.map((p) => p.message.type);

describe('createBridgeClient', () => {
  it('says hello to its own origin until ready, then stops', () => {
    const t = setup();
    t.client.setActive(true);
    t.tickAll();
    expect(types(t.posted)).toEqual(['hello', 'hello']);
    expect(t.posted[0]).toEqual({
      message: { tag: BRIDGE_TAG, from: 'isolated', type: 'hello', channel: CHANNEL },
      origin: 'https://www.binance.com',
    });
    t.fromBridge({ type: 'ready' });
    expect(t.ready()).toBe(1);
    expect(t.client.ready).toBe(true);
    expect(t.timers.size).toBe(0);
    t.tickAll();
    expect(t.posted).toHaveLength(2);
  });

  it('slows down when no bridge answers', () => {
    const t = setup({ fastHellos: 3 });
    t.client.setActive(true);
    t.tickAll();
    t.tickAll();
    expect([...t.timers.values()].map((x) => x.ms)).toEqual([2000]);
  });

  it('passes snapshots on in order and drops stale, foreign and malformed ones', () => {
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'ready' });
    t.fromBridge({ type: 'snapshot', seq: 3, snapshot: { a: 1 } });
    t.fromBridge({ type: 'snapshot', seq: 2, snapshot: { a: 0 } });
    t.fromBridge({ type: 'snapshot', seq: 4, snapshot: null }, {});
    t.fromBridge({ type: 'snapshot', seq: 5, snapshot: null, channel: 'someone-else-123' });
    t.fromBridge({ type: 'snapshot', seq: -1, snapshot: null });
    t.fromBridge({ type: 'snapshot', seq: 7.5, snapshot: null });
    t.fromBridge({ type: 'snapshot', seq: '8', snapshot: null });
    t.fromBridge({ type: 'snapshot', seq: 9, snapshot: null, from: 'isolated' });
    t.fromBridge({ type: 'snapshots', seq: 10, snapshot: null });
    t.fromBridge({ type: 'snapshot', seq: 6, snapshot: null });
    t.fromBridge({ type: 'snapshot', seq: 11 });
    expect(t.snapshots).toEqual([
      [3, { a: 1 }],
      [6, null],
      [11, undefined],
    ]);
  });

  it('asks the bridge to pause when inactive, and says hello again when active', () => {
    const t = setup();
    t.client.setActive(true);
    t.fromBridge({ type: 'ready' });
    t.client.setActive(false);
    expect(types(t.posted)).toEqual(['hello', 'pause']);
    expect(t.client.ready).toBe(false);
    t.fromBridge({ type: 'snapshot', seq: 1, snapshot: null });
    expect(t.snapshots).toEqual([]);
    t.client.setActive(true);
    expect(types(t.posted)).toEqual(['hello', 'pause', 'hello']);
  });

  it('stops for good: tells the bridge and lets go of the window', () => {
    const t = setup();
    t.client.setActive(true);
    t.client.stop();
    expect(types(t.posted)).toEqual(['hello', 'stop']);
    expect(t.listening()).toBe(false);
    expect(t.timers.size).toBe(0);
    t.client.setActive(true);
    expect(t.posted).toHaveLength(2);
  });
});

describe('createBridgeClient: timing a snapshot', () => {
  it('hands on the clock reading from before the message was read, and NaN without a clock', () => {
    let clock = 100;
    let listener: ((e: { source: unknown; data: unknown }) => void) | null = null;
    const win = {
      postMessage: () => {},
      addEventListener: (_: 'message', l: typeof listener) => {
        listener = l;
      },
      removeEventListener: () => {},
      location: { origin: 'https://www.binance.com' },
    };
    const received: [number, unknown, number][] = [];
    const make = (now?: () => number) =>
      createBridgeClient({
        win,
        channel: CHANNEL,
        onReady: () => {},
        onSnapshot: (seq, snapshot, receivedAt) => received.push([seq, snapshot, receivedAt]),
        setInterval: () => 1,
        clearInterval: () => {},
        ...(now ? { now } : {}),
      });
    const send = (seq: number) => {
      const data = {
        tag: BRIDGE_TAG,
        from: 'bridge',
        channel: CHANNEL,
        type: 'snapshot',
        seq,
        snapshot: null,
      };
      // Reading a posted message's data is part of its cost (the browser deserialises it on first access).
      listener?.({
        source: win,
        get data() {
          clock += 5;
          return data;
        },
      });
    };
    make(() => clock).setActive(true);
    send(1);
    expect(received).toEqual([[1, null, 100]]);
    expect(clock).toBe(105);
    make().setActive(true);
    send(2);
    expect(received[1]?.[2]).toBeNaN();
  });
});
