import type { ChartSnapshot } from '../snapshot';
import type { LwcRegistry } from './lwc-hook';
import { createPaneRects, type PaneRects } from './pane-rects';
import { BRIDGE_EVENTS_PREFIX, BRIDGE_TAG, type BridgeToIsolated } from './protocol';
import {
  type ChartHandle,
  type CrosshairSample,
  findChart,
  readSnapshot,
  watchCrosshair,
  watchLastPrice,
} from './read-chart';
import { findLwcChart, type LwcHandle, lwcGone, readLwcSnapshot } from './read-lwc';
import { createClTimeReader } from './read-time';
import { encodeSnapshot, type WireSnapshot, wireChange } from './wire';

const PROBE_MS = 500;
/**
 * While nothing changes, `still` again this often: the isolated side takes a longer silence for a bridge cut off
 * from it (a page script closed the port), which could not tell it that the chart moved.
 */
export const HEARTBEAT_MS = 1_000;
/**
 * A new last price alone (the chart otherwise unchanged) goes out at most this long after the previous snapshot: a
 * busy market ticks on every frame, and the overlay shows a new price at most every 250 ms anyway (`PRICE_MS`), so
 * a price on the screen is at most this much older than it would be otherwise. Any other change carries the latest
 * price at once.
 */
export const PRICE_POST_MS = 100;
const NOTHING = Symbol('nothing posted');
/** While a lightweight-charts chart is read, look this often (frames) for a Charting Library, which comes first. */
const RECHECK_FRAMES = 30;
export const BENCH_ATTRIBUTE = 'data-liqlens-bench';
/** The performance measure of one frame's read (find, read, compare, post), recorded only under the bench. */
export const BRIDGE_MEASURE = 'liqlens:bridge';

/**
 * The MAIN-world side of the page bridge: waits for the isolated script's `hello`, then finds the chart, reads it
 * on every animation frame while the tab is visible, and posts a snapshot only when something changed (a new last
 * price alone at most every PRICE_POST_MS), and `still` when the chart stopped and every HEARTBEAT_MS while it stays
 * so. Never throws into the page. Returns a stop function.
 *
 * Every channel that said hello gets the snapshots until it pauses or stops: a second listener (another copy of
 * the isolated script during an update, or a test) must not silently take the bridge from the first. A channel's
 * `ready` goes over the port its latest hello transferred (a repeated hello replaces the port and the event type),
 * its snapshots and `still`s as events of the type that `ready` named (see protocol.ts); a hello without a port gets
 * no answer.
 *
 * Adapters in order: the TradingView site API, the Charting Library in a chart iframe, then a lightweight-charts
 * chart the hook saw being made (`lwc`, from lwc-hook.ts at document_start).
 */
