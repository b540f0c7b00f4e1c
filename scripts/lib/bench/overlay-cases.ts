import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { PRICE_POST_MS } from '../../../lib/chart/bridge/run-bridge';
import { EXTENSION_DIR } from '../browser/paths';
import type { ImportedBench } from './imported';
import { IMPORT_DIR } from './imported';
import type { OverlayRun } from './overlay-browser';
import { bundleMetrics, frameCosts, summarize, summaryMetrics } from './overlay-frames';
import { LIVE_TICK_MS, PAN_MS, TRACED_PANS, WARM_UP_PANS } from './overlay-pans';
import type { ThreadCosts } from './overlay-trace';
import type { BenchCase, Metric } from './types';

export const OVERLAY_JSON = join(IMPORT_DIR, 'overlay.json');
/** The issue's bound on the overlay's work per frame while the chart is panned. */
export const FRAME_TARGET_MS = 1;
/** Symbol switches and SPA navigations are followed within a second (issue 5). */
export const SWITCH_TARGET_MS = 1_000;
const BUILD_DIR = relative(process.cwd(), EXTENSION_DIR);

type ImportedCase = ImportedBench['cases'][number];

const count = (label: string, value: number, unit = 'frames'): Metric => ({ label, value, unit });
const over = (samples: readonly number[]) => samples.filter((x) => x > FRAME_TARGET_MS).length;

/** Frames in which V8 handled its interrupts inside our calls. */
const interruptedFrames = (thread: Extract<ThreadCosts, { ok: true }>) =>
  thread.interrupts.filter((x) => x > 0).length;

/**
 * The thread-time figures of one pan beside the wall-time ones, or, when the trace could not give them, nothing but
 * a note saying why (a 0 would read as free). The overlay's figures are held to the frame target, and the bridge's
 * and overlay's together too unless `bridgeBeside` (issue 10's marks: the overlay's frame, the bridge's beside it).
 */
export function threadMetrics(
  thread: ThreadCosts,
  options: { bridgeBeside?: boolean } = {},
): { metrics: Metric[]; note: string } {
  if (!thread.ok) return { metrics: [], note: ` Thread time not reported: ${thread.reason}.` };
  // The same spans on both clocks (measure() calls included): below 100 % by what preemption added to the wall time.
  const calls = thread.sums.overlay.wall + thread.sums.bridge.wall;
  const share = calls > 0 ? (thread.sums.overlay.thread + thread.sums.bridge.thread) / calls : Number.NaN;
  return {
    metrics: [
      count('frames painted under the trace', thread.overlay.length),
      { label: 'thread time / wall time of our calls', value: Math.round(share * 100), unit: '%' },
      ...summaryMetrics('overlay thread time per frame', thread.overlay, FRAME_TARGET_MS),
      count(`overlay frames over ${FRAME_TARGET_MS} ms of thread time`, over(thread.overlay)),
      ...summaryMetrics(
        'bridge + overlay thread time per frame',
        thread.total,
        options.bridgeBeside ? undefined : FRAME_TARGET_MS,
      ),
      count(`bridge + overlay frames over ${FRAME_TARGET_MS} ms of thread time`, over(thread.total)),
      ...runSpread(thread.runs),
      count('frames in which V8 handled interrupts inside our calls', interruptedFrames(thread)),
      ...summaryMetrics(
        'bridge + overlay thread time per frame, V8’s interrupts left out',
        thread.total.map((x, i) => x - (thread.interrupts[i] ?? 0)),
      ),
    ],
    note: '',
  };
}

/** Figures of the pans traced just after the page loaded, before the WARM_UP_PANS: no target, V8 is still compiling. */
export function afterLoadMetrics(thread: ThreadCosts): { metrics: Metric[]; note: string } {
  if (!thread.ok)
    return { metrics: [], note: ` Thread time just after load not reported: ${thread.reason}.` };
  return {
    metrics: [
      ...summaryMetrics('just after load: overlay thread time per frame', thread.overlay),
      ...summaryMetrics('just after load: bridge + overlay thread time per frame', thread.total),
      count(
        'just after load: frames in which V8 handled interrupts inside our calls',
        interruptedFrames(thread),
      ),
    ],
    note: '',
  };
}

/**
 * Pooled traced pans: how many, and the lowest and highest p95 of one pan alone (the pooled p95 above is taken over
 * all their frames). One pan of 3 s is some 180 frames, so its p95 is its ninth-slowest frame: it moves by a tenth
 * of a millisecond or more from one pan to the next on a shared machine.
 */
