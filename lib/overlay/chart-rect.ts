import { CHART_FRAMES } from '../chart/bridge/read-chart';
import type { Rect } from '../chart/snapshot';

/** The part of `Element` the search uses. */
export interface ElementLike {
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
}

export interface DocumentLike {
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

/**
 * Chart containers on the supported pages: the Charting Library frames where the bridge looks for them (OKX's and
 * Hyperliquid's have no `tradingview_` id), then any canvas (native charts).
 */
const CHART_SELECTOR = `${CHART_FRAMES}, canvas`;
const MIN_WIDTH = 240;
const MIN_HEIGHT = 160;

/**
 * Where to dock the ladder when the chart gave no usable geometry: the largest visible chart-like element within
 * the viewport (clipped to it), or null. Only an anchor for a panel that is not aligned to anything, so a heuristic
 * is fine here, unlike for bands.
 */
export function findChartRect(doc: DocumentLike, viewport: { width: number; height: number }): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  const found = doc.querySelectorAll(CHART_SELECTOR);
  for (let i = 0; i < found.length; i++) {
    const r = found[i]?.getBoundingClientRect();
    if (!r) continue;
    const left = Math.max(0, r.left);
    const top = Math.max(0, r.top);
    const right = Math.min(viewport.width, r.left + r.width);
    const bottom = Math.min(viewport.height, r.top + r.height);
    const width = right - left;
    const height = bottom - top;
    if (width < MIN_WIDTH || height < MIN_HEIGHT) continue;
    if (width * height > bestArea) {
      bestArea = width * height;
      best = { left, top, width, height };
    }
  }
  return best;
}

/** A snapshot's pane, when it can anchor the ladder: on screen and of a usable size. */
export function usableDock(rect: Rect | null, viewport: { width: number; height: number }): Rect | null {
  if (!rect) return null;
  const left = Math.max(0, rect.left);
  const top = Math.max(0, rect.top);
  const width = Math.min(viewport.width, rect.left + rect.width) - left;
  const height = Math.min(viewport.height, rect.top + rect.height) - top;
  return width >= MIN_WIDTH && height >= MIN_HEIGHT ? { left, top, width, height } : null;
}
