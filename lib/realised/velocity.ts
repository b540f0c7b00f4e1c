import { formatUsd } from '../format';
import type { RealisedSummary } from '../liquidations/types';
import type { Side } from '../model/cluster-view';
import { formatClock } from './clock';
import { gapsIn, openGap, venueLabel } from './feeds';

export const VELOCITY_WINDOW_MS = 5 * 60_000;

export interface VelocityLine {
  /** The side with more notional liquidated in the last 5 minutes; null when there is no figure to show. */
  side: Side | null;
  usd: number | null;
  /** "↑ shorts $42M liquidated in 5 min", "≥ …" when a feed gap overlaps the 5 minutes, or why there is no figure. */
  text: string;
  /** Which feeds had a gap in the window: "Bybit gap since 14:05" (still open), "Bybit gap 14:05–14:06"; else null. */
  gap: string | null;
}

/**
 * The badge's and the popup's velocity line from a realised summary. Shorts liquidated push the price up (↑),
 * longs down (↓). A feed gap is never read as zero: with every feed down there is no figure, and with some down
 * the figure is a lower bound ("≥").
 */
export function velocityLine(summary: Pick<RealisedSummary, 'now' | 'velocity5m' | 'feeds'>): VelocityLine {
  const { now, velocity5m, feeds } = summary;
  const from = now - VELOCITY_WINDOW_MS;
  const on = feeds.filter((f) => f.state !== 'off');
  const gapped = on.filter((f) => gapsIn(f, from, now, now).length > 0);
  const down = on.filter((f) => f.state !== 'live' || openGap(f) !== null);
  if (on.length === 0) return { side: null, usd: null, text: 'no realised feed connected', gap: null };
  const since = (list: typeof on) => {
    const starts = list.flatMap((f) => gapsIn(f, from, now, now).map((g) => g.from));
    return starts.length ? Math.min(...starts) : null;
  };
  /** "gap since 14:05" while one is open, else "gap 14:05–14:06" from the first start to the last end. */
  const gapText = (list: typeof on) => {
    const gaps = list.flatMap((f) => gapsIn(f, from, now, now));
    const start = formatClock(Math.min(...gaps.map((g) => g.from)));
    if (gaps.some((g) => g.to === null)) return `gap since ${start}`;
    return `gap ${start}–${formatClock(Math.max(...gaps.map((g) => g.to ?? now)))}`;
  };
  if (down.length === on.length) {
    const start = since(down);
    const text =
      start === null ? 'realised feeds connecting' : `no realised feed since ${formatClock(start)}`;
    return { side: null, usd: null, text, gap: null };
  }
  const gap = gapped.length
    ? `${gapped.map((f) => venueLabel(f.venue)).join(', ')} ${gapText(gapped)}`
    : null;
  const lowerBound = gap ? '≥ ' : '';
  const side: Side = velocity5m.short >= velocity5m.long ? 'short' : 'long';
  const usd = velocity5m[side];
  if (usd <= 0) return { side: null, usd: 0, text: `${lowerBound}$0 liquidated in 5 min`, gap };
  const arrow = side === 'short' ? '↑' : '↓';
  return { side, usd, text: `${arrow} ${side}s ${lowerBound}${formatUsd(usd)} liquidated in 5 min`, gap };
}
