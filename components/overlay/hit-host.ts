import type { LaidOut } from '../../lib/overlay/layers/painter';
import type { Frame, HitTarget } from '../../lib/overlay/layers/types';

/** The pointer entered a hover target (its key and element) or left it (null). */
export type HitHover = (key: string | null, el: HTMLElement | null) => void;

interface Placed {
  el: HTMLElement;
  left: number;
  top: number;
  width: number;
  height: number;
  data: Record<string, string | null>;
}

/** Keeps the layers' DOM targets (`Layer.hits`) in a container, one element per key. */
export interface HitHost {
  /** Writes this frame's targets: new keys get an element, gone keys lose theirs, the rest change in place. */
  sync(container: HTMLElement, laidOut: readonly LaidOut[], frame: Frame | null): void;
  /**
   * The same, once the chart stops: a frame of a pan keeps the latest targets, and the host writes them at `flush`
   * or, failing that, at the timer's first look ({@link HIT_RECHECK_MS} on) when no other frame has come for
   * {@link HIT_SETTLE_MS}. A `sync` in between writes its own and drops them.
   */
  syncSettled(container: HTMLElement, laidOut: readonly LaidOut[], frame: Frame | null): void;
  /** Writes the targets a pan left waiting now (the chart has stopped), if any. */
  flush(): void;
  /** Drops targets not written yet and the timer waiting for them. */
  dispose(): void;
}

/**
 * How long the chart holds still before a pan's hit targets are written, when the bridge has not said so first
 * (`flush`). While it moves, nobody can point at a 14 px strip, and writing every strip's box and `data-*` on every
 * frame cost a fifth of the overlay's frame (style invalidation, number formatting, attribute writes).
 */
export const HIT_SETTLE_MS = 80;
/**
 * The timer first looks this long after a pan's first frame, and again this much later while frames still come. The
 * bridge says when the chart stops (`flush`, one frame after the last), so the timer is only the fallback for a
 * `still` that never comes, and stays out of a pan's frames: a timer task costs about as much as a frame's own work
 * on the strips, and a pan that pauses for a frame now and then (a `still`) started a new one each time.
 */
export const HIT_RECHECK_MS = 500;

/** Calls `fn` after `ms`; returns a cancel. */
export type Later = (fn: () => void, ms: number) => () => void;
/** `Later` on the window's timers. */
export const timeout: Later = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

/**
 * The painter's DOM side. Elements are plain DOM outside Preact, so a frame of a pan writes only the boxes and
 * `data-*` that changed (no render, no diff); hover targets report the pointer through `hover`, read when the event
 * fires (so the host may be made once while its owner's callbacks change).
 */
export function createHitHost(
  hover: { current: HitHover },
  later: Later = timeout,
  now: () => number = Date.now,
): HitHost {
  const placed = new Map<string, Placed>();
  const seen = new Set<string>();
  let pending: {
    container: HTMLElement;
    laidOut: readonly LaidOut[];
    frame: Frame | null;
    at: number;
  } | null = null;
  let cancel: (() => void) | null = null;
  const stopWaiting = () => {
    cancel?.();
    cancel = null;
    pending = null;
  };
  // One timer at a time, not one per frame: when it fires while the frames still come, it looks again later.
  const wait = (ms: number) => {
    cancel = later(() => {
      cancel = null;
      if (!pending) return;
      const left = pending.at + HIT_SETTLE_MS - now();
      if (left > 0) return wait(Math.max(left, HIT_RECHECK_MS));
      const { container, laidOut, frame } = pending;
      pending = null;
      write(container, laidOut, frame);
    }, ms);
  };
  const create = (container: HTMLElement, hit: HitTarget): Placed => {
    const el = container.ownerDocument.createElement('div');
    if (hit.hover !== undefined) {
      el.className = 'hit';
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', hit.hover);
      const key = hit.key;
      el.addEventListener('mouseenter', () => hover.current(key, el));
      el.addEventListener('mouseleave', () => hover.current(null, null));
    } else {
      el.className = 'hook';
      el.setAttribute('data-liqlens-hook', hit.key);
    }
    container.append(el);
    return { el, left: Number.NaN, top: Number.NaN, width: Number.NaN, height: Number.NaN, data: {} };
  };
  const place = (p: Placed, hit: HitTarget) => {
    const { el } = p;
    if (p.left !== hit.left) el.style.left = `${hit.left}px`;
    if (p.top !== hit.top) el.style.top = `${hit.top}px`;
    if (p.width !== hit.width) el.style.width = `${hit.width}px`;
    if (p.height !== hit.height) el.style.height = `${hit.height}px`;
    p.left = hit.left;
    p.top = hit.top;
    p.width = hit.width;
    p.height = hit.height;
    for (const name in hit.data) {
      const value = hit.data[name] ?? null;
      if (p.data[name] === value) continue;
      p.data[name] = value;
      if (value === null) el.removeAttribute(`data-${name}`);
      else el.setAttribute(`data-${name}`, value);
    }
  };
  const write = (container: HTMLElement, laidOut: readonly LaidOut[], frame: Frame | null) => {
    seen.clear();
    for (const { layer, layout } of laidOut) {
      if (!layer.hits || !frame) continue;
      for (const hit of layer.hits(layout, frame)) {
        seen.add(hit.key);
        let p = placed.get(hit.key);
        if (p && p.el.parentNode !== container) p = undefined;
        if (!p) {
          p = create(container, hit);
          placed.set(hit.key, p);
        }
        place(p, hit);
      }
    }
    for (const [key, p] of placed) {
      if (seen.has(key)) continue;
      p.el.remove();
      placed.delete(key);
    }
  };
  return {
    sync(container, laidOut, frame) {
      stopWaiting();
      write(container, laidOut, frame);
    },
    syncSettled(container, laidOut, frame) {
      pending = { container, laidOut, frame, at: now() };
      if (!cancel) wait(HIT_RECHECK_MS);
    },
    flush() {
      if (!pending) return;
      const { container, laidOut, frame } = pending;
      stopWaiting();
      write(container, laidOut, frame);
    },
    dispose: stopWaiting,
  };
}
