import { describe, expect, it } from 'vitest';
import { PAINT } from '../../scripts/lib/bench/overlay-frames';
import {
  CALL_FUNCTION,
  isUsefulTraceEvent,
  MEASURE_CALL,
  pooledThreadCosts,
  type ScriptUrls,
  type TraceEvent,
  threadFrameCosts,
  V8_INTERRUPTS,
} from '../../scripts/lib/bench/overlay-trace';

const EXT = 'chrome-extension://abcdefghijklmnop/content-scripts';
const urls: ScriptUrls = {
  overlay: [`${EXT}/overlay-core.js`, `${EXT}/binance.js`],
  bridge: `${EXT}/chart-bridge.js`,
};
/** The overlay's two scripts: the shared one and the site's. */
const [CORE, SITE] = urls.overlay as [string, string];
const PAGE = 'https://www.binance.com/__liqlens_fixtures__/lightweight-charts.js';

/** A FunctionCall on the main thread (pid 1, tid 1 unless told): times in microseconds. */
const call = (url: string, ts: number, dur: number, tdur: number | null, tid = 1): TraceEvent => {
  const e: TraceEvent = { name: 'FunctionCall', ph: 'X', ts, dur, pid: 1, tid, args: { data: { url } } };
  if (tdur !== null) e.tdur = tdur;
  return e;
};
/** The overlay's paint measure as blink.user_timing reports it: start coarsened, callTime exact. */
const paint = (callTime: number, ts = callTime - 150): TraceEvent => ({
  name: PAINT,
  ph: 'b',
  ts,
  pid: 1,
  tid: 1,
  args: { callTime },
});

/** A complete event with a thread time, on the main thread unless told. */
const complete =
  (name: string) =>
  (ts: number, dur: number, tdur: number, tid = 1): TraceEvent => ({
    name,
    ph: 'X',
    ts,
    dur,
    tdur,
    pid: 1,
    tid,
  });
/** One of the bench's performance.measure() calls. */
const measure = complete(MEASURE_CALL);
/** `v8.callFunction`: V8 called a function, outermost or nested; it carries no script. */
const v8Call = complete(CALL_FUNCTION);

const ok = (events: TraceEvent[]) => {
  const costs = threadFrameCosts(events, urls);
  if (!costs.ok) throw new Error(costs.reason);
  return costs;
};
const round = (xs: number[]) => xs.map((x) => Number(x.toFixed(6)));

