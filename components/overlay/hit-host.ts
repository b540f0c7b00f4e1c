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
}

/**
 * The painter's DOM side. Elements are plain DOM outside Preact, so a frame of a pan writes only the boxes and
 * `data-*` that changed (no render, no diff); hover targets report the pointer through `hover`, read when the event
 * fires (so the host may be made once while its owner's callbacks change).
 */
export function createHitHost(hover: { current: HitHover }): HitHost {
  const placed = new Map<string, Placed>();
  const seen = new Set<string>();
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
  return {
    sync(container, laidOut, frame) {
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
    },
  };
}