export function runBridge(win: Window, lwc: LwcRegistry | null = null): () => void {
  // Taken now, at document_start: a page script that later replaces them must neither see the event types nor stop
  // the read loop.
  const requestFrame = win.requestAnimationFrame.bind(win);
  const cancelFrame = win.cancelAnimationFrame.bind(win);
  const dispatch = win.dispatchEvent.bind(win);
  const BridgeEvent = (win as Window & typeof globalThis).CustomEvent;
  const randomUUID = win.crypto.randomUUID.bind(win.crypto);
  const stringify = JSON.stringify;
  /**
   * Per channel: the port of its latest hello, the event type its `ready` named, and whether the isolated side said
   * it listens for them (an event before that would be lost).
   */
  const channels = new Map<string, { port: MessagePort; events: string; listening: boolean }>();
  let handle: ChartHandle | LwcHandle | null = null;
  let frames = 0;
  let unwatch: (() => void) | null = null;
  // Per Charting Library handle: the pane's rect, measured only when it may have moved, and the time axis's edges.
  let rects: PaneRects | null = null;
  let readTime = createClTimeReader();
  let crosshair: CrosshairSample | null = null;
  let lastTick: { price: number; symbol: string | null } | null = null;
  // The snapshot last posted (NOTHING: post the next one whatever it is).
  let last: WireSnapshot | null | typeof NOTHING = NOTHING;
  /** A snapshot that changed more than the price went out since the last `still`. */
  let moving = false;
  /** When anything was last posted, and a snapshot. */
  let postedAt = Number.NEGATIVE_INFINITY;
  let snapshotAt = Number.NEGATIVE_INFINITY;
  // Per channel, from 0 on each new port, +1 per message: the isolated side takes nothing else, so a page script
  // holding the port cannot jump ahead of the bridge without being noticed.
  const seqs = new Map<string, number>();
  let frame = 0;
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // `npm run bench` sets this attribute on the page to read the bridge's cost per frame as performance measures;
  // without it nothing is recorded. Read at each hello, not each frame.
  let bench = false;
  /** Under the bench, the milliseconds of this frame's read spent in the isolated side's listeners. */
  let dispatched = 0;

  const close = (port: MessagePort) => {
    port.onmessage = null;
    port.close();
  };

  const release = () => {
    unwatch?.();
    unwatch = null;
    rects?.dispose();
    rects = null;
    handle = null;
    crosshair = null;
    lastTick = null;
  };

  const post = (at: number, message: (channel: string, seq: number) => BridgeToIsolated) => {
    postedAt = at;
    for (const [channel, { events, listening }] of channels) {
      if (!listening) continue;
      const seq = seqs.get(channel) ?? 0;
      seqs.set(channel, seq + 1);
      const event = new BridgeEvent(events, { detail: stringify(message(channel, seq)) });
      if (!bench) {
        dispatch(event);
        continue;
      }
      // The isolated side's listener runs inside dispatch: its time is the overlay's, not the bridge's.
      const start = win.performance.now();
      dispatch(event);
      dispatched += win.performance.now() - start;
    }
  };
  const publish = (snapshot: ChartSnapshot | null) => {
    if (channels.size === 0) return;
    const wire = snapshot === null ? null : encodeSnapshot(snapshot);
    const change = last === NOTHING ? 'more' : wireChange(last, wire);
    const now = Date.now();
    if (change === 'none' || (change === 'price' && now - snapshotAt < PRICE_POST_MS)) {
      // The first frame after a change that moved nothing but, maybe, the price (the chart has stopped), then a
      // heartbeat; a price held back goes with a later message.
      if (!moving && now - postedAt < HEARTBEAT_MS) return;
      moving = false;
      post(now, (channel, seq) => ({ tag: BRIDGE_TAG, from: 'bridge', type: 'still', channel, seq }));
      return;
    }
    last = wire;
    // A new price alone moves nothing: no `still` follows it.
    if (change === 'more') moving = true;
    snapshotAt = now;
    post(now, (channel, seq) => ({
      tag: BRIDGE_TAG,
      from: 'bridge',
      type: 'snapshot',
      channel,
      seq,
      snapshot: wire,
    }));
  };

  /** The chart the handle points at is gone when its frame left the DOM or the frame now holds another widget. */
  const stale = (h: ChartHandle | LwcHandle) => {
    if (h.kind === 'lwc') return lwcGone(h, win.document);
    if (!h.frame) return (win as unknown as Record<string, unknown>).TradingViewApi !== h.widget;
    try {
      return (
        !h.frame.isConnected ||
        (h.frame.contentWindow as unknown as Record<string, unknown>)?.tradingViewApi !== h.widget
      );
    } catch {
      return true;
    }
  };

  const tick = () => {
    const start = bench ? win.performance.now() : 0;
    dispatched = 0;
    read();
    if (bench)
      win.performance.measure(BRIDGE_MEASURE, {
        start,
        duration: win.performance.now() - start - dispatched,
      });
  };

  const read = () => {
    frame = 0;
    if (stopped) return;
    try {
      if (handle && stale(handle)) release();
      if (!handle || (handle.kind === 'lwc' && ++frames % RECHECK_FRAMES === 0)) {
        const found = findChart(win);
        if (found) {
          release();
          handle = found;
          rects = createPaneRects(found, win, Date.now);
          readTime = createClTimeReader();
          const offCrosshair = watchCrosshair(found, (sample) => (crosshair = sample));
          const offTick = watchLastPrice(found, (price, symbol) => (lastTick = { price, symbol }));
          unwatch = () => {
            offCrosshair();
            offTick();
          };
        } else if (!handle) handle = findLwcChart(lwc, win.document);
      }
      const snapshot = !handle
        ? null
        : handle.kind === 'lwc'
          ? readLwcSnapshot(handle, lwc as LwcRegistry, win)
          : readSnapshot(
              handle,
              win,
              crosshair,
              lastTick?.price ?? null,
              rects ? rects.read : undefined,
              readTime,
            );
      // A tick from before a symbol change is the old symbol's price.
      if (snapshot && lastTick && lastTick.symbol !== snapshot.symbol) snapshot.lastPrice = null;
      publish(snapshot);
      if (!handle) {
        probeTimer = setTimeout(schedule, PROBE_MS);
        return;
      }
    } catch {
      release();
    }
    schedule();
  };

  function schedule() {
    if (stopped || frame) return;
    if (win.document.visibilityState === 'hidden') {
      probeTimer = setTimeout(schedule, PROBE_MS);
      return;
    }
    frame = requestFrame(tick);
  }

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win) return;
    const data = event.data as { tag?: unknown; from?: unknown; type?: unknown; channel?: unknown } | null;
    const port = event.ports?.[0];
    if (
      !port ||
      !data ||
      data.tag !== BRIDGE_TAG ||
      data.from !== 'isolated' ||
      data.type !== 'hello' ||
      typeof data.channel !== 'string'
    )
      return;
    const channel = data.channel;
    const old = channels.get(channel)?.port;
    if (old && old !== port) close(old);
    // A newcomer (or a new port) gets the current snapshot at once, even if nothing changed.
    last = NOTHING;
    bench = win.document.documentElement?.hasAttribute(BENCH_ATTRIBUTE) === true;
    const events = `${BRIDGE_EVENTS_PREFIX}${randomUUID()}`;
    channels.set(channel, { port, events, listening: false });
    seqs.set(channel, 0);
    port.onmessage = (e) => onPortMessage(channel, port, e.data);
    const ready: BridgeToIsolated = { tag: BRIDGE_TAG, from: 'bridge', type: 'ready', channel, events };
    port.postMessage(ready);
    schedule();
  };

  const onPortMessage = (
    channel: string,
    port: MessagePort,
    data: { tag?: unknown; from?: unknown; type?: unknown } | null,
  ) => {
    const entry = channels.get(channel);
    if (entry?.port !== port || !data || data.tag !== BRIDGE_TAG || data.from !== 'isolated') return;
    if (data.type === 'listening') {
      if (entry.listening) return;
      entry.listening = true;
      // The listener's first event is the current snapshot, even if nothing changed.
      last = NOTHING;
      schedule();
      return;
    }
    if (data.type !== 'pause' && data.type !== 'stop') return;
    channels.delete(channel);
    seqs.delete(channel);
    close(port);
    if (channels.size > 0) return;
    if (data.type === 'pause') pause();
    else stop();
  };

  /** Idle until the next hello: no frames, no timers, no hold on the chart. */
  function pause() {
    last = NOTHING;
    if (frame) cancelFrame(frame);
    frame = 0;
    clearTimeout(probeTimer);
    release();
  }

  function stop() {
    stopped = true;
    if (frame) cancelFrame(frame);
    clearTimeout(probeTimer);
    win.removeEventListener('message', onMessage);
    for (const { port } of channels.values()) close(port);
    channels.clear();
    seqs.clear();
    release();
  }

  win.addEventListener('message', onMessage);
  return stop;
}
