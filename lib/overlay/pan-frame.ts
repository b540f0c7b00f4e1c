import type { Rect } from '../chart/snapshot';
import type { OverlayViewState } from './view-state';

export const sameRect = (a: Rect | null, b: Rect | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.left === b.left &&
    a.top === b.top &&
    a.width === b.width &&
    a.height === b.height);

/**
 * True when `next` differs from `prev` only in the price scale of an aligned pane that stayed where it was: a frame
 * of a pan or a zoom. Every other field must be the very same value or object (the controller keeps them by
 * identity while only the geometry moves), so that the bands, their texts, the badge and the dock are known to be
 * as they were and only the pane's rows need redrawing.
 */
export function onlyScaleMoved(prev: OverlayViewState, next: OverlayViewState): boolean {
  if (prev === next || prev.mode !== 'aligned' || next.mode !== 'aligned') return false;
  const a = prev.geometry;
  const b = next.geometry;
  if (a === null || b === null || a === b || !sameRect(a.pane, b.pane)) return false;
  for (const key of Object.keys(next) as (keyof OverlayViewState)[]) {
    if (key !== 'geometry' && prev[key] !== next[key]) return false;
  }
  return Object.keys(prev).length === Object.keys(next).length;
}
