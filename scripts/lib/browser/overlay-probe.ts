import { expect, type Page } from '@playwright/test';
import { venueTotals } from '../../../lib/figures/venue-totals';
import { formatUsd } from '../../../lib/format';
import { atRiskNotional } from '../../../lib/model/at-risk';
import type { ClusterView } from '../../../lib/model/cluster-view';
import { DEFAULT_PARAMS } from '../../../lib/model/params';
import { FIXTURE_FRAME } from './site-server';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A band strip as drawn, with the chart's own y (top-document viewport px) for its two prices. */
export interface DrawnBand {
  side: 'long' | 'short';
  low: number;
  high: number;
  usd: number;
  /** The strip's rect: exactly the painted rows. */
  top: number;
  bottom: number;
  /** The overlay's exact pane-relative y of the high and low price. */
  yHigh: number | null;
  yLow: number | null;
  clipped: string | null;
  widened: boolean;
  /** lightweight-charts' priceToCoordinate, as top-document y. */
  chartHigh: number | null;
  chartLow: number | null;
}

export interface DrawnEdge {
  side: string;
  edge: string;
  low: number;
  high: number;
  text: string;
  chartHigh: number | null;
  chartLow: number | null;
}

export interface OverlayState {
  present: boolean;
  mode: string | null;
  reason: string | null;
  asset: string | null;
  pane: Rect | null;
  /** The chart's own pane cell, in top-document viewport px. */
  chartPane: Rect | null;
  canvas: { width: number; height: number; cssWidth: number; cssHeight: number } | null;
  bands: DrawnBand[];
  edges: DrawnEdge[];
  badge: Record<string, string> | null;
  badgeText: Record<string, string>;
  /** The docked ladder; `profileBins`: the bins of its profile (null while the profile is not drawn there). */
  ladder: { reason: string | null; price: number; bands: number; profileBins: number | null } | null;
  /** The heatmap layer's hook (pane-relative CSS px), null when no heatmap is drawn. */
  heatmap: { left: number; columnWidth: number; t0: number; columns: number } | null;
  /** The profile layer's hook: the map's top and bottom edges (pane-relative CSS y) on this frame's scale. */
  profile: { bins: number; rows: number; yTop: number; yBottom: number } | null;
  dpr: number;
}

/**
 * Everything the overlay shows, read in one go from its open shadow root, together with the chart's own price-to-y
 * for every band price (the fixture's handle, in the top document or inside the chart iframe).
 */
