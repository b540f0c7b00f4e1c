import { formatPrice, formatSignedPercent, formatUsd } from '../../lib/format';
import type { LadderLayout } from './ladder-layout';

interface Props {
  ladder: LadderLayout;
  price: number;
  /** Marks the at-risk move each way on the axis. */
  movePct: number;
  width?: number;
  rowHeight?: number;
}

const AXIS = 44;

/** The map around the price as horizontal bars, long then short, highest price at the top. */
export function Ladder({ ladder, price, movePct, width = 128, rowHeight = 7 }: Props) {
  const { rows, maxUsd } = ladder;
  const barWidth = width - AXIS - 6;
  const height = rows.length * rowHeight;
  const top = rows[0];
  const bottom = rows[rows.length - 1];
  const scale = (usd: number) => (maxUsd > 0 ? (usd / maxUsd) * barWidth : 0);
  // Price → y, linear over the rows (each row is an equal price step).
  const yOf = (p: number) => (top ? ((top.high - p) / (top.high - (bottom?.low ?? top.low))) * height : 0);
  const step = top ? top.high - top.low : 1;
  const summary =
    top && bottom
      ? `Liquidation map from ${formatPrice(bottom.low)} to ${formatPrice(top.high)}; largest row ${formatUsd(maxUsd)}`
      : 'Liquidation map';
  const marks = [
    { p: price * (1 + movePct / 100), label: formatSignedPercent(movePct, 1), cls: 'short' },
    { p: price * (1 - movePct / 100), label: formatSignedPercent(-movePct, 1), cls: 'long' },
  ].filter((m) => m.p <= (top?.high ?? 0) && m.p >= (bottom?.low ?? 0));
  return (
    <svg
      class="ladder"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={summary}
    >
      <title>{summary}</title>
      {rows.map((r, i) => {
        const y = i * rowHeight;
        const longW = scale(r.long);
        const shortW = scale(r.short);
        return (
          <g key={r.low}>
            {r.band && <rect x={0} y={y} width={2} height={rowHeight} class={`band-mark ${r.band}`} />}
            {longW > 0 && <rect x={4} y={y + 0.5} width={longW} height={rowHeight - 1} class="bar long" />}
            {shortW > 0 && (
              <rect x={4 + longW} y={y + 0.5} width={shortW} height={rowHeight - 1} class="bar short" />
            )}
          </g>
        );
      })}
      {marks.map((m) => (
        <g key={m.cls}>
          <line x1={0} x2={barWidth + 6} y1={yOf(m.p)} y2={yOf(m.p)} class={`move-line ${m.cls}`} />
          <text x={width} y={yOf(m.p) + 3} class="axis" text-anchor="end">
            {m.label}
          </text>
        </g>
      ))}
      <line x1={0} x2={barWidth + 6} y1={yOf(price)} y2={yOf(price)} class="price-line" />
      <text x={width} y={yOf(price) + 3} class="axis current" text-anchor="end">
        {formatPrice(price)}
      </text>
      {top && (
        <text x={width} y={8} class="axis" text-anchor="end">
          {formatPrice(top.high, { step })}
        </text>
      )}
      {bottom && (
        <text x={width} y={height - 1} class="axis" text-anchor="end">
          {formatPrice(bottom.low, { step })}
        </text>
      )}
    </svg>
  );
}
