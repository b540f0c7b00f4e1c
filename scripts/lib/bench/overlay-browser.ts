import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR } from '../browser/harness';
import { openOverlayEnv, scaledView } from '../browser/overlay-env';
import { readOverlay, timeToBadgeAsset } from '../browser/overlay-probe';
import { siteFixture } from '../browser/overlay-sites';
import { onFixture } from '../browser/site-server';
import type { MeasureEntry } from './overlay-frames';
import { LIVE_TICK_MS, PAN_MS, STILL_LIVE_MS, TRACED_PANS, WARM_UP_PANS } from './overlay-pans';
import {
  isUsefulTraceEvent,
  pooledThreadCosts,
  type ScriptUrls,
  type ThreadCosts,
  TRACE_CATEGORIES,
  type TraceEvent,
  threadFrameCosts,
} from './overlay-trace';

export interface OverlayRun {
  /** Measures recorded while the chart was panned by setting its range on every frame. */
  rangePan: MeasureEntry[];
  /** Measures recorded while the chart was dragged with the mouse. */
  dragPan: MeasureEntry[];
  /**
   * Thread (CPU) time per frame from Chrome traces of the same pans run again (untraced measures stay clean): each
   * TRACED_PANS times, pooled. Like every figure but `afterLoadThread`, measured after WARM_UP_PANS.
   */
  rangeThread: ThreadCosts;
  /** The range pan traced TRACED_PANS times, pooled, as the first thing after the page loaded (no target). */
  afterLoadThread: ThreadCosts;
  dragThread: ThreadCosts;
  /** The range pan again, traced, while the chart's last price changes every LIVE_TICK_MS (a live market). */
  liveThread: ThreadCosts;
  /** Price changes the chart made during that pan. */
  liveTicks: number;
  /**
   * The chart held still for STILL_LIVE_MS, traced, while its last price changed on every animation frame (a busy
   * market): the frames it ran, each with a new price.
   */
  stillLive: { thread: ThreadCosts; frames: number; ms: number };
  /** Animation frames the page ran during the range pan (the overlay should paint about as often). */
  rangeFrames: number;
  /** Paints while the chart held still (the overlay repaints only on change). */
  idlePaints: number;
  idleMs: number;
  /** Milliseconds from each pushState symbol switch to the badge naming the new asset. */
  switches: number[];
  /** What the pane drew when the pans began: the heatmap and profile layers, and how many bands. */
  layers: { heatmap: boolean; profile: boolean; bands: number };
}

/** Why the browser part cannot run here, or null when it can. */
export function overlayBenchBlocker(): string | null {
  if (!fs.existsSync(CHROMIUM))
    return `no Chromium at ${CHROMIUM} (set LIQLENS_CHROMIUM or install chromium)`;
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    return `no extension build at ${path.relative(process.cwd(), EXTENSION_DIR)} (run npx wxt build)`;
  return null;
}

const ETH_PRICE = 3_112.4;
const WIDE = 0.12;

export const readMeasures = (page: Page): Promise<MeasureEntry[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('liqlens:'))
      .map((e) => ({ name: e.name, startTime: e.startTime, duration: e.duration })),
  );

export const clearMeasures = (page: Page) => page.evaluate(() => performance.clearMeasures());

/**
 * Records a Chrome trace (over CDP, events reported as they come) until the returned function is called, which
 * resolves to the events {@link threadFrameCosts} reads; the rest is dropped as it arrives.
 */
async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown[] }) => {
    for (const x of e.value as TraceEvent[]) if (isUsefulTraceEvent(x)) events.push(x);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES },
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** Clears the page's measures, runs `pan`, and reads back the measures it left. */
export async function measured<T>(
  page: Page,
  pan: () => Promise<T>,
): Promise<{ result: T; measures: MeasureEntry[] }> {
  await clearMeasures(page);
  const result = await pan();
  await page.waitForTimeout(100);
  return { result, measures: await readMeasures(page) };
}

/** Runs `pan` under a Chrome trace and returns the trace's events of use (the measures are left alone). */
export async function traced(
  page: Page,
  cdp: CDPSession,
  pan: () => Promise<unknown>,
): Promise<TraceEvent[]> {
  const end = await startTrace(cdp);
  await pan();
  await page.waitForTimeout(100);
  return end();
}

/** `pan` run TRACED_PANS times, each under its own trace, as one sample of thread time (`pooledThreadCosts`). */
export async function tracedPans(
  page: Page,
  cdp: CDPSession,
  pan: () => Promise<unknown>,
  scripts: ScriptUrls,
): Promise<ThreadCosts> {
  const runs: ThreadCosts[] = [];
  for (let i = 0; i < TRACED_PANS; i++) runs.push(threadFrameCosts(await traced(page, cdp, pan), scripts));
  return pooledThreadCosts(runs);
}

