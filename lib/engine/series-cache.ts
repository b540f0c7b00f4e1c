import { IntervalSchema } from '../market/interval';
import { SeriesCandleSchema, SeriesOiSchema } from '../market/series';
import { VenueSchema } from '../market/venue-schema';
import { z } from '../util/zod';

const finite = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const time = () => z.int().check(z.nonnegative());
const level = () => z.tuple([finite(), finite()]);

export const FundingStateSchema = z.object({
  rate: finite(),
  intervalHours: finite().check(z.positive()),
  rate8h: finite(),
  nextFundingTime: z.nullable(time()),
});

export const DepthStateSchema = z.object({ bids: z.array(level()), asks: z.array(level()) });

/** What the engine remembers of one venue between refreshes: its last good data. */
export const VenueStateSchema = z.object({
  venue: VenueSchema,
  instrument: z.string().check(z.minLength(1)),
  /** Open time of the first candle of the window this history was fetched for. */
  coveredFrom: time(),
  candles: z.array(SeriesCandleSchema),
  /** Where `openInterest` comes from: the venue's published history, or the engine's own snapshots. */
  history: z.enum(['venue', 'snapshots']),
  /** The venue's own history; for Hyperliquid the candle-aligned snapshots (may be empty). */
  openInterest: z.array(SeriesOiSchema),
  markPrice: finite().check(z.positive()),
  funding: z.nullable(FundingStateSchema),
  /** Current one-sided open interest, base units. */
  openInterestNow: z.nullable(finite().check(z.nonnegative())),
  depth: z.nullable(DepthStateSchema),
  depthAt: z.nullable(time()),
  /** When this venue last answered in full (ms, local clock). */
  fetchedAt: time(),
  /** The venue's clock minus the local one at that answer; absent in states stored before it existed. */
  clockSkewMs: z.optional(finite()),
});
export type VenueState = z.infer<typeof VenueStateSchema>;

export const ENGINE_STATE_FORMAT = 'liqlens.engine-state/1';

/**
 * The engine's memory for one asset and interval, JSON-safe: pass it back as `previous` (or keep it in a
 * `SeriesCache`) and the next refresh is incremental. The background stores it in extension storage.
 */
export const EngineStateSchema = z.object({
  format: z.literal(ENGINE_STATE_FORMAT),
  asset: z.string(),
  interval: IntervalSchema,
  fetchedAt: time(),
  venues: z.array(VenueStateSchema),
});
export type EngineState = z.infer<typeof EngineStateSchema>;

/** Keeps the last state per asset; the engine reads it before a refresh and writes it after. */
export interface SeriesCache {
  get(asset: string): Promise<EngineState | null>;
  set(asset: string, state: EngineState): Promise<void>;
}

export function createMemorySeriesCache(): SeriesCache {
  const states = new Map<string, EngineState>();
  return {
    get: async (asset) => states.get(asset) ?? null,
    set: async (asset, state) => {
      states.set(asset, state);
    },
  };
}

/** A stored state read back (storage, file): a valid state, or null — a bad one only costs a cold refresh. */
export function parseEngineState(input: unknown): EngineState | null {
  const parsed = EngineStateSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}
