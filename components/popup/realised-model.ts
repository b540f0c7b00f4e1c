import { formatUsd } from '../../lib/format';
import type { FeedStatus, RealisedSummary, RealisedTotals } from '../../lib/liquidations/types';
import { formatClock } from '../../lib/realised/clock';
import {
  COVERAGE,
  type CoverageWord,
  feedStateText,
  gapsIn,
  REALISED_VENUES,
  type RealisedVenue,
  venueLabel,
} from '../../lib/realised/feeds';
import { type VelocityLine, velocityLine } from '../../lib/realised/velocity';

const HOUR = 3_600_000;

export interface WindowTotals {
  long: number;
  short: number;
  /** "$12.3M", "≥ $12.3M" when a feed gap overlaps the window (a lower bound), "gap" when that bound would be $0. */
  longText: string;
  shortText: string;
  complete: boolean;
}

export interface RealisedVenueRow {
  venue: RealisedVenue;
  label: string;
  coverage: CoverageWord;
  coverageNote: string;
  /** "live", "gap since 14:05", … ; null for a venue with no feed. */
  state: string | null;
  h1: { long: string; short: string } | null;
  h24: { long: string; short: string } | null;
  /** Closed and open gaps in the last 24 h, as "14:05–14:07" or "since 14:05". */
  gaps: string[];
  rejected: number;
}

export interface SparkBar {
  start: number;
  long: number;
  short: number;
  /** A feed had no connection during this minute: drawn as a gap, not as a height. */
  gap: boolean;
}

export interface RealisedPopupModel {
  velocity: VelocityLine;
  h1: WindowTotals;
  h24: WindowTotals;
  venues: RealisedVenueRow[];
  bars: SparkBar[];
  /** The largest bar (long or short), for the sparkline's scale. */
  peakUsd: number;
  marks: number;
}

/** A total: "$12.3M"; "≥ $12.3M" when a gap overlaps its window; "gap" when a gap leaves nothing to bound it by. */
function totalText(usd: number, complete: boolean): string {
  if (complete) return formatUsd(usd);
  return usd > 0 ? `≥ ${formatUsd(usd)}` : 'gap';
}

function totals(t: RealisedTotals): WindowTotals {
  return {
    long: t.long,
    short: t.short,
    longText: totalText(t.long, t.complete),
    shortText: totalText(t.short, t.complete),
    complete: t.complete,
  };
}

function gapTexts(feed: FeedStatus, now: number): string[] {
  return gapsIn(feed, now - 24 * HOUR, now, now).map((g) =>
    g.to === null ? `since ${formatClock(g.from)}` : `${formatClock(g.from)}–${formatClock(g.to)}`,
  );
}

/** The popup's realised section from the background's summary: totals by side and venue, velocity, coverage. */
export function realisedPopupModel(summary: RealisedSummary): RealisedPopupModel {
  const { now, windows, feeds, sparkline } = summary;
  const venues = REALISED_VENUES.map((venue): RealisedVenueRow => {
    const { coverage, note } = COVERAGE[venue];
    const feed = venue === 'hyperliquid' ? undefined : feeds.find((f) => f.venue === venue);
    const side = (w: RealisedTotals) => {
      if (venue === 'hyperliquid') return null;
      const v = w.byVenue[venue];
      return { long: totalText(v.long, w.complete), short: totalText(v.short, w.complete) };
    };
    return {
      venue,
      label: venueLabel(venue),
      coverage,
      coverageNote: note,
      state: venue === 'hyperliquid' ? null : feed ? feedStateText(feed) : 'off',
      h1: feed ? side(windows.h1) : null,
      h24: feed ? side(windows.h24) : null,
      gaps: feed ? gapTexts(feed, now) : [],
      rejected: feed?.rejected ?? 0,
    };
  });
  const on = feeds.filter((f) => f.state !== 'off');
  const bars = sparkline.long.map((long, i): SparkBar => {
    const start = sparkline.start + i * sparkline.bucketMs;
    // Buckets are [start, end): a gap that begins on a bucket's end belongs to the next one.
    const end = start + sparkline.bucketMs;
    return {
      start,
      long,
      short: sparkline.short[i] ?? 0,
      gap: on.length === 0 || on.some((f) => gapsIn(f, start, Math.min(end, now) - 1, now).length > 0),
    };
  });
  const peakUsd = bars.reduce((m, b) => (b.gap ? m : Math.max(m, b.long, b.short)), 0);
  return {
    velocity: velocityLine(summary),
    h1: totals(windows.h1),
    h24: totals(windows.h24),
    venues,
    bars,
    peakUsd,
    marks: summary.marks.length,
  };
}
