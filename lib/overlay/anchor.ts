import type { Rect } from '../chart/snapshot';
import type { BadgeCorner } from '../settings/schema';

/** CSS for a `position: fixed` box in one corner of `rect`, in viewport px; only the two sides it sticks to. */
export interface CornerPlacement {
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
  /** Room from that corner to the opposite edge of the rect. */
  maxHeight: number;
  maxWidth: number;
}

export const CORNER_MARGIN = 8;

/**
 * Places the badge (and the docked ladder under it) in a corner of the chart: right and bottom are measured from the
 * viewport's right and bottom edges so that the box grows inwards from its corner whatever its size.
 */
export function cornerPlacement(
  rect: Rect,
  corner: BadgeCorner,
  viewport: { width: number; height: number },
  margin = CORNER_MARGIN,
): CornerPlacement {
  const placement: CornerPlacement = {
    maxHeight: Math.max(0, rect.height - 2 * margin),
    maxWidth: Math.max(0, rect.width - 2 * margin),
  };
  if (corner.endsWith('left')) placement.left = rect.left + margin;
  else placement.right = viewport.width - (rect.left + rect.width) + margin;
  if (corner.startsWith('top')) placement.top = rect.top + margin;
  else placement.bottom = viewport.height - (rect.top + rect.height) + margin;
  return placement;
}

/** The viewport itself as a rect: the anchor of last resort. */
export const viewportRect = (viewport: { width: number; height: number }): Rect => ({
  left: 0,
  top: 0,
  width: viewport.width,
  height: viewport.height,
});
