import { formatUsd } from '../../lib/format/money';
import type { DayFigures } from '../../lib/track-record/aggregate';

const DAY_MS = 86_400_000;
const WIDTH = 210;
const HEIGHT = 44;

interface Props {
  daily: readonly DayFigures[];
  /** The first day of the 7 (ms, any time in it). */
  from: number;
}

/**
 * Seven days, one pair of bars a day: estimated notional of the bands price swept (outline) and the
 * realised liquidations in them (filled), on one linear scale. A day without a swept band is empty.
 */
export function TrackRecordChart({ daily, from }: Props) {
  const first = Math.floor(from / DAY_MS) * DAY_MS;
  const days = Array.from({ length: 8 }, (_, i) => first + i * DAY_MS);
  const byDay = new Map(daily.map((d) => [d.day, d]));
  const max = Math.max(1, ...daily.map((d) => Math.max(d.estimatedUsd, d.realisedUsd)));
  const slot = WIDTH / days.length;
  const bar = (usd: number) => (usd / max) * (HEIGHT - 2);
  const label = daily
    .map(
      (d) =>
        `${new Date(d.day).toISOString().slice(5, 10)}: estimated ${formatUsd(d.estimatedUsd)}, realised ${formatUsd(d.realisedUsd)}`,
    )
    .join('; ');
  return (
    <svg
      class="track-record-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label ? `Swept bands per day, estimated against realised: ${label}` : 'No swept band yet'}
      data-field="track-record-chart"
    >
      <line x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} class="axis" />
      {days.map((day, i) => {
        const d = byDay.get(day);
        if (!d) return null;
        const x = i * slot + 2;
        const w = (slot - 6) / 2;
        return (
          <g key={day} data-day={new Date(day).toISOString().slice(0, 10)}>
            <rect
              class="estimated"
              x={x}
              y={HEIGHT - 1 - bar(d.estimatedUsd)}
              width={w}
              height={bar(d.estimatedUsd)}
            />
            <rect
              class="realised"
              x={x + w + 1}
              y={HEIGHT - 1 - bar(d.realisedUsd)}
              width={w}
              height={bar(d.realisedUsd)}
            />
          </g>
        );
      })}
    </svg>
  );
}
