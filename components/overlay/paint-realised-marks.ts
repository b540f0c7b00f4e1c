import type { Canvas2D } from '../../lib/overlay/layers/types';
import type { MarksLayout, RealisedMark } from '../../lib/overlay/realised-marks';

/** The part of a 2D context the marks painter uses (a recording fake in tests). */
export type MarksCanvas2D = Pick<
  Canvas2D,
  | 'globalAlpha'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'arc'
  | 'fill'
  | 'stroke'
>;

const OUTLINE = 'rgba(10, 12, 18, 0.6)';

/** Marks of one fill, reused from frame to frame (cleared, not reallocated). */
const groups: RealisedMark[][] = Array.from({ length: 42 }, () => []);

/**
 * Paints a marks layout in bitmap px: each group of one colour and opacity is one path (filled, then outlined), so
 * 500 marks cost a handful of fills, not 500. Groups are painted in the order of their newest mark: recent prints
 * stay on top.
 */
export function paintRealisedMarks(ctx: MarksCanvas2D, layout: MarksLayout): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  if (!layout.marks.length) return;
  for (const g of groups) g.length = 0;
  for (const mark of layout.marks) (groups[mark.group] as RealisedMark[]).push(mark);
  // Marks are in time order, so each group's last mark is its newest.
  const ordered = groups
    .filter((g) => g.length > 0)
    .sort((a, b) => (a[a.length - 1] as RealisedMark).time - (b[b.length - 1] as RealisedMark).time);
  ctx.lineWidth = Math.max(1, Math.round(layout.dpr));
  ctx.strokeStyle = OUTLINE;
  for (const group of ordered) {
    const first = group[0] as RealisedMark;
    ctx.beginPath();
    for (const m of group) {
      ctx.moveTo(m.x + m.r, m.y);
      ctx.arc(m.x, m.y, m.r, 0, Math.PI * 2);
    }
    ctx.globalAlpha = first.alpha;
    ctx.fillStyle = first.color;
    ctx.fill();
    ctx.globalAlpha = Math.min(1, first.alpha + 0.1);
    ctx.stroke();
  }
  for (const g of ordered) g.length = 0;
  ctx.globalAlpha = 1;
}