/**
 * The pans just after load: `pan` traced TRACED_PANS times as the first thing on the loaded page (figures with no
 * target), then run WARM_UP_PANS times untraced, so that whatever is measured next is measured after the warm-up.
 */
export async function tracedThenWarmedUp(
  page: Page,
  cdp: CDPSession,
  pan: () => Promise<unknown>,
  scripts: ScriptUrls,
): Promise<ThreadCosts> {
  const afterLoad = await tracedPans(page, cdp, pan, scripts);
  for (let i = 0; i < WARM_UP_PANS; i++) await pan();
  return afterLoad;
}

/** The scripts whose calls count on the binance fixture: the overlay's (shared and the site's) and the bridge. */
export const binanceScripts = (extensionId: string): ScriptUrls => ({
  overlay: ['overlay-core.js', 'binance.js'].map(
    (name) => `chrome-extension://${extensionId}/content-scripts/${name}`,
  ),
  bridge: `chrome-extension://${extensionId}/content-scripts/chart-bridge.js`,
});

/**
 * On every animation frame for `duration` ms, one change to the bench page's chart: `range`, a new price range (a
 * slow sway of ±1.5 % and a breathing zoom around `lo`–`hi`, as while panning), or `price`, a new last price a few
 * dollars up and down around `around`, the chart otherwise left alone (a busy market). Resolves to the frames run.
 */
function everyFrame(
  page: Page,
  duration: number,
  change: { kind: 'range'; lo: number; hi: number } | { kind: 'price'; around: number },
): Promise<number> {
  return page.evaluate(
    ({ duration, change }) =>
      new Promise<number>((resolve) => {
        type Handle = { setRange(from: number, to: number): void; tick(price: number): void };
        const frame = document.querySelector<HTMLIFrameElement>('iframe[id^="tradingview_"]');
        const fixture = (frame?.contentWindow as unknown as { __fixture: Handle } | null)?.__fixture;
        if (!fixture) throw new Error('no chart in the bench page');
        const start = performance.now();
        let frames = 0;
        const step = (now: number) => {
          frames++;
          if (change.kind === 'price') fixture.tick(change.around + 5 * Math.sin(frames * 0.7));
          else {
            const t = (now - start) / 1000;
            const mid = ((change.lo + change.hi) / 2) * (1 + 0.015 * Math.sin(t * 2.1));
            const half = ((change.hi - change.lo) / 2) * (1 + 0.1 * Math.sin(t * 1.3));
            fixture.setRange(mid - half, mid + half);
          }
          if (now - start < duration) requestAnimationFrame(step);
          else resolve(frames);
        };
        requestAnimationFrame(step);
      }),
    { duration, change },
  );
}

/** Sets a new range on every animation frame for `duration` ms; resolves to the number of frames. */
export const rangePan = (page: Page, duration: number, lo: number, hi: number): Promise<number> =>
  everyFrame(page, duration, { kind: 'range', lo, hi });

/**
 * Runs `pan` while the chart's last price moves every LIVE_TICK_MS (the fixture's `tick`: the last candle closes at
 * a new price and the chart's onTick subscribers hear it); resolves to what `pan` gave and the number of ticks.
 */
async function withLivePrice<T>(
  page: Page,
  price: number,
  pan: () => Promise<T>,
): Promise<{ result: T; ticks: number }> {
  await page.evaluate(
    ({ price, every }) => {
      type Handle = { tick(price: number): void };
      const frame = document.querySelector<HTMLIFrameElement>('iframe[id^="tradingview_"]');
      const fixture = (frame?.contentWindow as unknown as { __fixture: Handle } | null)?.__fixture;
      if (!fixture) throw new Error('no chart in the bench page');
      const w = window as unknown as { __liveTicks: number; __liveTimer: ReturnType<typeof setInterval> };
      w.__liveTicks = 0;
      // A few dollars up and down around the last price: a new price, and a new price label, on every tick.
      w.__liveTimer = setInterval(() => fixture.tick(price + 5 * Math.sin(++w.__liveTicks * 0.7)), every);
    },
    { price, every: LIVE_TICK_MS },
  );
  try {
    const result = await pan();
    return {
      result,
      ticks: await page.evaluate(() => (window as unknown as { __liveTicks: number }).__liveTicks),
    };
  } finally {
    await page.evaluate(() => clearInterval((window as unknown as { __liveTimer: number }).__liveTimer));
  }
}

/** Drags the chart to and fro with the mouse for `duration` ms. */
async function dragPan(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  duration: number,
): Promise<void> {
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 0; Date.now() - started < duration; i++) {
    await page.mouse.move(x + 150 * Math.sin(i / 9), y + 80 * Math.sin(i / 13));
  }
  await page.mouse.up();
}

