import { bandTexts } from '../../chart/layout';
import { type BandsData, bandsLayout } from './bands';
import { halo, TEXT, textState } from './text';
import { FONT_CSS, type Frame, type Layer, lanesFor, sameItems } from './types';

export interface PaintLabel {
  text: string;
  /** Bitmap px; right-aligned at x, vertically centred on y. */
  x: number;
  y: number;
  color: string;
}

export interface LabelsLayout {
  dpr: number;
  labels: PaintLabel[];
}

/**
 * The ladder's edge notes (components/overlay/Ladder.tsx) stack in its top and bottom right corners: one takes
 * NOTE_ROW CSS px (10 px text × line height 1.35, the 1 px gap), NOTE_EDGE px from the edge. Labels keep clear.
 */
export const NOTE_ROW = 15;
export const NOTE_EDGE = 2;

/** CSS px kept free of labels at the surface's top and bottom: the ladder's edge notes, nothing on the pane. */
function margins(
  edges: readonly { edge: 'top' | 'bottom' }[],
  frame: Frame,
): { top: number; bottom: number } {
  if (frame.surface === 'pane') return { top: 0, bottom: 0 };
  let top = 0;
  let bottom = 0;
  for (const e of edges) {
    if (e.edge === 'top') top++;
    else bottom++;
  }
  return { top: top ? NOTE_EDGE + top * NOTE_ROW : 0, bottom: bottom ? NOTE_EDGE + bottom * NOTE_ROW : 0 };
}

/**
 * The bands' labels, right-aligned in the `labels` lane (left of the profile) and centred on their band's painted
 * rows, clamped inside the surface and its margins. The largest bands claim their row first; a label that would
 * overlap one already placed is left out. "Shorts $9.6B · +2.0 %" on the pane, "$9.6B +2.0 %" on the narrow ladder.
 */
export const labelsLayer: Layer<BandsData, LabelsLayout> = {
  id: 'labels',
  surfaces: ['pane', 'ladder'],
  layout(data, frame) {
    const bands = bandsLayout(data, frame);
    if (bands.bands.length === 0) return null;
    const { dpr } = frame;
    const fontPx = Math.round(FONT_CSS[frame.surface] * dpr);
    const boxH = fontPx + Math.round(4 * dpr);
    const x = bands.width - Math.round((lanesFor(frame.surface).labels.right + 4) * dpr);
    const margin = margins(bands.edges, frame);
    const marginTop = Math.round(margin.top * dpr);
    const marginBottom = Math.round(margin.bottom * dpr);
    const order = [...bands.rects.keys()].sort(
      (a, b) => (bands.rects[b]?.band.notionalUsd ?? 0) - (bands.rects[a]?.band.notionalUsd ?? 0),
    );
    const placed: number[] = [];
    const labels: PaintLabel[] = [];
    for (const i of order) {
      const rect = bands.rects[i];
      const band = bands.bands[i];
      if (!rect || !band) continue;
      const centre = Math.min(
        Math.max(band.y + band.h / 2, boxH / 2 + marginTop),
        bands.height - boxH / 2 - marginBottom,
      );
      if (placed.some((y) => Math.abs(y - centre) < boxH)) continue;
      placed.push(centre);
      const text = frame.surface === 'pane' ? rect.label : bandTexts(rect.band, frame.price).short;
      labels.push({ text, x, y: Math.round(centre), color: rect.color });
    }
    return { dpr, labels };
  },
  same(a, b) {
    if (a === b) return true;
    return (
      a.dpr === b.dpr &&
      sameItems(
        a.labels,
        b.labels,
        (p, q) => p.text === q.text && p.x === q.x && p.y === q.y && p.color === q.color,
      )
    );
  },
  /** Each label from a pre-rendered sprite when the host has them (one drawImage), else as haloed text. */
  paint(ctx, layout, { font, sprites }) {
    let direct = false;
    for (const label of layout.labels) {
      if (sprites?.(ctx, label.text, label.x, label.y, TEXT, font, layout.dpr, 'right')) continue;
      if (!direct) textState(ctx, font, 'right', 'middle');
      direct = true;
      halo(ctx, layout.dpr, label.text, label.x, label.y, TEXT);
    }
  },
};
