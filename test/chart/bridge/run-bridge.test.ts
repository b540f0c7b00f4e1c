import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_TAG, isBridgeEvents } from '../../../lib/chart/bridge/protocol';
import { HEARTBEAT_MS, runBridge } from '../../../lib/chart/bridge/run-bridge';
import { type FakePort, fakePort, isolated, snapshotsOn } from './fake-port';
import { fakeBridgeWindow, fakeTvChart, type PriceRange } from './fake-window';

function fakeWindow() {
  let range: PriceRange = { from: 90_000, to: 100_000 };
  const page = fakeBridgeWindow('https://www.tradingview.com');
  const chart = fakeTvChart(
    () => 'BINANCE:BTCUSDT.P',
    () => range,
  );
  page.win.TradingViewApi = { activeChart: () => chart };
  return {
    win: page.win as unknown as Window,
    posted: page.posted,
    dispatched: page.dispatched,
    send: page.send,
    /** A hello on the window with a new port, and `listening` on it once ready came; returns the port. */
    hello: (channel = 'abcdef123456') => {
      const port = fakePort();
      page.hello(port, channel);
      return port;
    },
    /** A hello on the window handing over `port`, and nothing more. */
    helloOnly: (port: FakePort) => page.hello(port, undefined, false),
    runFrame: page.runFrame,
    setRange: (r: PriceRange) => {
      range = r;
    },
    listening: page.listening,
  };
}

const hello = isolated('hello');
const seqs = (port: FakePort) => port.sent.filter((m) => m.type === 'snapshot').map((m) => m.seq);

afterEach(() => {
  vi.useRealTimers();
});

