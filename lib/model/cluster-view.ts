import { VenueSchema } from '../market/venue-schema';
import { z } from '../util/zod';
import { ModelParamsSchema } from './params';

const num = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const nonNeg = () => num().check(z.nonnegative());

export const SideSchema = z.enum(['long', 'short']);
export type Side = z.infer<typeof SideSchema>;

export const BinsSchema = z.object({
  /** Lower edge of bin 0 (`lo` in model.md). */
  low: num(),
  width: num().check(z.positive()),
  long: z.array(nonNeg()),
  short: z.array(nonNeg()),
});
export type Bins = z.infer<typeof BinsSchema>;

export const BandVenueSchema = z.object({ venue: VenueSchema, notionalUsd: nonNeg() });

export const BandSchema = z.object({
  side: SideSchema,
  low: num(),
  high: num(),
  peak: num(),
  notionalUsd: nonNeg(),
  share: num().check(z.gte(0), z.lte(1)),
  /** How the band's notional splits across the venues whose maps built it, largest first. */
  venues: z.optional(z.array(BandVenueSchema)),
});
export type Band = z.infer<typeof BandSchema>;
export type BandVenue = z.infer<typeof BandVenueSchema>;

export const AtRiskPointSchema = z.object({ price: num(), notionalUsd: nonNeg() });
export const AtRiskSchema = z.object({
  movePct: num(),
  up: AtRiskPointSchema,
  down: AtRiskPointSchema,
});
export type AtRisk = z.infer<typeof AtRiskSchema>;

/** Cascade estimate against resting order-book depth only (model.md, "Cascade estimate"). */
export const CascadeSchema = z.object({
  direction: z.enum(['up', 'down']),
  /** What the initial push q0 was: the at-risk move price, or the peak of the nearest band beyond P. */
  trigger: z.enum(['move', 'nearest-band']),
  fromPrice: num(),
  endPrice: num(),
  liquidatedUsd: nonNeg(),
  steps: z.int().check(z.nonnegative()),
  /** `converged`: the fixed point moved less than one bin; `beyond-depth`: it left the fetched book. */
  stop: z.enum(['converged', 'beyond-depth']),
});
export type Cascade = z.infer<typeof CascadeSchema>;

export const VenueStatusSchema = z.enum(['ok', 'no-ledger', 'failed', 'disabled']);
export type VenueStatus = z.infer<typeof VenueStatusSchema>;

export const VenueViewSchema = z.object({
  venue: VenueSchema,
  instrument: z.string(),
  /** `ok`: its data was used by the model; `no-ledger`: context only (e.g. Hyperliquid before it has OI history). */
  status: VenueStatusSchema,
  /** Words a trader understands, when the status is not plain `ok`. */
  message: z.nullable(z.string()),
  /** Failure kind from the data layer, when failed. */
  failure: z.nullable(z.string()),
  markPrice: z.nullable(num()),
  fundingRate8h: z.nullable(num()),
  fundingRate: z.nullable(num()),
  fundingIntervalHours: z.nullable(num()),
  /** On the venue's clock (ms). */
  nextFundingTime: z.nullable(num()),
  /** The venue's clock minus the local clock at fetch (ms), when known: funding countdowns run on the venue's clock. */
  clockSkewMs: z.optional(num()),
  openInterestBase: z.nullable(nonNeg()),
  openInterestUsd: z.nullable(nonNeg()),
  openInterestChange24hPct: z.nullable(num()),
  candles: z.int().check(z.nonnegative()),
  lastCandleTime: z.nullable(num()),
});
export type VenueView = z.infer<typeof VenueViewSchema>;

export const DiagnosticsSchema = z.object({
  /** Candles that took part in step 1 only, for want of open interest on them or their predecessor. */
  skippedIntervals: z.int().check(z.nonnegative()),
  /** Notional whose liquidation price fell outside [lo, hi). */
  droppedNotionalUsd: nonNeg(),
  openedNotionalUsd: nonNeg(),
  liquidatedNotionalUsd: nonNeg(),
  shrunkNotionalUsd: nonNeg(),
  /** Notional still open at read-out, before decay. */
  openNotionalUsd: nonNeg(),
  /** Notional removed from the map by the age decay. */
  decayedNotionalUsd: nonNeg(),
  candles: z.int().check(z.nonnegative()),
  /** Open time of the earliest candle and end of the latest across the venues used. */
  spanFrom: z.nullable(num()),
  spanTo: z.nullable(num()),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

/** Diagnostics before any candle is read: every count zero, no span. */
export function emptyDiagnostics(): Diagnostics {
  return {
    skippedIntervals: 0,
    droppedNotionalUsd: 0,
    openedNotionalUsd: 0,
    liquidatedNotionalUsd: 0,
    shrunkNotionalUsd: 0,
    openNotionalUsd: 0,
    decayedNotionalUsd: 0,
    candles: 0,
    spanFrom: null,
    spanTo: null,
  };
}

/** The CoinGlass aggregated map on the same bins: a second opinion, never mixed into the model. */
export const SecondOpinionSchema = z.object({
  source: z.literal('coinglass'),
  status: z.enum(['ok', 'failed']),
  message: z.nullable(z.string()),
  /** Same grid as `bins`; CoinGlass does not split sides in its map, so both are totals where it does not. */
  long: z.array(nonNeg()),
  short: z.array(nonNeg()),
});
export type SecondOpinion = z.infer<typeof SecondOpinionSchema>;

export const ClusterViewSchema = z.object({
  asset: z.string(),
  /** Reference price P: the median of the venues' mark prices. */
  price: num().check(z.positive()),
  model: z.object({ version: z.enum(['1', '2']), params: ModelParamsSchema }),
  bins: BinsSchema,
  bands: z.array(BandSchema),
  atRisk: AtRiskSchema,
  cascade: z.array(CascadeSchema),
  venues: z.array(VenueViewSchema),
  diagnostics: DiagnosticsSchema,
  secondOpinion: z.optional(z.nullable(SecondOpinionSchema)),
  /** When the engine assembled it (ms); the model itself has no clock. */
  fetchedAt: z.optional(num()),
});
export type ClusterView = z.infer<typeof ClusterViewSchema>;
