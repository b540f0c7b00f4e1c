import { LIQ_FEEDS } from './feeds';
import type { CoverageSpan } from './liq-store';
import type { FeedNow } from './stream-manager';
import {
  type FeedGap,
  type FeedStatus,
  LIQ_VENUES,
  type LiqPrint,
  type LiqVenue,
  type RealisedSummary,
  type RealisedTotals,
} from './types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const VELOCITY_MS = 5 * MINUTE;
export const MAX_MARKS = 500;
/** Only the latest gaps are listed; `complete` still accounts for every one. */
export const MAX_GAPS = 20;

/**
 * Times in [from, to] outside every span, oldest first. The last gap is open (`to: null`) when the feed is not
 * live at `to`. Spans may overlap and come in any order.
 */
export function gapsBetween(
  spans: readonly { from: number; to: number }[],
  from: number,
  to: number,
  liveNow: boolean,
): FeedGap[] {
  const sorted = spans.filter((s) => s.to >= from && s.from <= to).sort((a, b) => a.from - b.from);
  const gaps: FeedGap[] = [];
  let cursor = from;
  for (const span of sorted) {
    if (span.from > cursor) gaps.push({ from: cursor, to: span.from });
    cursor = Math.max(cursor, span.to);
  }
  if (!liveNow) gaps.push({ from: cursor, to: null });
  else if (cursor < to) gaps.push({ from: cursor, to });
  return gaps;
}

const overlaps = (gaps: readonly FeedGap[], from: number) => gaps.some((g) => (g.to ?? Infinity) > from);

function totals(prints: readonly LiqPrint[], from: number, now: number, gaps: FeedGap[][]): RealisedTotals {
  const byVenue = {
    bybit: { long: 0, short: 0 },
    okx: { long: 0, short: 0 },
    binance: { long: 0, short: 0 },
  } satisfies Record<LiqVenue, { long: number; short: number }>;
  let long = 0;
  let short = 0;
  for (const p of prints) {
    if (p.time <= from || p.time > now) continue;
    byVenue[p.venue][p.side] += p.notionalUsd;
    if (p.side === 'long') long += p.notionalUsd;
    else short += p.notionalUsd;
  }
  return { long, short, byVenue, complete: !gaps.some((g) => overlaps(g, from)) };
}

export interface SummaryInput {
  asset: string;
  now: number;
  /** The asset's prints of at least the last 24 h, any order. */
  prints: readonly LiqPrint[];
  /** The manager's view of each venue now. */
  feeds: readonly FeedNow[];
  /** Stored live stretches of the asset's feeds (the current one included or not). */
  spans: readonly CoverageSpan[];
}

/**
 * Realised figures for one asset: 1 h and 24 h totals by side and venue, 5-minute velocity, a minute
 * sparkline of the last hour and the marks for the chart. A window a gap overlaps is marked incomplete: its
 * totals are what was received, a lower bound, never a zero standing in for missing data.
 */
export function summarise(input: SummaryInput): RealisedSummary {
  const { asset, now, prints } = input;
  const feeds: FeedStatus[] = LIQ_VENUES.map((venue) => {
    const feed = input.feeds.find((f) => f.venue === venue);
    const spans: { from: number; to: number }[] = input.spans.filter((s) => s.venue === venue);
    if (feed?.liveSince != null) spans.push({ from: feed.liveSince, to: now });
    const gaps = gapsBetween(spans, now - DAY, now, feed?.state === 'live');
    return {
      venue,
      state: feed?.state ?? 'off',
      coverage: LIQ_FEEDS[venue].coverage,
      gaps,
      rejected: feed?.rejected ?? 0,
      lastMessageAt: feed?.lastMessageAt ?? null,
    };
  });
  const allGaps = feeds.map((f) => f.gaps);
  const bucketStart = Math.floor(now / MINUTE) * MINUTE - 59 * MINUTE;
  const sparkline = {
    bucketMs: MINUTE,
    start: bucketStart,
    long: new Array<number>(60).fill(0),
    short: new Array<number>(60).fill(0),
  };
  const velocity5m = { long: 0, short: 0 };
  const lastHour: LiqPrint[] = [];
  for (const p of prints) {
    if (p.time > now) continue;
    if (p.time > now - VELOCITY_MS) velocity5m[p.side] += p.notionalUsd;
    const bucket = Math.floor((p.time - bucketStart) / MINUTE);
    if (bucket >= 0 && bucket < 60)
      sparkline[p.side][bucket] = (sparkline[p.side][bucket] ?? 0) + p.notionalUsd;
    if (p.time > now - HOUR) lastHour.push(p);
  }
  lastHour.sort((a, b) => a.time - b.time);
  return {
    asset,
    now,
    feeds: feeds.map((f) => ({ ...f, gaps: f.gaps.slice(-MAX_GAPS) })),
    windows: { h1: totals(prints, now - HOUR, now, allGaps), h24: totals(prints, now - DAY, now, allGaps) },
    velocity5m,
    sparkline,
    marks: lastHour.slice(-MAX_MARKS),
  };
}