describe('overlay thread time from a trace', () => {
  it('charges each painting call with our calls since the previous one, the bridge apart', () => {
    const costs = ok([
      call(urls.bridge, 0, 500, 400),
      call(CORE, 1_000, 300, 250), // the snapshot listener
      call(SITE, 2_000, 600, 500), // the animation frame that paints
      paint(2_500, 1_950), // measure start coarsened to before the call: callTime decides
      call(urls.bridge, 16_000, 450, 300),
      call(SITE, 17_000, 200, 100),
      call(SITE, 18_000, 700, 650),
      paint(18_600),
      // After the last paint: no frame yet.
      call(urls.bridge, 33_000, 500, 500),
    ]);
    // Frame 1: 250 + 500 = 750 µs, + bridge 400 = 1150; frame 2: 100 + 650 = 750, + 300 = 1050.
    expect(round(costs.overlay)).toEqual([0.75, 0.75]);
    expect(round(costs.total)).toEqual([1.15, 1.05]);
    expect(costs.sums.bridge).toEqual({
      thread: 1.2,
      measuring: 0,
      wall: 1.45,
      calls: 3,
      untimed: 0,
      clamped: 0,
    });
    expect(costs.sums.overlay.calls).toBe(4);
    expect(Number(costs.sums.overlay.thread.toFixed(6))).toBe(1.5);
  });

  it('counts the outermost of nested calls of ours once, whatever the inner one is', () => {
    const costs = ok([
      call(SITE, 1_000, 1_000, 800),
      call(CORE, 1_100, 300, 250), // a listener of ours reached synchronously from our own code
      call(urls.bridge, 1_500, 200, 150), // the bridge's listener, reached from the overlay's dispatch
      paint(1_900),
      // Same start, the parent listed after its child: still the parent that counts.
      call(urls.bridge, 5_000, 100, 90),
      call(urls.bridge, 5_000, 400, 350),
      call(SITE, 6_000, 500, 400),
      paint(6_400),
    ]);
    expect(round(costs.overlay)).toEqual([0.8, 0.4]);
    expect(round(costs.total)).toEqual([0.8, 0.75]);
    expect(costs.sums.bridge.calls).toBe(1);
  });

  it('leaves out the page’s own scripts and other extensions, but counts ours called from inside page code', () => {
    const costs = ok([
      call(PAGE, 0, 3_000, 2_800), // the chart's animation frame
      call(SITE, 500, 200, 180), // our listener, reached from the chart's synchronous dispatch
      call('', 3_000, 400, 400), // an inline page script
      call('chrome-extension://zzzz/content-scripts/binance.js', 3_500, 900, 900),
      call(`${EXT}/bybit.js`, 4_500, 900, 900), // another site's content script is not this page's
      call(SITE, 5_500, 300, 280),
      paint(5_700),
    ]);
    expect(round(costs.overlay)).toEqual([0.46]);
    expect(round(costs.total)).toEqual([0.46]);
  });

  it('nests calls per thread: a call on another thread at the same time is not inside ours', () => {
    const costs = ok([
      call(SITE, 0, 1_000, 900),
      call(urls.bridge, 100, 200, 150, 2),
      call(SITE, 2_000, 300, 250),
      paint(2_100),
    ]);
    // 900 + 250 µs of overlay; the bridge's 150 on thread 2 is a call of its own, not part of the first.
    expect(round(costs.overlay)).toEqual([1.15]);
    expect(round(costs.total)).toEqual([1.3]);
  });

  it('a paint measured outside any call of ours, or by the bridge, cuts no frame', () => {
    const costs = ok([
      call(urls.bridge, 0, 500, 400),
      paint(300), // inside the bridge's call: not a paint of the overlay
      call(SITE, 1_000, 300, 200),
      paint(2_000), // in no call
      call(SITE, 3_000, 300, 250),
      paint(3_100),
    ]);
    expect(round(costs.overlay)).toEqual([0.45]);
    expect(round(costs.total)).toEqual([0.85]);
  });

  it('a call without tdur counts 0 (Chrome drops a zero thread span) and is reported', () => {
    const costs = ok([call(SITE, 0, 5, null), call(SITE, 100, 300, 200), paint(200)]);
    expect(round(costs.overlay)).toEqual([0.2]);
    expect(costs.sums.overlay.untimed).toBe(1);
  });

  it('takes the bench’s own performance.measure() calls out of the call that made them', () => {
    const costs = ok([
      call(urls.bridge, 0, 500, 400),
      measure(450, 20, 20),
      call(SITE, 1_000, 600, 500),
      call(CORE, 1_100, 100, 90), // nested: its measure belongs to the outer call
      measure(1_150, 30, 25),
      measure(1_550, 20, 19),
      paint(1_550),
      measure(3_000, 20, 20), // in no call of ours (a page's measure): nothing to take out
      measure(450, 20, 20, 2), // on another thread
    ]);
    // Overlay 500 − 25 − 19 = 456 µs; bridge 400 − 20 = 380.
    expect(round(costs.overlay)).toEqual([0.456]);
    expect(round(costs.total)).toEqual([0.836]);
    expect(costs.sums.overlay.thread).toBe(0.5);
    expect(Number(costs.sums.overlay.measuring.toFixed(6))).toBe(0.044);
  });

  it('counts the listener calls inside a bridge call (its events, run at once) as the overlay’s, not the bridge’s', () => {
    const costs = ok([
      // Frame 1: the bridge's animation frame (1,000 µs of thread time) runs the overlay's listener (600), which
      // paints; the listener's own nested call (50) and measure (20) are inside it.
      v8Call(-5, 1_010, 1_000), // the bridge's own callFunction, around its FunctionCall: not nested
      call(urls.bridge, 0, 1_000, 1_000),
      v8Call(200, 650, 600),
      v8Call(300, 60, 50), // inside the listener: already counted in it
      measure(400, 20, 20),
      paint(500),
      v8Call(2_000, 10, 10, 2), // another thread's
      // Frame 2: a bridge call with no listener in it (nothing changed), then one that paints.
      call(urls.bridge, 16_000, 300, 300),
      call(urls.bridge, 32_000, 900, 800),
      v8Call(32_100, 500, 450),
      paint(32_400),
    ]);
    // Overlay: 600 − 20 = 580; then 450. Bridge: 1000 − 600 = 400; then 800 − 450 = 350 (the read at 16,000 painted
    // nothing: its frame is its own, not the next one's).
    expect(round(costs.overlay)).toEqual([0.58, 0.45]);
    expect(round(costs.total)).toEqual([0.98, 0.8]);
    const sum = ({ calls, thread, wall }: { calls: number; thread: number; wall: number }) => [
      calls,
      Number(thread.toFixed(6)),
      Number(wall.toFixed(6)),
    ];
    expect(sum(costs.sums.overlay)).toEqual([2, 1.05, 1.15]);
    expect(sum(costs.sums.bridge)).toEqual([3, 1.05, 1.05]);
    expect(Number(costs.sums.overlay.measuring.toFixed(6))).toBe(0.02);
    expect(costs.sums.bridge.measuring).toBe(0);
  });

  it('leaves a read that painted nothing to its own frame: the next painted frame keeps only what came after it', () => {
    const interrupt = complete(V8_INTERRUPTS);
    const costs = ok([
      // A painted frame.
      call(urls.bridge, 0, 700, 700),
      v8Call(100, 400, 400),
      paint(300),
      // The next frame's read changed nothing: the listener took a `still` (100), V8 handled interrupts (150).
      call(urls.bridge, 16_000, 500, 500),
      interrupt(16_050, 150, 150),
      v8Call(16_300, 100, 100),
      // A pointer listener of the overlay's at the start of the next frame, then its read, which paints.
      call(CORE, 32_000, 80, 80),
      call(urls.bridge, 32_100, 900, 900),
      interrupt(32_150, 50, 50),
      v8Call(32_300, 500, 500),
      paint(32_600),
    ]);
    // Frame 2: the pointer listener 80 + the listener 500 = 580 of the overlay's, + the bridge's 900 − 500 = 400.
    expect(round(costs.overlay)).toEqual([0.4, 0.58]);
    expect(round(costs.total)).toEqual([0.7, 0.98]);
    expect(round(costs.interrupts)).toEqual([0, 0.05]);
    // The sums keep every call.
    expect(costs.sums.bridge.calls).toBe(3);
    expect(Number(costs.sums.bridge.thread.toFixed(6))).toBe(1.1);
    expect(costs.sums.overlay.calls).toBe(4);
  });

  it('reports V8’s interrupts inside our calls per frame, the outermost once, apart from the totals', () => {
    const interrupts = complete(V8_INTERRUPTS);
    const costs = ok([
      // Frame 1: the bridge (1,000 µs) handles interrupts (120, another nested in it: counted once) before running
      // the overlay's listener (400), which handles some itself (80).
      call(urls.bridge, 0, 1_000, 1_000),
      interrupts(10, 130, 120),
      interrupts(20, 50, 45),
      v8Call(300, 450, 400),
      interrupts(350, 90, 80),
      paint(600),
      // Frame 2: none inside our calls; those in the page's own call between them are not ours.
      call(PAGE, 10_000, 2_000, 2_000),
      interrupts(10_100, 300, 300),
      call(urls.bridge, 16_000, 500, 500),
      v8Call(16_100, 200, 200),
      paint(16_200),
    ]);
    expect(round(costs.total)).toEqual([1, 0.5]);
    expect(round(costs.interrupts)).toEqual([0.2, 0]);
  });

  it('holds a thread time above its call’s wall time to the wall time', () => {
    const costs = ok([call(urls.bridge, 0, 1_477, 5_332), call(SITE, 2_000, 400, 420), paint(2_300)]);
    expect(round(costs.overlay)).toEqual([0.4]);
    expect(round(costs.total)).toEqual([1.877]);
    expect(costs.sums.overlay.clamped + costs.sums.bridge.clamped).toBe(2);
  });

  it('is not ok, saying why, when no call of ours has a thread time or there is no call of ours', () => {
    const untimed = threadFrameCosts(
      [call(SITE, 0, 300, null), call(urls.bridge, 400, 300, null), paint(100), call(PAGE, 900, 50, 40)],
      urls,
    );
    expect(untimed).toEqual({
      ok: false,
      reason: 'the trace has no thread times (tdur) for the extension’s calls',
    });
    const none = threadFrameCosts([call(PAGE, 0, 300, 200), paint(100)], urls);
    expect(none).toEqual({ ok: false, reason: 'no call into the extension’s scripts in the trace' });
  });

  it('keeps only complete FunctionCall, measure-call, v8.callFunction and V8-interrupt events and the paint measures while collecting', () => {
    const kept = [
      call(PAGE, 0, 1, 1),
      { ...call(PAGE, 0, 1, 1), ph: 'B' },
      paint(5),
      { name: 'liqlens:snapshot', ph: 'b', ts: 0, pid: 1, tid: 1 },
      { name: 'Paint', ph: 'X', ts: 0, dur: 9, pid: 1, tid: 1 },
      { name: MEASURE_CALL, ph: 'X', ts: 0, dur: 9, pid: 1, tid: 1 },
      { name: CALL_FUNCTION, ph: 'X', ts: 0, dur: 9, pid: 1, tid: 1 },
      { name: 'V8.GC_SCAVENGER', ph: 'X', ts: 0, dur: 9, pid: 1, tid: 1 },
      { name: V8_INTERRUPTS, ph: 'X', ts: 0, dur: 9, pid: 1, tid: 1 },
      { name: 'V8.HandleInterrupts', ph: 'X', ts: 0, dur: 9, pid: 1, tid: 1 },
    ].filter(isUsefulTraceEvent);
    expect(kept.map((e) => `${e.name} ${e.ph}`)).toEqual([
      'FunctionCall X',
      `${PAINT} b`,
      `${MEASURE_CALL} X`,
      `${CALL_FUNCTION} X`,
      `${V8_INTERRUPTS} X`,
    ]);
  });
});