/**
 * The binance fixture (CL v29 in a blob iframe, BTC replayed from btc-all.har) with `data-liqlens-bench` on <html>,
 * once the heatmap and the profile are drawn beside the bands: the chart is panned by a range change on every
 * animation frame for `panMs` under Chrome traces, TRACED_PANS times (just after load), then WARM_UP_PANS times
 * untraced; then panned so again and dragged with the mouse, and the overlay's and the bridge's performance measures
 * are read back from the page; both pans again under Chrome traces for the thread time (each TRACED_PANS times);
 * then the chart is left alone. Then a few pushState symbol switches, timed to the badge.
 */
export async function runOverlayBrowser(
  options: { panMs?: number; headless?: boolean } = {},
): Promise<OverlayRun> {
  const panMs = options.panMs ?? PAN_MS;
  const env = await openOverlayEnv(options.headless === undefined ? {} : { headless: options.headless });
  try {
    // tsx compiles with esbuild's keepNames, which wraps named functions in a `__name` helper that the page does not
    // have: functions sent to page.evaluate need it defined there.
    await env.context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const { price } = env.btc;
    await env.seed(scaledView(env.btc, 'ETH', ETH_PRICE));
    const { page } = await env.open(
      siteFixture('binance', price, { htmlAttributes: { 'data-liqlens-bench': '' } }),
    );
    await page
      .locator('liqlens-overlay [data-liqlens-overlay][data-mode="aligned"]')
      .waitFor({ state: 'attached', timeout: 15_000 });
    await onFixture(page, 'setRange', price * (1 - WIDE), price * (1 + WIDE));
    // The pans are measured with every layer on: the heatmap (from the worker, a moment after the bands), the
    // profile and the bands.
    for (const hook of ['heatmap', 'profile'])
      await page
        .locator(`liqlens-overlay [data-liqlens-hook="${hook}"]`)
        .waitFor({ state: 'attached', timeout: 15_000 })
        .catch(() => undefined);
    await page.waitForTimeout(300);
    const shown = await readOverlay(page);
    const layers = {
      heatmap: shown.heatmap !== null,
      profile: shown.profile !== null,
      bands: shown.bands.length,
    };
    const scripts = binanceScripts(env.extensionId);
    const box = await page.locator('iframe[id^="tradingview_"]').boundingBox();
    if (!box) throw new Error('no chart iframe on the bench page');
    const rangePanning = () => rangePan(page, panMs, price * (1 - WIDE), price * (1 + WIDE));
    const dragging = () => dragPan(page, box, panMs / 2);

    const cdp = await env.context.newCDPSession(page);
    const afterLoadThread = await tracedThenWarmedUp(page, cdp, rangePanning, scripts);
    // The wall-time measures first, untraced: tracing adds its own work to every call it records (about 0.05 ms a
    // frame here). Then the same two pans again under a trace, for the thread time.
    const range = await measured(page, rangePanning);
    const drag = await measured(page, dragging);
    const rangeThread = await tracedPans(page, cdp, rangePanning, scripts);
    const dragThread = await tracedPans(page, cdp, dragging, scripts);
    let liveTicks = 0;
    const liveThread = threadFrameCosts(
      await traced(page, cdp, async () => {
        liveTicks = (await withLivePrice(page, price, rangePanning)).ticks;
      }),
      scripts,
    );
    // The last live price reaches the screen up to 250 ms after its tick (controller.ts PRICE_MS): let it paint before
    // the chart is left alone.
    await page.waitForTimeout(500);
    let stillFrames = 0;
    const stillThread = threadFrameCosts(
      await traced(page, cdp, async () => {
        stillFrames = await everyFrame(page, STILL_LIVE_MS, { kind: 'price', around: price });
      }),
      scripts,
    );
    await cdp.detach();
    await page.waitForTimeout(500);

    await clearMeasures(page);
    const idleMs = 2_000;
    await page.waitForTimeout(idleMs);
    const idlePaints = (await readMeasures(page)).filter((e) => e.name === 'liqlens:paint').length;

    const switches: number[] = [];
    const route = [
      ['ETH', '/en/futures/ETHUSDT', 'ETHUSDT', ETH_PRICE],
      ['BTC', '/en/futures/BTCUSDT', 'BTCUSDT', price],
    ] as const;
    for (let i = 0; i < 4; i++) {
      const [asset, url, symbol, p] = route[i % 2] as (typeof route)[number];
      switches.push(
        await timeToBadgeAsset(page, asset, 'navigate', [url, symbol, `${p} | ${symbol} | Binance`, p]),
      );
      await page.waitForTimeout(500);
    }
    await page.close();
    return {
      rangePan: range.measures,
      dragPan: drag.measures,
      rangeThread,
      dragThread,
      afterLoadThread,
      liveThread,
      liveTicks,
      stillLive: { thread: stillThread, frames: stillFrames, ms: STILL_LIVE_MS },
      rangeFrames: range.result,
      idlePaints,
      idleMs,
      switches,
      layers,
    };
  } finally {
    await env.close();
  }
}
