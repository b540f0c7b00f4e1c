import { HlRealViewSchema } from '../hl-positions/real-view';
import { BandScoresReplySchema, RealisedSummarySchema } from '../liquidations/types';
import { AssetSchema } from '../market/asset';
import { SeriesDocSchema } from '../market/series';
import { HeatmapCellsSchema } from '../model/heatmap-cells';
import { SettingsSchema } from '../settings/schema';
import { CalibrationSchema } from '../track-record/calibration-factor';
import { z } from '../util/zod';
import { ViewReplySchema } from './view-entry';

/**
 * The whole protocol between contexts. A message is `{ type, data }`: one `data` argument, parsed with zod by
 * whoever receives it (the background parses requests, the sender parses replies, the UIs parse pushes).
 */
export const MessageSchema = z.object({ type: z.string().check(z.maxLength(64)), data: z.unknown() });

/** Replies travel wrapped, so that a failed handler still answers in words. */
export const ReplyEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ReplyEnvelope = z.infer<typeof ReplyEnvelopeSchema>;

/** A request's two schemas: what the sender sends, what the background answers. */
export interface RequestSpec {
  data: z.ZodMiniType;
  reply: z.ZodMiniType;
}

/**
 * The requests a chart tab sends. The tab itself carries none of these schemas: lib/overlay/tab-messages.ts checks
 * their replies by shape (docs/overlay.md, "Content scripts").
 */
export const WATCH_REQUESTS = {
  /** A chart tab or the popup shows `asset`: start or renew its watch (expires unless renewed every period). */
  subscribeAsset: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: ViewReplySchema,
  },
  /** Stop watching `asset` for this sender (tab closed or symbol changed). */
  unsubscribeAsset: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: z.strictObject({ watching: z.array(AssetSchema) }),
  },
  /** The heatmap of the cached view of `asset` (the map at each candle's close, 8-bit cells), or null. */
  getHeatmap: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: z.strictObject({ fetchedAt: z.nullable(z.number()), heatmap: z.nullable(HeatmapCellsSchema) }),
  },
  /** Hyperliquid's real positions for `asset` beside the estimate's Hyperliquid part (status `off` when disabled). */
  getHlPositions: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: HlRealViewSchema,
  },
  /** Realised liquidations of `asset` (what the venues' feeds delivered), or null when nothing is known. */
  getRealised: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: z.strictObject({ summary: z.nullable(RealisedSummarySchema) }),
  },
  /**
   * The 7-day calibration factors of `asset` (realised ÷ estimate in swept bands, per side, docs/track-record.md),
   * for "calibrated at-risk"; null when the worker keeps no band scores.
   */
  getCalibration: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: z.strictObject({ calibration: z.nullable(CalibrationSchema) }),
  },
  /**
   * The settings as storage.sync holds them, read and repaired by the worker (`coinglassKey` always null): a chart
   * tab asks for them instead of carrying the settings' schema, and asks again when storage.sync changes.
   */
  getSettings: {
    data: z.strictObject({}),
    reply: SettingsSchema,
  },
} as const;

/** Every request, for the background's dispatcher and the popup and options pages. */
export const REQUESTS = {
  ...WATCH_REQUESTS,
  /** The cached view at once; `refresh: true` also starts a refresh (or joins the one under way). */
  getView: {
    data: z.strictObject({ asset: AssetSchema, refresh: z.optional(z.boolean()) }),
    reply: ViewReplySchema,
  },
  /** The `liqlens.series/1` input of the cached view, for the popup's export. */
  getSeries: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: z.strictObject({ series: z.nullable(SeriesDocSchema) }),
  },
  /** The asset the chart in tab `tabId` watches (its content script's live watch), or null: for the popup. */
  getTabAsset: {
    data: z.strictObject({ tabId: z.int().check(z.nonnegative()) }),
    reply: z.strictObject({ asset: z.nullable(AssetSchema) }),
  },
  /**
   * The user lifts every venue's rate-limit pause ("Retry now" in the popup): the stored pauses are cleared and
   * `asset` is refreshed at once. A venue that still refuses pauses again, within its cap.
   */
  retryNow: {
    data: z.strictObject({ asset: AssetSchema }),
    reply: z.strictObject({ cleared: z.boolean() }),
  },
  /** Shows a notification now: for one rule with its current figure, or a plain test without `ruleId`. */
  testAlert: {
    data: z.strictObject({ ruleId: z.optional(z.string()) }),
    reply: z.strictObject({ shown: z.boolean(), message: z.string() }),
  },
  /** Stored band snapshots of `asset` since `sinceMs` (default: 7 days), their scores, and the traded ranges. */
  getBandScores: {
    data: z.strictObject({ asset: AssetSchema, sinceMs: z.optional(z.number().check(z.nonnegative())) }),
    reply: BandScoresReplySchema,
  },
  /** The worker's recent WebSocket frames as `liqlens.wsrec/1` text, for the debug export. */
  exportWsRecording: {
    data: z.strictObject({}),
    reply: z.strictObject({ jsonl: z.string() }),
  },
} as const;

export type RequestType = keyof typeof REQUESTS;
export type RequestData<K extends RequestType> = z.infer<(typeof REQUESTS)[K]['data']>;
export type ReplyData<K extends RequestType> = z.infer<(typeof REQUESTS)[K]['reply']>;

/**
 * The names of every request, so that a receiver of pushes can tell a request passing by from an unknown message
 * without carrying the requests' schemas.
 */
export const REQUEST_TYPES = [
  'subscribeAsset',
  'unsubscribeAsset',
  'getHeatmap',
  'getHlPositions',
  'getSettings',
  'getRealised',
  'getCalibration',
  'getView',
  'getSeries',
  'getTabAsset',
  'retryNow',
  'testAlert',
  'getBandScores',
  'exportWsRecording',
] as const satisfies readonly RequestType[];

/** Every request in REQUESTS is named in REQUEST_TYPES: a request added above must be listed there too. */
type Unlisted = Exclude<RequestType, (typeof REQUEST_TYPES)[number]>;
export const REQUEST_TYPES_COMPLETE: [Unlisted] extends [never] ? true : { missing: Unlisted } = true;

export const isRequestType = (type: string): type is RequestType =>
  (REQUEST_TYPES as readonly string[]).includes(type);

/** Background → popup (runtime message) and → watching tabs (tabs.sendMessage). */
export const PUSHES = {
  viewUpdated: { data: ViewReplySchema },
  /** New realised figures for `asset`, at most about one a second. */
  realisedUpdated: { data: z.strictObject({ asset: AssetSchema, summary: RealisedSummarySchema }) },
} as const;

export type PushType = keyof typeof PUSHES;
export type PushData<K extends PushType> = z.infer<(typeof PUSHES)[K]['data']>;

export const isPushType = (type: string): type is PushType => Object.hasOwn(PUSHES, type);