function runSpread(runs: { overlay: number[]; total: number[] }[] | undefined): Metric[] {
  if (!runs || runs.length < 2) return [];
  const range = (what: string, p95s: number[]): Metric[] => [
    { label: `${what}: p95 of one pan, lowest`, value: Number(Math.min(...p95s).toFixed(3)), unit: 'ms' },
    { label: `${what}: p95 of one pan, highest`, value: Number(Math.max(...p95s).toFixed(3)), unit: 'ms' },
  ];
  return [
    count('traced pans pooled', runs.length, 'pans'),
    ...range(
      'overlay thread time per frame',
      runs.map((r) => summarize(r.overlay).p95),
    ),
    ...range(
      'bridge + overlay thread time per frame',
      runs.map((r) => summarize(r.total).p95),
    ),
  ];
}

/** When the figures are measured: after the warm-up pans, but for those said to be just after load. */
export const WARM_UP_NOTE =
  ` Measured after the range pan ran ${WARM_UP_PANS} times more (untraced, ${(WARM_UP_PANS * PAN_MS) / 1000} s), once V8 has ` +
  'compiled the code a pan runs once a frame: the figures “just after load” are the same pan traced ' +
  `${TRACED_PANS} times before those, as the first thing on the loaded page, and have no target ` +
  '(WARM_UP_PANS, scripts/lib/bench/overlay-pans.ts).';

/** What the thread-time figures hold, for the case descriptions. */
export const THREAD_NOTE =
  ' Thread time (judge by it on a loaded machine: a preempted thread’s clock stands still) is the main thread’s CPU ' +
  'time inside the extension’s own calls, from Chrome traces of the same pan run again after the measured one ' +
  `(${TRACED_PANS} times, their frames pooled, with the lowest and highest p95 of one pan) ` +
  '(devtools.timeline FunctionCall events of content-scripts/overlay-core.js and binance.js, and of chart-bridge.js, the outermost only, ' +
  'their tdur; the overlay’s listener that the bridge’s event runs inside the bridge’s call is the outermost ' +
  'v8.callFunction within it, counted as the overlay’s and taken out of the bridge’s), cut into frames at the ' +
  'call that painted as the measures are, but for a bridge read in which nothing changed, left to a frame of its ' +
  'own and out of these (a drag’s mouse moves less often than the frames come). Counted: all of our JS (listeners, ' +
  'animation-frame and timer callbacks, the bridge’s listener for the overlay’s hellos, the code around the measured ' +
  'spans), the chart API reads the bridge makes, style or layout our ' +
  'JS forces, GC inside our calls, recording the canvas commands, V8 handling its interrupts (V8.StackGuard: almost ' +
  'all installing code it compiled in the background, for any script of the page, handled by the first script ' +
  'that runs next, and the bridge’s callback comes first in a frame; shown apart, as the figure with them left ' +
  'out, which has no target), and tracing’s own cost (about 0.05 ms a frame). ' +
  'Not counted: the browser’s style, layout, paint, canvas raster and compositing after the frame, microtasks run ' +
  'after our calls return (none of note during a pan), the bench’s performance.measure calls (~20 µs each, taken ' +
  'out), and the page’s own work (its chart, lightweight-charts)';

/** The still chart in a busy market: what it cost per second, and how often the overlay was called. */
export function stillLiveMetrics(still: OverlayRun['stillLive']): { metrics: Metric[]; note: string } {
  const { thread, frames, ms } = still;
  const base = [count('animation frames, each with a new price', frames)];
  if (!thread.ok) return { metrics: base, note: ` Thread time not reported: ${thread.reason}.` };
  const seconds = ms / 1000;
  const spent = (k: 'overlay' | 'bridge') => thread.sums[k].thread - thread.sums[k].measuring;
  const round = (x: number, d = 2) => Number(x.toFixed(d));
  return {
    metrics: [
      ...base,
      {
        label: 'overlay calls per second',
        value: round(thread.sums.overlay.calls / seconds, 1),
        unit: 'calls',
      },
      {
        label: 'bridge calls per second',
        value: round(thread.sums.bridge.calls / seconds, 1),
        unit: 'calls',
      },
      { label: 'overlay thread time per second', value: round(spent('overlay') / seconds, 1), unit: 'ms' },
      {
        label: 'bridge + overlay thread time per second',
        value: round((spent('overlay') + spent('bridge')) / seconds, 1),
        unit: 'ms',
      },
      {
        label: 'bridge + overlay thread time per animation frame (mean)',
        value: frames > 0 ? round((spent('overlay') + spent('bridge')) / frames, 3) : Number.NaN,
        unit: 'ms',
        targetMax: FRAME_TARGET_MS,
      },
    ],
    note: '',
  };
}

