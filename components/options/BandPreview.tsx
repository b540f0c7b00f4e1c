import { formatSignedPercent, formatUsd } from '../../lib/format';
import type { Settings } from '../../lib/settings/schema';

interface Props {
  display: Settings['display'];
  movePct: number;
}

const W = 320;
const H = 150;
/** Sample bands in pane rows (0 = top) with notional: shorts above the price line, longs below. */
const SAMPLE = [
  { side: 'short', y: 14, h: 12, usd: 0.6e9 },
  { side: 'short', y: 40, h: 16, usd: 1.4e9 },
  { side: 'long', y: 92, h: 18, usd: 1.3e9 },
  { side: 'long', y: 126, h: 10, usd: 0.4e9 },
] as const;
const PRICE_Y = 70;

/** What the bands will look like on a chart with these colours, this opacity and this badge corner. */
export function BandPreview({ display, movePct }: Props) {
  const valid = (c: string) => /^#[0-9a-fA-F]{6}$/.test(c);
  const long = valid(display.longColor) ? display.longColor : '#888888';
  const short = valid(display.shortColor) ? display.shortColor : '#888888';
  const opacity = Number.isFinite(display.opacity) ? Math.min(1, Math.max(0, display.opacity)) : 0.35;
  const max = Math.max(...SAMPLE.map((b) => b.usd));
  const corner = display.badgeCorner;
  const badgeX = corner.endsWith('left') ? 6 : W - 146;
  const badgeY = corner.startsWith('top') ? 6 : H - 38;
  return (
    <figure class="preview">
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Preview of long and short bands with the chosen colours and opacity"
      >
        <title>Band colour preview</title>
        <rect x={0} y={0} width={W} height={H} class="preview-pane" />
        {SAMPLE.map((b) => (
          <g key={b.y} data-side={b.side}>
            <rect
              x={0}
              y={b.y}
              width={W}
              height={b.h}
              fill={b.side === 'long' ? long : short}
              fill-opacity={opacity * (b.usd / max)}
            />
            <text x={W - 44} y={b.y + b.h / 2 + 3.5} class="preview-label" text-anchor="end">
              {b.side === 'long' ? 'Longs' : 'Shorts'} {formatUsd(b.usd)}
            </text>
          </g>
        ))}
        <line x1={0} x2={W} y1={PRICE_Y} y2={PRICE_Y} class="preview-price" />
        <g transform={`translate(${badgeX} ${badgeY})`}>
          <rect width={140} height={32} rx={4} class="preview-badge" />
          <text x={6} y={13} class="preview-badge-text" fill={short}>
            ↑ Shorts $1.5B {formatSignedPercent(movePct)}
          </text>
          <text x={6} y={26} class="preview-badge-text" fill={long}>
            ↓ Longs $1.4B {formatSignedPercent(-movePct)}
          </text>
        </g>
      </svg>
      <figcaption class="hint">
        The largest band is drawn at the chosen opacity; smaller ones fainter.
      </figcaption>
    </figure>
  );
}