describe('runBridge', () => {
  it('answers hello on its port with a random event type, then sends snapshots as those events only when the chart changed; nothing on the window', () => {
    const page = fakeWindow();
    runBridge(page.win);
    const port = page.hello();
    expect(port.sent).toEqual([
      { tag: BRIDGE_TAG, from: 'bridge', type: 'ready', channel: 'abcdef123456', events: expect.any(String) },
    ]);
    const events = port.sent[0]?.events as string;
    expect(isBridgeEvents(events)).toBe(true);
    page.runFrame();
    page.runFrame();
    // The snapshot and then `still`, as events of that type with the message as JSON text; the port carried `ready`.
    expect(page.dispatched.map((e) => [e.type, typeof e.detail])).toEqual([
      [events, 'string'],
      [events, 'string'],
    ]);
    expect(port.posted).toHaveLength(1);
    const snapshots = snapshotsOn<{ scale?: unknown }>(port);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.scale).toEqual({ from: 90_000, to: 100_000, mode: 0, inverted: false });
    expect(port.sent[1]).toMatchObject({ tag: BRIDGE_TAG, from: 'bridge', channel: 'abcdef123456', seq: 0 });
    page.setRange({ from: 91_000, to: 99_000 });
    page.runFrame();
    // Between the two, the unchanged frame said `still` (seq 1, the same series).
    expect(seqs(port)).toEqual([0, 2]);
    expect(page.posted).toEqual([]);
  });

  it('dispatches no event on a port’s type before the isolated side says it listens, then the current snapshot', () => {
    const page = fakeWindow();
    runBridge(page.win);
    const port = fakePort();
    page.helloOnly(port);
    page.runFrame();
    page.runFrame();
    expect([port.sent.map((m) => m.type), page.dispatched]).toEqual([['ready'], []]);
    // A repeated `listening` changes nothing.
    port.receive(isolated('listening'));
    port.receive(isolated('listening'));
    page.runFrame();
    expect(seqs(port)).toEqual([0]);
    expect(snapshotsOn(port)).toHaveLength(1);
  });

  it('keeps the window functions it found when it started: a page script that replaces them later neither sees the event type nor stops the reads', () => {
    const page = fakeWindow();
    runBridge(page.win);
    const win = page.win as unknown as Record<string, unknown>;
    const seen: unknown[] = [];
    win.dispatchEvent = (event: unknown) => seen.push(event);
    win.CustomEvent = class {
      constructor(type: string) {
        seen.push(type);
      }
    };
    win.requestAnimationFrame = () => 0;
    (win.crypto as Record<string, unknown>).randomUUID = () => '00000000-0000-4000-8000-000000000000';
    const port = page.hello();
    page.runFrame();
    page.setRange({ from: 91_000, to: 99_000 });
    page.runFrame();
    expect(seen).toEqual([]);
    expect(port.sent[0]?.events).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(seqs(port)).toEqual([0, 1]);
  });

  it('says still once on the first unchanged frame after a change, and not again until the chart moves', () => {
    // The clock stands still: no heartbeat comes due.
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    const page = fakeWindow();
    runBridge(page.win);
    const port = page.hello();
    const types = () => port.sent.slice(1).map((m) => `${m.type} ${m.seq}`);
    page.runFrame();
    page.runFrame();
    page.runFrame();
    expect(types()).toEqual(['snapshot 0', 'still 1']);
    for (const from of [91_000, 92_000, 93_000]) {
      page.setRange({ from, to: 99_000 });
      page.runFrame();
    }
    page.runFrame();
    page.runFrame();
    expect(types()).toEqual(['snapshot 0', 'still 1', 'snapshot 2', 'snapshot 3', 'snapshot 4', 'still 5']);
    expect(port.sent.at(-1)).toEqual({
      tag: BRIDGE_TAG,
      from: 'bridge',
      type: 'still',
      channel: 'abcdef123456',
      seq: 5,
    });
  });

  it('while nothing changes, says still again every HEARTBEAT_MS (a heartbeat), and a change resets the beat', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    const page = fakeWindow();
    runBridge(page.win);
    const port = page.hello();
    const types = () => port.sent.slice(1).map((m) => `${m.type} ${m.seq}`);
    const frameAt = (ms: number) => {
      vi.setSystemTime(ms);
      page.runFrame();
    };
    frameAt(0);
    frameAt(16);
    for (let t = 32; t < 16 + HEARTBEAT_MS; t += 16) frameAt(t);
    expect(types()).toEqual(['snapshot 0', 'still 1']);
    frameAt(16 + HEARTBEAT_MS);
    expect(types()).toEqual(['snapshot 0', 'still 1', 'still 2']);
    frameAt(16 + HEARTBEAT_MS + 500);
    page.setRange({ from: 91_000, to: 99_000 });
    frameAt(16 + HEARTBEAT_MS + 600);
    frameAt(16 + HEARTBEAT_MS + 616);
    frameAt(16 + 2 * HEARTBEAT_MS + 599);
    expect(types()).toEqual(['snapshot 0', 'still 1', 'still 2', 'snapshot 3', 'still 4']);
    frameAt(16 + 2 * HEARTBEAT_MS + 616);
    expect(types().at(-1)).toBe('still 5');
  });

  it('ignores hellos from other sources, with other tags, or without a port (an older isolated script)', () => {
    const page = fakeWindow();
    const stop = runBridge(page.win);
    const port = fakePort();
    page.send(hello, {}, [port]);
    page.send({ ...hello, tag: 'other' }, undefined, [port]);
    page.send({ ...hello, from: 'bridge' }, undefined, [port]);
    page.send({ ...hello, channel: 42 }, undefined, [port]);
    page.send(hello);
    page.send(null, undefined, [port]);
    page.runFrame();
    expect([port.sent, port.onmessage, page.posted]).toEqual([[], null, []]);
    // Not even a frame was asked for: the bridge is idle until a hello it can answer.
    expect(page.runFrame()).toBeUndefined();
    stop();
  });

  it('takes pause and stop only on the port of the channel’s latest hello, never on the window', () => {
    const page = fakeWindow();
    runBridge(page.win);
    const first = page.hello();
    const latest = page.hello();
    // A repeated hello (the isolated side had not heard ready yet) replaces the port and gets the current snapshot.
    expect(first.closed).toBe(true);
    expect(first.onmessage).toBeNull();
    page.runFrame();
    expect([seqs(first), seqs(latest)]).toEqual([[], [0]]);
    page.send(isolated('stop'));
    page.send(isolated('stop'), undefined, [latest]);
    first.receive(isolated('stop'));
    latest.receive({ ...isolated('stop'), tag: 'other' });
    latest.receive({ ...isolated('stop'), from: 'bridge' });
    latest.receive(isolated('hello'));
    latest.receive(null);
    expect(page.listening()).toBe(true);
    expect(latest.closed).toBe(false);
    latest.receive(isolated('stop'));
    expect(page.listening()).toBe(false);
    expect(latest.closed).toBe(true);
  });

  it('stopped from the page (its stop function): closes every port', () => {
    const page = fakeWindow();
    const stop = runBridge(page.win);
    const a = page.hello('first-channel');
    const b = page.hello('second-channel');
    stop();
    expect([a.closed, b.closed, page.listening()]).toEqual([true, true, false]);
  });

  it('records one liqlens:bridge measure per frame only while <html> had data-liqlens-bench at the last hello, without the isolated side’s listeners', () => {
    const page = fakeWindow();
    const attributes = new Set<string>();
    const measures: { name: string; start: number; duration: number }[] = [];
    let clock = 100;
    const win = page.win as unknown as Record<string, unknown> & { document: Record<string, unknown> };
    win.document.documentElement = { hasAttribute: (name: string) => attributes.has(name) };
    win.performance = {
      now: () => (clock += 0.25),
      measure: (name: string, options: { start: number; duration: number }) =>
        measures.push({ name, ...options }),
    };
    // The isolated side's listener runs inside dispatchEvent and takes 5 ms of the clock.
    const dispatch = win.dispatchEvent as (event: unknown) => boolean;
    win.dispatchEvent = (event: unknown) => {
      clock += 5;
      return dispatch(event);
    };
    runBridge(page.win);
    const port = page.hello();
    page.runFrame();
    expect(measures).toEqual([]);
    attributes.add('data-liqlens-bench');
    // Read at the hello, not on every frame.
    page.runFrame();
    expect(measures).toEqual([]);
    const benched = page.hello();
    // A snapshot, then `still` (the same channel: the new hello replaced its port). Each frame reads the clock four
    // times, 0.25 ms apart; the listener's 5 ms are not the bridge's.
    page.runFrame();
    page.runFrame();
    expect(measures).toEqual([
      { name: 'liqlens:bridge', start: 110.25, duration: 0.5 },
      { name: 'liqlens:bridge', start: 116.25, duration: 0.5 },
    ]);
    attributes.clear();
    page.hello();
    page.runFrame();
    expect(measures).toHaveLength(2);
    // Benching changes nothing else: one snapshot per port as without it.
    expect(snapshotsOn(port)).toHaveLength(1);
    expect(snapshotsOn(benched)).toHaveLength(1);
  });

  it('serves every channel that said hello, each on its own port, until it pauses or stops', () => {
    const page = fakeWindow();
    runBridge(page.win);
    const first = page.hello('first-channel');
    page.runFrame();
    const second = page.hello('second-channel');
    page.runFrame();
    // The newcomer gets the current snapshot at once (its own numbering, from 0); the first hears it again.
    expect([seqs(first), seqs(second)]).toEqual([[0, 1], [0]]);
    expect(second.sent.every((m) => m.channel === 'second-channel')).toBe(true);
    first.receive(isolated('pause', 'first-channel'));
    expect(first.closed).toBe(true);
    page.setRange({ from: 91_000, to: 99_000 });
    page.runFrame();
    expect([seqs(first), seqs(second)]).toEqual([
      [0, 1],
      [0, 1],
    ]);
    second.receive(isolated('stop', 'second-channel'));
    expect([second.closed, page.listening()]).toEqual([true, false]);
    expect(page.posted).toEqual([]);
  });
});