export async function readOverlay(page: Page): Promise<OverlayState> {
  return page.evaluate((frameSelector) => {
    type Handle = { priceToClientY(p: number): number | null; paneCell(): Element | null };
    const frame = document.querySelector<HTMLIFrameElement>(frameSelector);
    const top = (window as unknown as { __fixture?: Handle }).__fixture;
    const inner = (frame?.contentWindow as unknown as { __fixture?: Handle } | null)?.__fixture;
    const handle = top ?? inner ?? null;
    const offset = () => {
      if (top || !frame) return { x: 0, y: 0 };
      const r = frame.getBoundingClientRect();
      return { x: r.left + frame.clientLeft, y: r.top + frame.clientTop };
    };
    const chartY = (price: number): number | null => {
      if (!handle || !Number.isFinite(price)) return null;
      const y = handle.priceToClientY(price);
      return y === null ? null : y + offset().y;
    };
    const rectOf = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    };
    const cell = rectOf(handle?.paneCell() ?? null);
    const chartPane = cell ? { ...cell, left: cell.left + offset().x, top: cell.top + offset().y } : null;
    const num = (s: string | undefined) => (s === undefined ? null : Number(s));
    const host = document.querySelector('liqlens-overlay');
    const root = host?.shadowRoot?.querySelector<HTMLElement>('[data-liqlens-overlay]') ?? null;
    const pane = root?.querySelector<HTMLElement>('[data-liqlens-pane]') ?? null;
    const canvas = pane?.querySelector('canvas') ?? null;
    const badge = root?.querySelector<HTMLElement>('[data-liqlens-badge]') ?? null;
    const ladder = root?.querySelector<HTMLElement>('[data-liqlens-ladder]') ?? null;
    const heatmapHook = pane?.querySelector<HTMLElement>('[data-liqlens-hook="heatmap"]') ?? null;
    const profileHook = pane?.querySelector<HTMLElement>('[data-liqlens-hook="profile"]') ?? null;
    const badgeText: Record<string, string> = {};
    for (const el of badge?.querySelectorAll<HTMLElement>('[data-field]') ?? [])
      badgeText[el.dataset.field as string] = el.textContent ?? '';
    return {
      present: Boolean(host),
      mode: root?.dataset.mode ?? null,
      reason: root?.dataset.reason ?? null,
      asset: root?.dataset.asset ?? null,
      pane: rectOf(pane),
      chartPane,
      canvas: canvas
        ? {
            width: canvas.width,
            height: canvas.height,
            cssWidth: canvas.getBoundingClientRect().width,
            cssHeight: canvas.getBoundingClientRect().height,
          }
        : null,
      bands: [...(root?.querySelectorAll<HTMLElement>('[data-liqlens-band]') ?? [])].map((el) => {
        const r = el.getBoundingClientRect();
        const low = Number(el.dataset.low);
        const high = Number(el.dataset.high);
        return {
          side: el.dataset.liqlensBand as 'long' | 'short',
          low,
          high,
          usd: Number(el.dataset.usd),
          top: r.top,
          bottom: r.bottom,
          yHigh: num(el.dataset.yHigh),
          yLow: num(el.dataset.yLow),
          clipped: el.dataset.clipped ?? null,
          widened: el.dataset.widened === 'true',
          chartHigh: chartY(high),
          chartLow: chartY(low),
        };
      }),
      edges: [...(root?.querySelectorAll<HTMLElement>('[data-liqlens-edge]') ?? [])].map((el) => ({
        side: el.dataset.liqlensEdge ?? '',
        edge: el.dataset.edge ?? '',
        low: Number(el.dataset.low),
        high: Number(el.dataset.high),
        text: el.textContent ?? '',
        chartHigh: chartY(Number(el.dataset.high)),
        chartLow: chartY(Number(el.dataset.low)),
      })),
      badge: badge ? ({ ...badge.dataset } as Record<string, string>) : null,
      badgeText,
      ladder: ladder
        ? {
            reason: ladder.dataset.reason ?? null,
            price: Number(ladder.dataset.price),
            bands: ladder.querySelectorAll('[data-liqlens-ladder-band]').length,
            profileBins: num(
              ladder.querySelector<HTMLElement>('[data-liqlens-hook="profile"]')?.dataset.bins,
            ),
          }
        : null,
      heatmap: heatmapHook
        ? {
            left: Number(heatmapHook.dataset.left),
            columnWidth: Number(heatmapHook.dataset.columnWidth),
            t0: Number(heatmapHook.dataset.t0),
            columns: Number(heatmapHook.dataset.columns),
          }
        : null,
      profile: profileHook
        ? {
            bins: Number(profileHook.dataset.bins),
            rows: Number(profileHook.dataset.rows),
            yTop: Number(profileHook.dataset.yTop),
            yBottom: Number(profileHook.dataset.yBottom),
          }
        : null,
      dpr: window.devicePixelRatio,
    };
  }, FIXTURE_FRAME);
}

/** A candle's slot as the heatmap draws it and as the chart draws the candle, top-document viewport x. */
export interface ColumnCheck {
  time: number;
  overlayX: number;
  chartX: number;
}

/**
 * The heatmap's column centres against the chart's own time-to-pixel (lightweight-charts' timeToCoordinate under
 * the fake), for the candles the pane shows; empty when no heatmap is drawn.
 */
