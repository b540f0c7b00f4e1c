import type { PriceLine } from '../../chart/layout';
import { priceToY } from '../../chart/price-to-y';
import { type BandsData, bandsLayout } from './bands';
import { halo, textState } from './text';
import { FONT_CSS, type Layer, sameItems } from './types';

export interface PaintLine {
  kind: PriceLine['kind'] | 'price';
  price: number;
  /** Bitmap px, at a pixel centre for odd widths so that the line is crisp. */
  y: number;
  width: number;
  dash: number[];
  color: string;
  /** Left-aligned on its alphabetic baseline, at whole bitmap px. */
  label: { text: string; x: number; y: number } | null;
}

export interface LinesLayout {
  /** Canvas size in bitmap px. */
  width: number;
  dpr: number;
  lines: PaintLine[];
}

export const LINE_COLOR = '#c9ced8';

/**
 * The price lines: the at-risk move's dashed lines above and below the price, each labelled "+3.0 % 97,850" (3 px
 * above the up line, a font height + 3 px below the down line), and on the ladder a solid line at the live price.
 * Lines are crisp: at a device pixel centre when their width is odd.
 */
export const linesLayer: Layer<BandsData, LinesLayout> = {
  id: 'lines',
  surfaces: ['pane', 'ladder'],
  layout(data, frame) {
    const bands = bandsLayout(data, frame);
    const { dpr } = frame;
    const fontPx = Math.round(FONT_CSS[frame.surface] * dpr);
    const lineWidth = Math.max(1, Math.round(dpr));
    const crisp = (cssY: number) => Math.round(cssY * dpr) + (lineWidth % 2 === 1 ? 0.5 : 0);
    const lines: PaintLine[] = bands.lines.map((line) => ({
      kind: line.kind,
      price: line.price,
      y: crisp(line.y),
      width: lineWidth,
      dash: [4 * dpr, 4 * dpr],
      color: LINE_COLOR,
      // The label's baseline on a whole bitmap row (the line itself may sit at a pixel centre): drawn from a sprite.
      label: {
        text: line.label,
        x: Math.round(4 * dpr),
        y:
          Math.round(line.y * dpr) +
          (line.kind === 'move-up' ? -Math.round(3 * dpr) : Math.round(3 * dpr) + fontPx),
      },
    }));
    if (frame.surface === 'ladder') {
      const y = priceToY(frame.scale, frame.price);
      if (y !== null && y >= 0 && y <= frame.height - 1) {
        lines.push({
          kind: 'price',
          price: frame.price,
          y: crisp(y),
          width: lineWidth,
          dash: [],
          color: LINE_COLOR,
          label: null,
        });
      }
    }
    return lines.length ? { width: bands.width, dpr, lines } : null;
  },
  same(a, b) {
    if (a === b) return true;
    return a.width === b.width && a.dpr === b.dpr && sameItems(a.lines, b.lines, sameLine);
  },
  paint(ctx, layout, { font, sprites }) {
    // The context's dash, set only when it changes (each setLineDash copies the array into the canvas state): the
    // layers leave it solid.
    let dash = SOLID;
    const setDash = (next: number[]) => {
      if (sameDash(dash, next)) return;
      ctx.setLineDash(next);
      dash = next;
    };
    for (const line of layout.lines) {
      ctx.globalAlpha = line.kind === 'price' ? 0.9 : 0.75;
      ctx.strokeStyle = line.color;
      ctx.lineWidth = line.width;
      setDash(line.dash);
      ctx.beginPath();
      ctx.moveTo(0, line.y);
      ctx.lineTo(layout.width, line.y);
      ctx.stroke();
      if (line.label) {
        const { text, x, y } = line.label;
        // A sprite is an image: the dash does not apply to it. Text drawn directly needs the text state.
        if (sprites?.(ctx, text, x, y, line.color, font, layout.dpr, 'left')) continue;
        setDash(SOLID);
        textState(ctx, font, 'left', 'alphabetic');
        halo(ctx, layout.dpr, text, x, y, line.color);
      }
    }
    setDash(SOLID);
    ctx.globalAlpha = 1;
  },
};

/** No dash (never changed: it is handed to the canvas as is). */
const SOLID: number[] = [];

const sameDash = (a: readonly number[], b: readonly number[]): boolean =>
  a === b || sameItems(a, b, (x, y) => x === y);

function sameLine(a: PaintLine, b: PaintLine): boolean {
  return (
    a.kind === b.kind &&
    a.y === b.y &&
    a.width === b.width &&
    a.color === b.color &&
    sameDash(a.dash, b.dash) &&
    (a.label === b.label ||
      (a.label !== null &&
        b.label !== null &&
        a.label.text === b.label.text &&
        a.label.x === b.label.x &&
        a.label.y === b.label.y))
  );
}
