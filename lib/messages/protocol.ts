import { SeriesDocSchema } from '../market/series';
import { AssetSchema } from '../settings/schema';
import { z } from '../util/zod';
import type { REQUEST_TYPES } from './request-types';
import { ViewReplySchema } from './view-entry';
import { WATCH_REQUESTS } from './watch-requests';

export { MessageSchema, type ReplyEnvelope, ReplyEnvelopeSchema, type RequestSpec } from './envelope';
export { isPushType, PUSHES, type PushData, type PushType } from './pushes';
export { isRequestType, REQUEST_TYPES } from './request-types';

/**
 * The whole protocol between contexts. A message is `{ type, data }`: one `data` argument, parsed with zod by
 * whoever receives it (the background parses requests, the sender parses replies, the UIs parse pushes). Pushes
 * are in pushes.ts, the wire envelopes in envelope.ts, the chart tabs' requests in watch-requests.ts: each context
 * bundles only the schemas it uses.
 */
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
  /** Shows a notification now: for one rule with its current figure, or a plain test without `ruleId`. */
  testAlert: {
    data: z.strictObject({ ruleId: z.optional(z.string()) }),
    reply: z.strictObject({ shown: z.boolean(), message: z.string() }),
  },
} as const;

export type RequestType = keyof typeof REQUESTS;
export type RequestData<K extends RequestType> = z.infer<(typeof REQUESTS)[K]['data']>;
export type ReplyData<K extends RequestType> = z.infer<(typeof REQUESTS)[K]['reply']>;

/** Every request in REQUEST_TYPES, and nothing else: a request added above must be named there too. */
type Unlisted = Exclude<RequestType, (typeof REQUEST_TYPES)[number]>;
export const REQUEST_TYPES_COMPLETE: [Unlisted] extends [never] ? true : { missing: Unlisted } = true;
