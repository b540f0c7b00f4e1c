import { PAINT } from './overlay-frames';

/**
 * A Chrome trace event as `Tracing.dataCollected` reports it (JSON trace format). Times are microseconds: `ts` and
 * `dur` on the trace's wall clock, `tdur` the thread's CPU clock over the same span (absent on platforms without
 * thread clocks).
 */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  cat?: string;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string }; callTime?: number };
}

/**
 * Where the extension's scripts come from: the overlay's (isolated world: the shared script and the site's, one
 * overlay between them) and the bridge (MAIN).
 */
export interface ScriptUrls {
  overlay: readonly string[];
  bridge: string;
}

/**
 * The trace categories that carry what {@link threadFrameCosts} reads, and no more (tracing costs time too): `v8` for
 * `v8.callFunction`, which marks the listener calls made inside a call (the overlay's inside the bridge's);
 * `v8.execute` for V8's interrupts ({@link V8_INTERRUPTS}). Not `disabled-by-default-v8.compile`, which names the
 * code installs inside them but adds hundreds of events to a pan's calls, and its own cost with them.
 */
export const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'v8', 'v8.execute'];

/** V8 called a function from the browser: every such call, nested ones too (`FunctionCall` marks the outermost). */
export const CALL_FUNCTION = 'v8.callFunction';

/** The bench's own `performance.measure()` calls, inside ours: instrumentation, not the overlay's work. */
export const MEASURE_CALL = 'UserTiming::Measure';

/**
 * V8 handling its interrupts. They are requested from other threads and handled at the next check in whatever
 * script runs next, for any script of the page: the bridge's animation-frame callback, the first script of a frame,
 * handles what came since the last. During the bench's pans they are almost all V8 finishing and installing code it
 * optimised in the background (Maglev, TurboFan), the page's chart (lightweight-charts, redrawn on every frame of a
 * pan) as well as ours: in a trace with `disabled-by-default-v8.compile`, every such install inside our calls was
 * inside one of these, and they made 93 % of their time.
 */
export const V8_INTERRUPTS = 'V8.StackGuard';

/**
 * Only these are read: V8 entry points into a script, the measure calls, V8's interrupts, and the paint measures
 * (frame cuts).
 */
export const isUsefulTraceEvent = (e: TraceEvent): boolean =>
  ((e.name === 'FunctionCall' ||
    e.name === MEASURE_CALL ||
    e.name === CALL_FUNCTION ||
    e.name === V8_INTERRUPTS) &&
    e.ph === 'X') ||
  e.name === PAINT;

export type ThreadCosts =
  | {
      ok: true;
      /**
       * Per painted frame, thread milliseconds in the content script since the previous paint (this one's included),
       * but for the bridge reads that painted nothing (`threadFrameCosts`).
       */
      overlay: number[];
      /** The same plus the bridge's thread milliseconds. */
      total: number[];
      /** Per painted frame, the part of `total` that V8 spent handling its interrupts (V8_INTERRUPTS). */
      interrupts: number[];
      /**
       * Over all the script's calls in the trace (after the last paint too): thread milliseconds (measure() calls
       * included), those of the measure() calls, wall milliseconds, calls, calls without a thread duration (counted as
       * 0: Chrome omits it when the thread clock did not move), and calls whose thread duration exceeded their wall
       * duration (held to it).
       */
      sums: Record<
        keyof ScriptUrls,
        { thread: number; measuring: number; wall: number; calls: number; untimed: number; clamped: number }
      >;
      /** When several traced runs of one pan were pooled (`pooledThreadCosts`): each run's frames, apart. */
      runs?: { overlay: number[]; total: number[] }[];
    }
  | { ok: false; reason: string };

type Kind = keyof ScriptUrls;
interface Call {
  kind: Kind;
  event: TraceEvent;
  paints: boolean;
  /** Thread µs of the bench's measure() calls inside this one (not inside a call nested in it). */
  measuring: number;
  /** Thread µs of V8's interrupts inside this one (not inside a call nested in it), outermost only. */
  interrupts: number;
  /** Thread and wall µs of the overlay's calls nested in this one (the bridge's events' listener), counted apart. */
  nested: { thread: number; wall: number };
}

const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
/** Whether `e` runs inside `outer`, on its thread (a call nested in it starts no earlier and ends no later). */
const within = (e: TraceEvent, outer: TraceEvent) =>
  thread(e) === thread(outer) && outer.ts <= e.ts && end(e) <= end(outer);