/** The browser run as bench cases: per-frame cost while panning (two ways), and the symbol switch. */
export function overlayRunCases(run: OverlayRun): ImportedCase[] {
  const range = frameCosts(run.rangePan);
  const drag = frameCosts(run.dragPan);
  const switches = summarize(run.switches);
  const rangeThread = threadMetrics(run.rangeThread);
  const afterLoad = afterLoadMetrics(run.afterLoadThread);
  const dragThread = threadMetrics(run.dragThread);
  const liveThread = threadMetrics(run.liveThread);
  const { heatmap, profile, bands } = run.layers;
  const on = [heatmap ? 'heatmap' : '', profile ? 'profile' : '', `${bands} bands`]
    .filter(Boolean)
    .join(', ');
  const missing = [heatmap ? '' : 'heatmap', profile ? '' : 'profile'].filter(Boolean).join(' and ');
  const layersNote = ` Drawn when the pans began: ${on}${missing ? ` (the ${missing} did not appear)` : ''}.`;
  return [
    {
      name: 'overlay-frame',
      description:
        'binance fixture (CL v29 blob iframe, btc-all replay), range set on every animation frame; per painted frame: ' +
        'the snapshots since the last paint, each from its arrival at the listener (reading the event, envelope ' +
        'and snapshot validation, state), + layout + paint (isolated world), and the same with the bridge reads ' +
        '(MAIN world). Browser style, layout and raster after the frame are not in these figures. ' +
        'Headless Chromium with --disable-gpu (canvas in software); performance.now() is coarsened to 0.1 ms in a ' +
        'page that is not cross-origin isolated; these wall times grow with the machine’s load.' +
        layersNote +
        WARM_UP_NOTE +
        THREAD_NOTE +
        rangeThread.note +
        afterLoad.note,
      metrics: [
        count('layers drawn: heatmap + profile (of 2)', Number(heatmap) + Number(profile), 'layers'),
        count('bands drawn', bands, 'bands'),
        count('animation frames panned', run.rangeFrames),
        count('frames painted', range.overlay.length),
        ...summaryMetrics('overlay per frame', range.overlay, FRAME_TARGET_MS),
        count(`overlay frames over ${FRAME_TARGET_MS} ms`, over(range.overlay)),
        ...summaryMetrics('paint', range.paint),
        ...summaryMetrics('snapshot handling', range.snapshot),
        ...summaryMetrics('bridge read per frame', range.bridge),
        ...summaryMetrics('bridge + overlay per frame', range.total, FRAME_TARGET_MS),
        ...rangeThread.metrics,
        ...afterLoad.metrics,
      ],
    },
    {
      name: 'overlay-frame-live',
      description:
        `overlay-frame's pan again, traced only, while the chart's last price changes every ${LIVE_TICK_MS} ms, as in a ` +
        'live market: the overlay shows a new price at most every 250 ms (controller.ts PRICE_MS), and each one ' +
        'moves the price line and its label and remakes the badge’s figures, a full render rather than a frame of ' +
        `a pan. Thread time as in overlay-frame.${layersNote}${liveThread.note}`,
      metrics: [count('price changes during the pan', run.liveTicks, 'ticks'), ...liveThread.metrics],
    },
    {
      name: 'overlay-still-live',
      description:
        `the chart held still for ${run.stillLive.ms / 1000} s while its last price changes on every animation ` +
        'frame, as in a busy market, traced: the bridge reads every frame and posts a new price alone at most every ' +
        `${PRICE_POST_MS} ms (run-bridge.ts PRICE_POST_MS), the overlay shows one at most every 250 ms. Thread time ` +
        `as in overlay-frame, summed over the run (the bench’s measure() calls taken out).${stillLiveMetrics(run.stillLive).note}`,
      metrics: stillLiveMetrics(run.stillLive).metrics,
    },
    {
      name: 'overlay-drag',
      description:
        'the same page dragged with the mouse (pointer events through the overlay to the chart); thread time as in ' +
        `overlay-frame.${layersNote}${dragThread.note}`,
      metrics: [
        count('frames painted', drag.overlay.length),
        ...summaryMetrics('overlay per frame', drag.overlay, FRAME_TARGET_MS),
        count(`overlay frames over ${FRAME_TARGET_MS} ms`, over(drag.overlay)),
        ...summaryMetrics('bridge + overlay per frame', drag.total, FRAME_TARGET_MS),
        ...dragThread.metrics,
        count(`paints while the chart held still for ${run.idleMs / 1000} s`, run.idlePaints, 'paints'),
      ],
    },
    {
      name: 'overlay-switch',
      description:
        'pushState symbol switch (BTC ⇄ ETH, widget rebuilt in a new iframe) until the badge names the asset',
      metrics: [
        count('switches', switches.count, 'switches'),
        { label: 'median', value: Math.round(switches.median), unit: 'ms', targetMax: SWITCH_TARGET_MS },
        { label: 'max', value: Math.round(switches.max), unit: 'ms', targetMax: SWITCH_TARGET_MS },
      ],
    },
  ];
}