export async function heatmapColumns(page: Page, state: OverlayState, samples = 7): Promise<ColumnCheck[]> {
  const { heatmap, pane } = state;
  if (!heatmap || !pane) return [];
  return page.evaluate(
    ([hm, box, count, frameSelector]) => {
      type Handle = { timeToClientX(t: number): number | null; barSeconds: number };
      const frame = document.querySelector<HTMLIFrameElement>(frameSelector);
      const top = (window as unknown as { __fixture?: Handle }).__fixture;
      const inner = (frame?.contentWindow as unknown as { __fixture?: Handle } | null)?.__fixture;
      const handle = top ?? inner;
      if (!handle) return [];
      const dx = top || !frame ? 0 : frame.getBoundingClientRect().left + frame.clientLeft;
      const intervalMs = handle.barSeconds * 1000;
      // Columns whose centres are on the pane, spread evenly.
      const first = Math.max(0, Math.ceil(-hm.left / hm.columnWidth));
      const last = Math.min(hm.columns - 1, Math.floor((box.width - hm.left) / hm.columnWidth) - 1);
      const out: { time: number; overlayX: number; chartX: number }[] = [];
      if (last < first) return out;
      for (let i = 0; i < count; i++) {
        const j = Math.round(first + ((last - first) * i) / Math.max(1, count - 1));
        const time = hm.t0 + j * intervalMs;
        const x = handle.timeToClientX(time / 1000);
        if (x === null) continue;
        out.push({ time, overlayX: box.left + hm.left + (j + 0.5) * hm.columnWidth, chartX: x + dx });
      }
      return out;
    },
    [heatmap, pane, samples, FIXTURE_FRAME] as const,
  );
}

/** Every sampled heatmap column sits within 1 px of its candle; at least `min` columns compared. */
export async function expectHeatmapAligned(page: Page, state: OverlayState, label: string, min = 3) {
  expect(state.heatmap, `${label}: a heatmap is drawn`).not.toBeNull();
  const columns = await heatmapColumns(page, state);
  expect(columns.length, `${label}: heatmap columns compared`).toBeGreaterThanOrEqual(min);
  for (const c of columns)
    expect(
      Math.abs(c.overlayX - c.chartX),
      `${label}: column of ${new Date(c.time).toISOString()}`,
    ).toBeLessThanOrEqual(1);
}

/** Two animation frames (the bridge reads, the overlay paints) and a little more. */
export const frames = (page: Page, n = 2) =>
  page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const step = () => (--left <= 0 ? setTimeout(resolve, 30) : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    n,
  );

/**
 * Waits until the chart and the overlay hold still (two reads, a few frames apart, agree), then returns that read.
 * Measuring a moving picture would compare two different frames.
 */
