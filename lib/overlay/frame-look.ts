import type { Rect } from '../chart/snapshot';
import { sameRect } from './pan-frame';

export interface FrameLook {
  /** The bridge answered a hello: its next pane is a first one. */
  onReady(): void;
  /** The pane of the geometry the overlay now draws on (null: none). */
  onPane(pane: Rect | null): void;
}

/**
 * When to look for the chart's frames at once rather than at the next page poll (up to a second later): at the
 * first pane after each hello, and whenever the pane moves or resizes (a widget rebuilt, a layout change). A drag in
 * a frame that is not watched yet goes unseen, so a bridge silenced by the page just then would leave the overlay
 * aligned on the old geometry (`onChartMoved`). A pan changes only the scale, so its frames look for nothing.
 */
export function createFrameLook(look: () => void): FrameLook {
  let seen: Rect | null = null;
  return {
    onReady() {
      seen = null;
    },
    onPane(pane) {
      if (pane !== null && !sameRect(seen, pane)) look();
      seen = pane;
    },
  };
}
