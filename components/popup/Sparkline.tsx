import { formatUsd } from '../../lib/format';
import { formatClock } from '../../lib/realised/clock';
import type { SparkBar } from './realised-model';

interface Props {
  bars: readonly SparkBar[];
  peakUsd: number;
  width?: number;
  height?: number;
}

/**
 * Realised notional a minute over the last hour: shorts liquidated up from the middle line, longs down. A minute in
 * which a feed was down is a hatched gap, never a bar of zero.
 */
export function Sparkline({ bars, peakUsd, width = 180, height = 36 }: Props) {
  const n = Math.max(1, bars.length);
  const step = width / n;
  const mid = height / 2;
  const scale = peakUsd > 0 ? (mid - 1) / peakUsd : 0;
  const first = bars[0];
  const label = first
    ? `Realised liquidations a minute since ${formatClock(first.start)}, peak ${formatUsd(peakUsd)}`
    : 'No realised liquidations yet';
  return (
    <svg
      class="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-field="sparkline"
      data-bars={bars.length}
      data-gaps={bars.filter((b) => b.gap).length}
    >
      <line class="axis" x1={0} x2={width} y1={mid} y2={mid} />
      {bars.map((b, i) => {
        const x = i * step;
        if (b.gap)
          return (
            <rect key={b.start} class="gap" x={x} y={1} width={Math.max(1, step - 0.5)} height={height - 2}>
              <title>{`${formatClock(b.start)}: a feed was down (gap)`}</title>
            </rect>
          );
        const up = b.short * scale;
        const down = b.long * scale;
        return (
          <g key={b.start}>
            <title>{`${formatClock(b.start)}: shorts ${formatUsd(b.short)}, longs ${formatUsd(b.long)}`}</title>
            {up > 0 && (
              <rect class="bar short" x={x} y={mid - up} width={Math.max(1, step - 0.5)} height={up} />
            )}
            {down > 0 && (
              <rect class="bar long" x={x} y={mid} width={Math.max(1, step - 0.5)} height={down} />
            )}
          </g>
        );
      })}
    </svg>
  );
}