describe('pooled traced pans', () => {
  const run = (overlay: number[], thread: number) => ({
    ok: true as const,
    overlay,
    total: overlay.map((x) => x + 0.25),
    interrupts: overlay.map((x) => (x > 0.9 ? 0.125 : 0)),
    sums: {
      overlay: { thread, measuring: 0.5, wall: thread + 1, calls: overlay.length, untimed: 1, clamped: 0 },
      bridge: { thread: 1, measuring: 0, wall: 2, calls: 3, untimed: 0, clamped: 1 },
    },
  });

  it('takes every run’s frames together, adds their sums and keeps each run’s frames apart', () => {
    const pooled = pooledThreadCosts([run([0.5, 0.75], 2), run([1], 3)]);
    if (!pooled.ok) throw new Error(pooled.reason);
    expect(pooled.overlay).toEqual([0.5, 0.75, 1]);
    expect(pooled.total).toEqual([0.75, 1, 1.25]);
    expect(pooled.interrupts).toEqual([0, 0, 0.125]);
    expect(pooled.sums.overlay).toEqual({
      thread: 5,
      measuring: 1,
      wall: 7,
      calls: 3,
      untimed: 2,
      clamped: 0,
    });
    expect(pooled.sums.bridge).toEqual({
      thread: 2,
      measuring: 0,
      wall: 4,
      calls: 6,
      untimed: 0,
      clamped: 2,
    });
    expect(pooled.runs).toEqual([
      { overlay: [0.5, 0.75], total: [0.75, 1] },
      { overlay: [1], total: [1.25] },
    ]);
  });

  it('is not ok when one run is not, and says why; nor with no run at all', () => {
    const failed = { ok: false as const, reason: 'no call into the extension’s scripts in the trace' };
    expect(pooledThreadCosts([run([0.5], 1), failed])).toEqual(failed);
    expect(pooledThreadCosts([]).ok).toBe(false);
  });
});