/** Whether Chrome gave the event a thread duration (it leaves it out when the thread clock did not move). */
const hasThreadTime = (e: TraceEvent) => typeof e.tdur === 'number' && Number.isFinite(e.tdur);
/**
 * Thread µs of a complete event, 0 without one, held to its wall µs: a thread cannot run longer than the wall clock,
 * and the rare tdur above dur (seen up to a few ms in these traces) is a clock glitch.
 */
const threadUs = (e: TraceEvent) => (hasThreadTime(e) ? Math.min(e.tdur as number, e.dur ?? 0) : 0);

/** The events not inside another of the list on their thread (parents before children: by start, the longer first). */
function outermost(list: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...list].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const open = new Map<string, TraceEvent>();
  const out: TraceEvent[] = [];
  for (const e of sorted) {
    const parent = open.get(thread(e));
    if (parent && e.ts < end(parent)) continue;
    open.set(thread(e), e);
    out.push(e);
  }
  return out;
}

/**
 * The extension's own calls: complete `FunctionCall` events (V8 entering a function from a task: a listener, an
 * animation frame or timer callback, an observer) whose script is one of ours, the outermost on their thread only,
 * so that a call of ours made inside another of ours is not counted twice. A page script's call is never counted;
 * a call of ours inside one (a listener of ours that page code reaches synchronously) is, for its own span only.
 *
 * The bridge's events run the overlay's listener inside the bridge's animation frame callback, and Chrome marks only
 * the outermost call with `FunctionCall`: the outermost `v8.callFunction` events strictly inside a bridge call are
 * the overlay's calls (the bridge calls no other listener: its event types are its own), and their time is taken out
 * of the bridge's.
 */
function outermostCalls(events: readonly TraceEvent[], urls: ScriptUrls): Call[] {
  const kindOf = (url: string | undefined): Kind | null =>
    url === undefined ? null : urls.overlay.includes(url) ? 'overlay' : url === urls.bridge ? 'bridge' : null;
  const call = (kind: Kind, event: TraceEvent): Call => ({
    kind,
    event,
    paints: false,
    measuring: 0,
    interrupts: 0,
    nested: { thread: 0, wall: 0 },
  });
  const ours = events.filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && kindOf(e.args?.data?.url));
  const calls = outermost(ours).map((e) => call(kindOf(e.args?.data?.url) as Kind, e));
  const listeners = events.filter((e) => e.name === CALL_FUNCTION && e.ph === 'X');
  for (const bridge of calls.filter((c) => c.kind === 'bridge')) {
    const b = bridge.event;
    const inside = listeners.filter((e) => e.ts > b.ts && within(e, b));
    for (const e of outermost(inside)) {
      bridge.nested.thread += threadUs(e);
      bridge.nested.wall += e.dur ?? 0;
      calls.push(call('overlay', e));
    }
  }
  return calls.sort((a, b) => a.event.ts - b.event.ts);
}

/**
 * Thread (CPU) time of the overlay per painted frame, from a trace of the panned page: a preempted thread's clock
 * stands still, so unlike the performance measures' wall time this does not grow with the machine's load.
 * Frames are cut as frameCosts() cuts the measures: a frame is the content-script call that painted (the one during
 * which `liqlens:paint` was measured) and every call of ours since the previous painting one; calls after the last
 * paint have no frame yet. But a bridge call that another one follows before any paint read an animation frame of
 * its own in which nothing was painted (the chart had not moved: a drag's mouse moved less often than the frames
 * came): it and the calls inside it are that frame's, not the next painted one's, and are left out of the frames
 * (not of the sums; overlay-still-live gives what such frames cost). Counted: everything on the main thread inside
 * our calls (our JS, the chart API reads the bridge makes, style or layout our JS forces, garbage collection it
 * triggers, the canvas commands) but the bench's own performance.measure() calls (~20 µs each). Not counted: the browser's own style, layout, paint and raster
 * after the frame, and anything of the page's.
 * Not ok when the trace has none of our calls, or none with a thread duration: the figure would be a made-up 0.
 */
