import {
  layoutRealisedMarks,
  MARK_AGE_SPAN_CSS,
  MARK_MAX_R_CSS,
  type MarkPrint,
  type MarksLayout,
  sameMarks,
} from '../realised-marks';
import { bitmapSize, type Canvas2D, type Frame, type Layer, lanesFor, RIGHT_LANES } from './types';

/** The realised prints of the last hour for the page's asset, as of `now`, and the colours of the two sides. */
export interface PrintsData {
  prints: readonly MarkPrint[];
  now: number;
  longColor: string;
  shortColor: string;
}

/**
 * CSS px along the pane's right edge that the marks' canvas covers: the hover strips, the drift of a disc with age,
 * the largest disc's diameter, and room for its outline. The marks are repainted on every frame of a pan, and a
 * canvas costs the browser in proportion to its size each time it is repainted, so the marks have a canvas of this
 * width rather than one the size of the pane.
 */
export const MARKS_LANE_CSS = RIGHT_LANES.strip.width + MARK_AGE_SPAN_CSS + 2 * MARK_MAX_R_CSS + 4;

/**
 * The frame of the marks' canvas for a pane frame: the pane's scale and height, MARKS_LANE_CSS wide (a whole number
 * of bitmap px), or the whole pane when narrower. Placed with its right edge on the pane canvas's, it is on the same
 * device-pixel grid: its left edge is the pane canvas's bitmap width less its own.
 */
export function marksLane(frame: Frame): Frame {
  const paneWidth = bitmapSize(frame).width;
  return { ...frame, width: Math.min(paneWidth, Math.ceil(MARKS_LANE_CSS * frame.dpr)) / frame.dpr };
}

/** Paints a marks layout on a whole canvas (it clears the canvas first). */
export type MarksPainter = (ctx: Canvas2D, layout: MarksLayout) => void;

/**
 * The realised prints: discs at their price along the pane's right edge, left of the bands' hover strips, sized by
 * notional and fading with age (lib/overlay/realised-marks.ts lays them out). The marks painter clears its canvas,
 * so this layer is painted alone on a canvas of its own, laid out for that canvas's frame (`marksLane`): a new print
 * then repaints only the marks, never the bands. The painter is handed in (it lives with the UI's canvas code).
 */
export function makePrintsLayer(paintMarks: MarksPainter): Layer<PrintsData, MarksLayout> {
  return {
    id: 'prints',
    surfaces: ['pane'],
    layout(data, frame) {
      return layoutRealisedMarks(data.prints, {
        width: frame.width,
        height: frame.height,
        dpr: frame.dpr,
        scale: frame.scale,
        now: data.now,
        longColor: data.longColor,
        shortColor: data.shortColor,
        rightInsetCss: lanesFor(frame.surface).strip.width,
      });
    },
    same: sameMarks,
    paint: (ctx, layout) => paintMarks(ctx, layout),
  };
}
