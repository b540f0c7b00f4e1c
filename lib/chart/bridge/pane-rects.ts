import { type ChartHandle, measurePane, type PaneRect, paneElement } from './read-chart';

/**
 * Even when nothing said the pane moved, its rect is measured again this often: a layout shift that no event reports
 * (a CSS transition, or an image above the chart loading in a browser without layout-shift entries) is followed
 * within this long.
 */
export const PANE_REFRESH_MS = 500;

type Observer = { observe(target: Element): void; disconnect(): void };
type ObserverCtor = new (callback: () => void) => Observer;
type ShiftObserver = { observe(options: { type: string }): void; disconnect(): void };
type ShiftObserverCtor = (new (
  callback: () => void,
) => ShiftObserver) & {
  supportedEntryTypes?: readonly string[];
};

/** A PerformanceObserver of `layout-shift` entries in `w` (Chromium: an element in view moved), or null. */
function layoutShiftsIn(w: Window, mark: () => void): ShiftObserver | null {
  const Ctor = (w as unknown as { PerformanceObserver?: ShiftObserverCtor }).PerformanceObserver;
  if (typeof Ctor !== 'function' || !Ctor.supportedEntryTypes?.includes('layout-shift')) return null;
  try {
    const observer = new Ctor(mark);
    observer.observe({ type: 'layout-shift' });
    return observer;
  } catch {
    return null;
  }
}

export interface PaneRects {
  /**
   * The main pane's rect: measured (`getBoundingClientRect`, which forces the page's pending layout) only when it
   * may have changed since the last measure, else the last one. `apiHeight` is the chart API's pane height this
   * frame: when it differs from the measured height, the pane is measured again at once.
   */
  read(index: number, apiHeight: number | null): PaneRect | null;
  /** Stops listening (the chart handle was released). */
  dispose(): void;
}

/**
 * The pane's rect for one chart handle, measured again only when it may have moved: a scroll anywhere in the top
 * document or the chart's frame (captured), a resize of either window, a size change of the pane cell or of the
 * chart's iframe (ResizeObserver), a layout shift in either document (Chromium's `layout-shift` entries: an image
 * above the chart loading), another pane element, a pane height from the chart API that the last measure does not
 * match, and at the latest after PANE_REFRESH_MS. Between those the chart's geometry is read from its API
 * alone, every frame, as before; only the DOM measure is kept.
 */
export function createPaneRects(handle: ChartHandle, win: Window, now: () => number): PaneRects {
  let cached: { index: number; el: Element; rect: PaneRect; at: number } | null = null;
  let dirty = true;
  const mark = () => {
    dirty = true;
  };
  const frameWin = (() => {
    try {
      return handle.frame?.contentWindow ?? null;
    } catch {
      return null;
    }
  })();
  const windows = frameWin && frameWin !== win ? [win, frameWin] : [win];
  const listening = { capture: true, passive: true };
  for (const w of windows) {
    w.addEventListener('scroll', mark, listening);
    w.addEventListener('resize', mark);
  }
  const shifts = windows.map((w) => layoutShiftsIn(w, mark));
  const observerIn = (w: Window | null): Observer | null => {
    const Ctor = (w as unknown as { ResizeObserver?: ObserverCtor } | null)?.ResizeObserver;
    return typeof Ctor === 'function' ? new Ctor(mark) : null;
  };
  // Each element is observed by its own document's observer.
  const outer = handle.frame ? observerIn(win) : null;
  if (handle.frame) outer?.observe(handle.frame);
  const inner = observerIn(handle.doc.defaultView);
  let observed: Element | null = null;

  return {
    read(index, apiHeight) {
      const el = paneElement(handle.doc, index);
      if (!el) {
        cached = null;
        return null;
      }
      const t = now();
      if (
        !dirty &&
        cached !== null &&
        cached.el === el &&
        cached.index === index &&
        t - cached.at < PANE_REFRESH_MS &&
        (apiHeight === null || apiHeight === cached.rect.inner.height)
      )
        return cached.rect;
      if (el !== observed) {
        inner?.disconnect();
        inner?.observe(el);
        observed = el;
      }
      dirty = false;
      const rect = measurePane(handle, el);
      cached = { index, el, rect, at: t };
      return rect;
    },
    dispose() {
      for (const w of windows) {
        w.removeEventListener('scroll', mark, listening);
        w.removeEventListener('resize', mark);
      }
      outer?.disconnect();
      inner?.disconnect();
      for (const observer of shifts) observer?.disconnect();
      cached = null;
    },
  };
}
