import { layoutRealisedMarks, type MarkPrint, type MarksLayout, sameMarks } from '../realised-marks';
import { type Canvas2D, type Layer, lanesFor } from './types';

/** The realised prints of the last hour for the page's asset, as of `now`, and the colours of the two sides. */
export interface PrintsData {
  prints: readonly MarkPrint[];
  now: number;
  longColor: string;
  shortColor: string;
}

/** Paints a marks layout on a whole canvas (it clears the canvas first). */
export type MarksPainter = (ctx: Canvas2D, layout: MarksLayout) => void;

/**
 * The realised prints: discs at their price along the pane's right edge, left of the bands' hover strips, sized by
 * notional and fading with age (lib/overlay/realised-marks.ts lays them out). The marks painter clears its canvas,
 * so this layer is painted alone on a canvas of its own: a new print then repaints only the marks, never the bands.
 * The painter is handed in (it lives with the UI's canvas code).
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