export async function settledOverlay(page: Page): Promise<OverlayState> {
  await frames(page);
  let last = await readOverlay(page);
  for (let i = 0; i < 20; i++) {
    await frames(page, 3);
    const next = await readOverlay(page);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  return last;
}

export const overlayRoot = (page: Page) => page.locator('liqlens-overlay [data-liqlens-overlay]');

export async function waitForMode(page: Page, mode: string, timeout = 15_000): Promise<void> {
  await expect(overlayRoot(page)).toHaveAttribute('data-mode', mode, { timeout });
}

/**
 * Waits until the aligned pane layer is drawn: after a symbol switch the badge names the new asset at once, while its
 * view follows (the symbol is debounced, then the view is fetched), and a still overlay is not yet a drawn one.
 */
export async function waitForPaneLayer(page: Page, timeout = 15_000): Promise<void> {
  await expect(page.locator('liqlens-overlay [data-liqlens-pane]')).toBeAttached({ timeout });
}

/** How many edges were compared; the caller asks for enough to make the check mean something. */
export interface AlignmentSummary {
  edgesChecked: number;
  sides: Set<string>;
}

/**
 * Every band strip's price edges (top and bottom of its rect, the painted rows) are within 1 px of the chart's own
 * price-to-pixel; an edge the pane clipped, or a band widened to its 2 px minimum, has no price to compare. The
 * overlay's exact y for each price agrees too, and each edge marker's band is really off the pane on its side.
 */
export function expectAligned(state: OverlayState, label: string): AlignmentSummary {
  expect(state.mode, `${label}: mode (${state.reason ?? ''})`).toBe('aligned');
  const pane = state.pane as Rect;
  expect(pane, `${label}: pane layer`).not.toBeNull();
  if (state.chartPane) {
    for (const k of ['left', 'top', 'width', 'height'] as const)
      expect(Math.abs(pane[k] - state.chartPane[k]), `${label}: pane ${k}`).toBeLessThanOrEqual(1);
  }
  const tolerance = 1;
  let edgesChecked = 0;
  const sides = new Set<string>();
  for (const band of state.bands) {
    const what = `${label}: ${band.side} band ${band.low}–${band.high}`;
    expect(band.chartHigh, `${what}: chart y of high`).not.toBeNull();
    expect(band.chartLow, `${what}: chart y of low`).not.toBeNull();
    const hi = band.chartHigh as number;
    const lo = band.chartLow as number;
    if (band.yHigh !== null)
      expect(Math.abs(pane.top + band.yHigh - hi), `${what}: exact y of high`).toBeLessThanOrEqual(tolerance);
    if (band.yLow !== null)
      expect(Math.abs(pane.top + band.yLow - lo), `${what}: exact y of low`).toBeLessThanOrEqual(tolerance);
    if (band.widened) continue;
    sides.add(band.side);
    const [yTop, yBottom] = hi <= lo ? [hi, lo] : [lo, hi];
    if (band.clipped !== 'top' && band.clipped !== 'both') {
      expect(Math.abs(band.top - yTop), `${what}: top edge`).toBeLessThanOrEqual(tolerance);
      edgesChecked++;
    } else {
      expect(Math.abs(band.top - pane.top), `${what}: clipped top is the pane's`).toBeLessThanOrEqual(0.5);
    }
    if (band.clipped !== 'bottom' && band.clipped !== 'both') {
      expect(Math.abs(band.bottom - yBottom), `${what}: bottom edge`).toBeLessThanOrEqual(tolerance);
      edgesChecked++;
    } else {
      expect(
        Math.abs(band.bottom - (pane.top + pane.height)),
        `${what}: clipped bottom is the pane's`,
      ).toBeLessThanOrEqual(0.5);
    }
  }
  for (const edge of state.edges) {
    const what = `${label}: ${edge.side} edge marker ${edge.low}–${edge.high}`;
    const ys = [edge.chartHigh, edge.chartLow] as number[];
    expect(ys.every((y) => y !== null)).toBe(true);
    if (edge.edge === 'top')
      expect(Math.max(...ys), `${what}: above the pane`).toBeLessThanOrEqual(pane.top + 1);
    else
      expect(Math.min(...ys), `${what}: below the pane`).toBeGreaterThanOrEqual(pane.top + pane.height - 1);
  }
  return { edgesChecked, sides };
}

/**
 * The overlay and the stored view at a moment when the badge shows that view (its own figures equal): the background
 * may refresh at any time (an alarm, a settings change), and the push reaches the page a moment after the store.
 * Fails if they never agree.
 */
export async function badgeWithStored(
  page: Page,
  stored: () => Promise<ClusterView | null>,
): Promise<{ state: OverlayState; view: ClusterView }> {
  let seen = '';
  for (let i = 0; i < 25; i++) {
    const state = await settledOverlay(page);
    const view = await stored();
    const b = state.badge;
    if (
      view &&
      b &&
      Number(b.viewPrice) === view.price &&
      Number(b.viewMovePct) === view.atRisk.movePct &&
      Number(b.viewUpUsd) === view.atRisk.up.notionalUsd &&
      Number(b.viewDownUsd) === view.atRisk.down.notionalUsd
    )
      return { state, view };
    seen = `badge ${JSON.stringify(b)} vs stored ${JSON.stringify(view?.atRisk)} at ${view?.price}`;
    await page.waitForTimeout(200);
  }
  throw new Error(`the badge never showed the stored view: ${seen}`);
}

/**
 * The badge's figures are the stored view's: its own at-risk figures as attributes, and the live ones recomputed
 * from the view's bins at the badge's price with the model's rule (equal to the view's at the view's own price).
 */
export function expectBadgeMatchesView(
  state: OverlayState,
  view: ClusterView,
  expected: { price: number; source: string; movePct?: number },
): void {
  const badge = state.badge;
  expect(badge, 'badge').not.toBeNull();
  const b = badge as Record<string, string>;
  // The badge measures the settings' move (the default unless a test changes it), the view its own.
  const move = expected.movePct ?? DEFAULT_PARAMS.movePct;
  expect(b.state).toBe('ok');
  expect(b.asset).toBe(view.asset);
  expect(b.priceSource).toBe(expected.source);
  expect(Number(b.price)).toBe(expected.price);
  expect(Number(b.viewPrice)).toBe(view.price);
  expect(Number(b.viewMovePct)).toBe(view.atRisk.movePct);
  expect(Number(b.viewUpUsd)).toBe(view.atRisk.up.notionalUsd);
  expect(Number(b.viewDownUsd)).toBe(view.atRisk.down.notionalUsd);
  expect(Number(b.movePct)).toBe(move);
  const atViewPrice = expected.price === view.price && move === view.atRisk.movePct;
  const x = move / 100;
  const up = atViewPrice ? view.atRisk.up : { price: expected.price * (1 + x), notionalUsd: 0 };
  const down = atViewPrice ? view.atRisk.down : { price: expected.price * (1 - x), notionalUsd: 0 };
  if (!atViewPrice) {
    up.notionalUsd = atRiskNotional(view.bins, expected.price, 'short', move);
    down.notionalUsd = atRiskNotional(view.bins, expected.price, 'long', move);
  }
  expect(Number(b.upUsd), 'shorts at risk going up').toBe(up.notionalUsd);
  expect(Number(b.downUsd), 'longs at risk going down').toBe(down.notionalUsd);
  expect(Number(b.upPrice)).toBeCloseTo(up.price, 6);
  expect(Number(b.downPrice)).toBeCloseTo(down.price, 6);
  expect(state.badgeText['up-usd']).toBe(formatUsd(up.notionalUsd));
  expect(state.badgeText['down-usd']).toBe(formatUsd(down.notionalUsd));
  const { funding } = venueTotals(view.venues);
  if (funding) {
    expect(Number(b.funding)).toBeCloseTo(funding.rate8h, 12);
    expect(Number(b.fundingVenues)).toBe(funding.venues);
  }
}

/**
 * Runs `action` in the page (a symbol switch) and returns the milliseconds until the badge names `asset`, timed in
 * the page from the call. Reported, not asserted: timings belong to `npm run bench`.
 */
export async function timeToBadgeAsset(
  page: Page,
  asset: string,
  action: string,
  args: unknown[],
): Promise<number> {
  return page.evaluate(
    ([want, name, params]) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const site = (window as unknown as { __site: Record<string, (...a: unknown[]) => unknown> }).__site;
        void site[name as string]?.(...(params as unknown[]));
        const poll = () => {
          const badge = document
            .querySelector('liqlens-overlay')
            ?.shadowRoot?.querySelector<HTMLElement>('[data-liqlens-badge]');
          if (badge?.dataset.asset === want) resolve(performance.now() - start);
          else if (performance.now() - start > 10_000) reject(new Error(`the badge never showed ${want}`));
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    [asset, action, args] as const,
  );
}
