import { SideSchema } from '../model/cluster-view';
import { z } from '../util/zod';

const num = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const nonNeg = () => num().check(z.nonnegative());
const count = () => z.int().check(z.nonnegative());

/** Venues that publish everyone's liquidations. Hyperliquid publishes no such feed. */
export const LIQ_VENUES = ['bybit', 'okx', 'binance'] as const;
export const LiqVenueSchema = z.enum(LIQ_VENUES);
export type LiqVenue = z.infer<typeof LiqVenueSchema>;

/** One realised liquidation, normalised across venues. */
export const LiqPrintSchema = z.object({
  venue: LiqVenueSchema,
  instrument: z.string(),
  /** The position that was liquidated. */
  side: SideSchema,
  price: num().check(z.positive()),
  /** Base units (BTC for BTCUSDT). */
  size: num().check(z.positive()),
  notionalUsd: nonNeg(),
  /** The venue's own time of the print (ms). */
  time: num(),
});
export type LiqPrint = z.infer<typeof LiqPrintSchema>;

export const FeedGapSchema = z.object({
  from: num(),
  /** null while the gap is open. */
  to: z.nullable(num()),
});
export type FeedGap = z.infer<typeof FeedGapSchema>;

export const FeedStateSchema = z.enum(['off', 'connecting', 'live', 'reconnecting']);
export type FeedState = z.infer<typeof FeedStateSchema>;

/**
 * `complete`: the feed carries every print (Bybit). `partial`: OKX's feed is not all of OKX's
 * liquidations; Binance sends at most one print per symbol per second.
 */
export const CoverageSchema = z.enum(['complete', 'partial']);
export type Coverage = z.infer<typeof CoverageSchema>;

export const FeedStatusSchema = z.object({
  venue: LiqVenueSchema,
  state: FeedStateSchema,
  coverage: CoverageSchema,
  /** Times with no feed while the asset was watched, oldest first. */
  gaps: z.array(FeedGapSchema),
  /** Frames or items dropped as malformed. */
  rejected: count(),
  lastMessageAt: z.nullable(num()),
});
export type FeedStatus = z.infer<typeof FeedStatusSchema>;

const SideAmountsSchema = z.object({ long: nonNeg(), short: nonNeg() });
export type SideAmounts = z.infer<typeof SideAmountsSchema>;

export const RealisedTotalsSchema = z.object({
  long: nonNeg(),
  short: nonNeg(),
  byVenue: z.object({ bybit: SideAmountsSchema, okx: SideAmountsSchema, binance: SideAmountsSchema }),
  /** false when a feed gap overlaps the window: the totals are then a lower bound. */
  complete: z.boolean(),
});
export type RealisedTotals = z.infer<typeof RealisedTotalsSchema>;

export const SparklineSchema = z.object({
  bucketMs: num().check(z.positive()),
  /** Start of the first bucket (ms). */
  start: num(),
  long: z.array(nonNeg()),
  short: z.array(nonNeg()),
});
export type Sparkline = z.infer<typeof SparklineSchema>;

/** Realised figures for one asset. Never added to estimates. */
export const RealisedSummarySchema = z.object({
  asset: z.string(),
  now: num(),
  feeds: z.array(FeedStatusSchema),
  windows: z.object({ h1: RealisedTotalsSchema, h24: RealisedTotalsSchema }),
  /** Notional liquidated in the last 5 minutes, by side. */
  velocity5m: SideAmountsSchema,
  /** The last 60 minutes, one bucket a minute. */
  sparkline: SparklineSchema,
  /** The latest ≤ 500 prints of the last hour, in time order, for the chart. */
  marks: z.array(LiqPrintSchema),
});
export type RealisedSummary = z.infer<typeof RealisedSummarySchema>;

export const SnapshotBandSchema = z.object({
  side: SideSchema,
  low: num(),
  high: num(),
  notionalUsd: nonNeg(),
});
export type SnapshotBand = z.infer<typeof SnapshotBandSchema>;

/** The bands of one stored view, with its time and reference price P. */
export const BandSnapshotSchema = z.object({
  asset: z.string(),
  time: num(),
  price: num().check(z.positive()),
  modelVersion: z.string(),
  bands: z.array(SnapshotBandSchema),
});
export type BandSnapshot = z.infer<typeof BandSnapshotSchema>;

/**
 * One band of a snapshot scored against the prints after it: `realisedUsd` is the notional of
 * same-side prints with time in (snapshotTime, horizonEnd] and price within
 * [low − 0.5 % of P, high + 0.5 % of P].
 */
export const BandScoreSchema = z.object({
  asset: z.string(),
  snapshotTime: num(),
  price: num().check(z.positive()),
  side: SideSchema,
  low: num(),
  high: num(),
  notionalUsd: nonNeg(),
  realisedUsd: nonNeg(),
  horizonEnd: num(),
  /** Price traded into [low, high] between snapshotTime and horizonEnd. */
  swept: z.boolean(),
});
export type BandScore = z.infer<typeof BandScoreSchema>;

/** The traded range of one stored interval, from the engine's candles. */
export const PriceRangeSchema = z.object({ time: num(), high: num(), low: num() });
export type PriceRange = z.infer<typeof PriceRangeSchema>;

/** A print as the track record needs it (lift and control zones): side, price, notional, time. */
export const ScoredPrintSchema = z.object({
  side: SideSchema,
  price: num().check(z.positive()),
  notionalUsd: num().check(z.nonnegative()),
  time: num(),
});
export type ScoredPrint = z.infer<typeof ScoredPrintSchema>;

/** At most this many prints go with a `getBandScores` reply (the newest); `printsCapped` says when more were left out. */
export const MAX_SCORED_PRINTS = 50_000;

export const BandScoresReplySchema = z.object({
  snapshots: z.array(BandSnapshotSchema),
  scores: z.array(BandScoreSchema),
  priceRanges: z.array(PriceRangeSchema),
  prints: z.optional(z.array(ScoredPrintSchema)),
  printsCapped: z.optional(z.boolean()),
});
export type BandScoresReply = z.infer<typeof BandScoresReplySchema>;

/**
 * The sockets a recording may hold: the liquidation feeds, and Hyperliquid's `trades` (the addresses behind
 * its real positions, lib/hl-positions; no liquidations).
 */
export const WS_VENUES = [...LIQ_VENUES, 'hyperliquid'] as const;
export const WsVenueSchema = z.enum(WS_VENUES);
export type WsVenue = z.infer<typeof WsVenueSchema>;

/** One received WebSocket frame, `liqlens.wsrec/1`: one JSON object per line. */
export const WsRecordSchema = z.object({
  venue: WsVenueSchema,
  url: z.string(),
  /** When it was received (ms). */
  t: num(),
  /** The frame text exactly as received. */
  data: z.string(),
});
export type WsRecord = z.infer<typeof WsRecordSchema>;

export const WSREC_FORMAT = 'liqlens.wsrec/1';
