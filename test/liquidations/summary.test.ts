import { describe, expect, it } from 'vitest';
import type { FeedNow } from '../../lib/liquidations/stream-manager';
import { DAY, gapsBetween, HOUR, MINUTE, summarise } from '../../lib/liquidations/summary';
import { type LiqPrint, type LiqVenue, RealisedSummarySchema } from '../../lib/liquidations/types';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 30);
const p = (ago: number, side: LiqPrint['side'], usd: number, venue: LiqVenue = 'bybit'): LiqPrint => ({
  venue,
  instrument: 'BTCUSDT',
  side,
  price: 100_000,
  size: usd / 100_000,
  notionalUsd: usd,
  time: NOW - ago,
});
const live = (venue: LiqVenue, since: number): FeedNow => ({
  venue,
  state: 'live',
  liveSince: since,
  rejected: 0,
  lastMessageAt: NOW,
});

describe('gaps', () => {
  it('are the times outside every span; the last is open when the feed is down now', () => {
    expect(
      gapsBetween(
        [
          { from: 10, to: 20 },
          { from: 15, to: 30 },
          { from: 40, to: 50 },
        ],
        0,
        60,
        false,
      ),
    ).toEqual([
      { from: 0, to: 10 },
      { from: 30, to: 40 },
      { from: 50, to: null },
    ]);
    expect(gapsBetween([{ from: 0, to: 60 }], 0, 60, true)).toEqual([]);
  });
});

describe('realised summary', () => {
  const allLive = (['bybit', 'okx', 'binance'] as const).map((v) => live(v, NOW - 2 * DAY));
  const spans = (['bybit', 'okx', 'binance'] as const).map((venue) => ({
    asset: 'BTC',
    venue,
    from: NOW - 3 * DAY,
    to: NOW - 2 * DAY,
  }));

  it('totals by window, side and venue; velocity over 5 minutes; marks in time order', () => {
    const prints = [
      p(2 * MINUTE, 'short', 1_000_000),
      p(30 * MINUTE, 'long', 200_000, 'okx'),
      p(4 * MINUTE, 'long', 50_000, 'binance'),
      p(2 * HOUR, 'long', 7_000_000),
      p(25 * HOUR, 'long', 9e9),
    ];
    const s = summarise({ asset: 'BTC', now: NOW, prints, feeds: allLive, spans });
    expect(RealisedSummarySchema.safeParse(s).success).toBe(true);
    expect(s.windows.h1).toMatchObject({ long: 250_000, short: 1_000_000, complete: true });
    expect(s.windows.h1.byVenue).toEqual({
      bybit: { long: 0, short: 1_000_000 },
      okx: { long: 200_000, short: 0 },
      binance: { long: 50_000, short: 0 },
    });
    expect(s.windows.h24).toMatchObject({ long: 7_250_000, short: 1_000_000, complete: true });
    expect(s.velocity5m).toEqual({ long: 50_000, short: 1_000_000 });
    expect(s.marks.map((m) => m.time)).toEqual([NOW - 30 * MINUTE, NOW - 4 * MINUTE, NOW - 2 * MINUTE]);
    expect(s.feeds.map((f) => [f.venue, f.coverage, f.gaps])).toEqual([
      ['bybit', 'complete', []],
      ['okx', 'partial', []],
      ['binance', 'partial', []],
    ]);
  });

  it('the sparkline has one bucket a minute for the last hour, the current minute last', () => {
    const s = summarise({
      asset: 'BTC',
      now: NOW,
      prints: [p(0, 'long', 5), p(60 * MINUTE, 'long', 7), p(59 * MINUTE + 31_000, 'short', 3)],
      feeds: allLive,
      spans,
    });
    expect(s.sparkline.start).toBe(Date.UTC(2026, 11, 6, 11, 1));
    expect(s.sparkline.long).toHaveLength(60);
    expect(s.sparkline.long[59]).toBe(5);
    expect(s.sparkline.short[0]).toBe(0);
    expect(s.sparkline.long.reduce((a, b) => a + b)).toBe(5);
  });

  it('a gap makes the windows it overlaps incomplete and stays a gap, never a zero', () => {
    const feeds = [
      live('bybit', NOW - 10 * MINUTE),
      live('okx', NOW - 2 * DAY),
      live('binance', NOW - 2 * DAY),
    ];
    const withSpan = [
      ...spans,
      { asset: 'BTC', venue: 'bybit' as const, from: NOW - 3 * DAY, to: NOW - 90 * MINUTE },
    ];
    const s = summarise({ asset: 'BTC', now: NOW, prints: [], feeds, spans: withSpan });
    expect(s.feeds[0]?.gaps).toEqual([{ from: NOW - 90 * MINUTE, to: NOW - 10 * MINUTE }]);
    expect(s.windows.h1.complete).toBe(false);
    expect(s.windows.h24.complete).toBe(false);
  });

  it('a feed that is down has an open gap since it was last live', () => {
    const feeds: FeedNow[] = [
      {
        venue: 'bybit',
        state: 'reconnecting',
        liveSince: null,
        rejected: 3,
        lastMessageAt: NOW - 5 * MINUTE,
      },
      ...allLive.slice(1),
    ];
    const withSpan = [{ asset: 'BTC', venue: 'bybit' as const, from: NOW - 2 * DAY, to: NOW - 5 * MINUTE }];
    const s = summarise({ asset: 'BTC', now: NOW, prints: [], feeds, spans: withSpan });
    expect(s.feeds[0]).toMatchObject({
      state: 'reconnecting',
      rejected: 3,
      gaps: [{ from: NOW - 5 * MINUTE, to: null }],
    });
    expect(s.windows.h1.complete).toBe(false);
  });

  it('keeps the latest 500 marks', () => {
    const prints = Array.from({ length: 700 }, (_, i) => p(i * 1000, 'long', 1));
    const s = summarise({ asset: 'BTC', now: NOW, prints, feeds: allLive, spans });
    expect(s.marks).toHaveLength(500);
    expect(s.marks.at(-1)?.time).toBe(NOW);
    expect(s.marks[0]?.time).toBe(NOW - 499_000);
  });
});