export async function writeOverlayJson(cases: ImportedCase[], file = OVERLAY_JSON): Promise<void> {
  const doc: ImportedBench = { measuredAt: new Date().toISOString(), cases };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
}

/** Says why a case was skipped where people look: beside the bench's progress lines. */
const note = (line: string) => process.stderr.write(`bench: ${line}\n`);

/**
 * Runs the browser once for all overlay cases of one `npm run bench`, writes out/bench/overlay.json, and serves the
 * cases from it; a missing Chromium or build skips them with a note (the imported file, if any, is shown instead).
 */
export function createOverlayCases(): BenchCase[] {
  let run: Promise<ImportedCase[] | null> | null = null;
  const browserCases = () => {
    run ??= (async () => {
      // Loaded only when a browser case runs: Playwright stays out of every other bench (and of unit tests).
      const { overlayBenchBlocker, runOverlayBrowser } = await import('./overlay-browser');
      const blocker = overlayBenchBlocker();
      if (blocker) {
        note(`overlay cases skipped: ${blocker}`);
        return null;
      }
      const browserRun = await runOverlayBrowser();
      for (const [pan, thread] of [
        ['range pan', browserRun.rangeThread],
        ['drag', browserRun.dragThread],
        ['range pan with a live price', browserRun.liveThread],
        ['still chart in a busy market', browserRun.stillLive.thread],
      ] as const) {
        if (!thread.ok) note(`overlay thread time (${pan}) not reported: ${thread.reason}`);
      }
      const cases = [...overlayRunCases(browserRun), await bundleCase()].filter(
        (c): c is ImportedCase => c !== null,
      );
      await writeOverlayJson(cases);
      return cases;
    })();
    return run;
  };
  const fromRun = (name: string) => async () =>
    (await browserCases())?.find((c) => c.name === name)?.metrics ?? [];
  return [
    {
      kind: 'metrics',
      name: 'overlay-frame',
      description: 'overlay and bridge work per animation frame while the chart is panned (Playwright)',
      measure: fromRun('overlay-frame'),
    },
    {
      kind: 'metrics',
      name: 'overlay-frame-live',
      description:
        'overlay-frame’s pan while the chart’s last price changes, as in a live market (Playwright)',
      measure: fromRun('overlay-frame-live'),
    },
    {
      kind: 'metrics',
      name: 'overlay-still-live',
      description:
        'a still chart while its last price changes on every frame, as in a busy market (Playwright)',
      measure: fromRun('overlay-still-live'),
    },
    {
      kind: 'metrics',
      name: 'overlay-drag',
      description: 'overlay work per frame while the chart is dragged with the mouse (Playwright)',
      measure: fromRun('overlay-drag'),
    },
    {
      kind: 'metrics',
      name: 'overlay-switch',
      description: 'pushState symbol switch to the badge naming the new asset (Playwright)',
      measure: fromRun('overlay-switch'),
    },
    {
      kind: 'metrics',
      name: 'bundle-size',
      description: `content scripts and the page bridge as built (${BUILD_DIR})`,
      measure: async () => {
        const c = await bundleCase();
        if (!c) note(`bundle-size skipped: no build at ${BUILD_DIR} (run npx wxt build)`);
        return c?.metrics ?? [];
      },
    },
  ];
}

async function bundleCase(): Promise<ImportedCase | null> {
  const metrics = await bundleMetrics(BUILD_DIR);
  return metrics
    ? {
        name: 'bundle-size',
        description: `content scripts and the page bridge in ${BUILD_DIR}/content-scripts: minified (target ≤ 60 kB) and gzip`,
        metrics,
      }
    : null;
}
