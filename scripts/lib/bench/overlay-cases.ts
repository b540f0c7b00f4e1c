import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { EXTENSION_DIR } from '../../../test/e2e/harness';
import type { ImportedBench } from './imported';
import { IMPORT_DIR } from './imported';
import type { OverlayRun } from './overlay-browser';
import { bundleMetrics, frameCosts, summarize, summaryMetrics } from './overlay-frames';
import type { BenchCase, Metric } from './types';

export const OVERLAY_JSON = join(IMPORT_DIR, 'overlay.json');
/** The bound on the overlay's work per frame while the chart is panned. */
export const FRAME_TARGET_MS = 1;
/** Symbol switches and SPA navigations are followed within a second (issue 5). */
export const SWITCH_TARGET_MS = 1_000;
const BUILD_DIR = relative(process.cwd(), EXTENSION_DIR);

type ImportedCase = ImportedBench['cases'][number];

/** The browser run as bench cases: per-frame cost while panning (two ways), and the symbol switch. */
export function overlayRunCases(run: OverlayRun): ImportedCase[] {
  const range = frameCosts(run.rangePan);
  const drag = frameCosts(run.dragPan);
  const count = (label: string, value: number, unit = 'frames'): Metric => ({ label, value, unit });
  const switches = summarize(run.switches);
  const over = (samples: readonly number[]) => samples.filter((x) => x > FRAME_TARGET_MS).length;
  return [
    {
      name: 'overlay-frame',
      description:
        'binance fixture (CL v29 blob iframe, btc-all replay), range set on every animation frame; per painted frame: ' +
        'the snapshots since the last paint, each from its arrival at the listener (reading the message, envelope ' +
        'and snapshot validation, state), + layout + paint (isolated world), and the same with the bridge reads ' +
        '(MAIN world). Browser style, layout and raster after the frame are not in these figures. ' +
        'Headless Chromium with --disable-gpu (canvas in software); performance.now() is coarsened to 0.1 ms in a ' +
        'page that is not cross-origin isolated',
      metrics: [
        count('animation frames panned', run.rangeFrames),
        count('frames painted', range.overlay.length),
        ...summaryMetrics('overlay per frame', range.overlay, FRAME_TARGET_MS),
        count(`overlay frames over ${FRAME_TARGET_MS} ms`, over(range.overlay)),
        ...summaryMetrics('paint', range.paint),
        ...summaryMetrics('snapshot handling', range.snapshot),
        ...summaryMetrics('bridge read per frame', range.bridge),
        ...summaryMetrics('bridge + overlay per frame', range.total, FRAME_TARGET_MS),
      ],
    },
    {
      name: 'overlay-drag',
      description: 'the same page dragged with the mouse (pointer events through the overlay to the chart)',
      metrics: [
        count('frames painted', drag.overlay.length),
        ...summaryMetrics('overlay per frame', drag.overlay, FRAME_TARGET_MS),
        count(`overlay frames over ${FRAME_TARGET_MS} ms`, over(drag.overlay)),
        ...summaryMetrics('bridge + overlay per frame', drag.total, FRAME_TARGET_MS),
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
      const cases = [...overlayRunCases(await runOverlayBrowser()), await bundleCase()].filter(
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