export function threadFrameCosts(events: readonly TraceEvent[], urls: ScriptUrls): ThreadCosts {
  const calls = outermostCalls(events, urls);
  if (!calls.length) return { ok: false, reason: 'no call into the extension’s scripts in the trace' };
  const timed = (c: Call) => hasThreadTime(c.event);
  // Chrome leaves tdur out of a span whose thread clock did not move (a few microseconds); a trace where no call of
  // ours has one comes from a platform without thread clocks.
  if (!calls.some(timed))
    return { ok: false, reason: 'the trace has no thread times (tdur) for the extension’s calls' };
  for (const e of events) {
    if (e.name !== PAINT || (e.ph !== 'b' && e.ph !== 'X')) continue;
    // callTime is when performance.measure() ran, on the trace's clock: inside the painting call. The measure's own
    // start is coarsened to 0.1 ms and may fall before the call began.
    const at = e.args?.callTime ?? end(e);
    const call = calls.find(
      (c) => c.kind === 'overlay' && c.event.pid === e.pid && c.event.ts <= at && at <= end(c.event),
    );
    if (call) call.paints = true;
  }
  // The innermost call around an event: a nested overlay call starts after the bridge call it is in.
  const innermost = (e: TraceEvent) => calls.findLast((c) => within(e, c.event));
  for (const e of events) {
    if (e.name !== MEASURE_CALL || e.ph !== 'X') continue;
    const call = innermost(e);
    if (call) call.measuring += threadUs(e);
  }
  for (const e of outermost(events.filter((x) => x.name === V8_INTERRUPTS && x.ph === 'X'))) {
    const call = innermost(e);
    if (call) call.interrupts += threadUs(e);
  }
  const ms = (us: number) => us / 1000;
  const sums: Record<
    Kind,
    { thread: number; measuring: number; wall: number; calls: number; untimed: number; clamped: number }
  > = {
    overlay: { thread: 0, measuring: 0, wall: 0, calls: 0, untimed: 0, clamped: 0 },
    bridge: { thread: 0, measuring: 0, wall: 0, calls: 0, untimed: 0, clamped: 0 },
  };
  const overlay: number[] = [];
  const total: number[] = [];
  const interrupts: number[] = [];
  const frame: Record<Kind, number> = { overlay: 0, bridge: 0 };
  let frameInterrupts = 0;
  /** The latest bridge call since the last paint, with what it and the calls inside it added to the frame. */
  let read: { call: Call; overlay: number; bridge: number; interrupts: number } | null = null;
  for (const c of calls) {
    if (c.kind === 'bridge') {
      if (read) {
        frame.overlay -= read.overlay;
        frame.bridge -= read.bridge;
        frameInterrupts -= read.interrupts;
      }
      read = { call: c, overlay: 0, bridge: 0, interrupts: 0 };
    }
    const sum = sums[c.kind];
    const dur = c.event.dur ?? 0;
    // The overlay's calls nested in this one are counted as the overlay's, each on its own.
    const gross = Math.max(0, threadUs(c.event) - c.nested.thread);
    const measuring = Math.min(c.measuring, gross);
    const tdur = gross - measuring;
    if (!timed(c)) sum.untimed++;
    if (timed(c) && (c.event.tdur as number) > dur) sum.clamped++;
    sum.thread += ms(gross);
    sum.measuring += ms(measuring);
    sum.wall += ms(dur - c.nested.wall);
    sum.calls++;
    const interrupted = Math.min(c.interrupts, tdur);
    frame[c.kind] += tdur;
    frameInterrupts += interrupted;
    if (read && within(c.event, read.call.event)) {
      read[c.kind] += tdur;
      read.interrupts += interrupted;
    }
    if (c.paints) {
      read = null;
      overlay.push(ms(frame.overlay));
      total.push(ms(frame.overlay + frame.bridge));
      interrupts.push(ms(frameInterrupts));
      frame.overlay = 0;
      frame.bridge = 0;
      frameInterrupts = 0;
    }
  }
  return { ok: true, overlay, total, interrupts, sums };
}

/**
 * Traced runs of the same pan as one sample: every run's frames together (the median and the p95 are taken over all
 * of them) and their sums added, each run's frames also kept apart (`runs`), so that a p95 is reported with how far
 * it moves from one run to the next. The first run that is not ok makes the whole not ok.
 */
export function pooledThreadCosts(runs: readonly ThreadCosts[]): ThreadCosts {
  const failed = runs.find((r) => !r.ok);
  if (failed) return failed;
  if (!runs.length) return { ok: false, reason: 'no traced run' };
  const ok = runs as readonly Extract<ThreadCosts, { ok: true }>[];
  const sum = (kind: Kind) => {
    const total = { thread: 0, measuring: 0, wall: 0, calls: 0, untimed: 0, clamped: 0 };
    for (const r of ok)
      for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += r.sums[kind][key];
    return total;
  };
  return {
    ok: true,
    overlay: ok.flatMap((r) => r.overlay),
    total: ok.flatMap((r) => r.total),
    interrupts: ok.flatMap((r) => r.interrupts),
    sums: { overlay: sum('overlay'), bridge: sum('bridge') },
    runs: ok.map((r) => ({ overlay: r.overlay, total: r.total })),
  };
}
