import type { PushHandlers, Requester, SendMessage } from '../messages/client';
import type { WATCH_REQUESTS } from '../messages/protocol';
import { isRecord } from '../util/is-record';
import { createLogOnce, type Log } from '../util/log-once';
import { err, ok } from '../util/result';

/** The requests a chart tab sends. */
export type TabRequests = typeof WATCH_REQUESTS;
export type TabRequester = Requester<TabRequests>;

type Shape = (x: unknown) => boolean;

const nullOr =
  (shape: Shape): Shape =>
  (x) =>
    x === null || shape(x);
const fields =
  (shape: Record<string, Shape>): Shape =>
  (x) =>
    isRecord(x) && Object.entries(shape).every(([key, check]) => check(x[key]));
const isString: Shape = (x) => typeof x === 'string';
const isBoolean: Shape = (x) => typeof x === 'boolean';
const isNumber: Shape = (x) => typeof x === 'number' && Number.isFinite(x);

const VIEW_REPLY = fields({
  asset: isString,
  entry: nullOr(fields({ asset: isString, view: nullOr(isRecord), failures: Array.isArray })),
  stale: isBoolean,
  refreshing: isBoolean,
  periodMs: isNumber,
});
const REALISED_SUMMARY = fields({ asset: isString, now: isNumber, marks: Array.isArray });

/**
 * What a reply must look like at the top, per request: the cheap check of a message that comes from the extension's
 * own worker, which built it from data it validated with zod (docs/overlay.md, "What the content script checks").
 */
const REPLIES: { [K in keyof TabRequests]: Shape } = {
  subscribeAsset: VIEW_REPLY,
  unsubscribeAsset: fields({ watching: Array.isArray }),
  getHeatmap: fields({ fetchedAt: nullOr(isNumber), heatmap: nullOr(isRecord) }),
  getHlPositions: fields({ asset: isString, status: isString, bins: nullOr(isRecord) }),
  getRealised: fields({ summary: nullOr(REALISED_SUMMARY) }),
  getCalibration: fields({ calibration: nullOr(isRecord) }),
  getSettings: fields({
    sites: isRecord,
    display: isRecord,
    model: fields({ movePct: isNumber, rangePct: isNumber }),
    realPositions: isRecord,
  }),
};

const PUSHES: { [K in keyof PushHandlers]-?: Shape } = {
  viewUpdated: VIEW_REPLY,
  realisedUpdated: fields({ asset: isString, summary: REALISED_SUMMARY }),
};

const causeText = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/**
 * The chart tab's side of the protocol (lib/messages/protocol.ts) without zod: what it sends is built by its own
 * code, and what comes back is checked by shape only (the envelope, then `REPLIES`). A reply of another shape is an
 * error result, never a throw.
 */
export function createTabRequester(send: SendMessage): TabRequester {
  return {
    async request(type, data) {
      const shape = Object.hasOwn(REPLIES, type) ? REPLIES[type] : undefined;
      if (!shape) return err(`${type}: not a request this context sends`);
      let raw: unknown;
      try {
        raw = await send({ type, data });
      } catch (cause) {
        return err(`${type}: the background did not answer (${causeText(cause)})`);
      }
      if (raw === undefined) return err(`${type}: the background did not answer`);
      if (!isRecord(raw) || typeof raw.ok !== 'boolean') return err(`${type}: malformed reply`);
      if (!raw.ok) return err(`${type}: ${typeof raw.error === 'string' ? raw.error : 'failed'}`);
      if (!shape(raw.data)) return err(`${type}: malformed reply`);
      return ok(raw.data as never);
    },
  };
}

/**
 * The chart tab's receiver of the worker's pushes (`tabs.sendMessage` reaches only the extension's own pages and
 * scripts): each checked by shape, then handed on. Anything else is not for a chart tab and passes by; a push of the
 * wrong shape is logged once per kind. Returns true when the message was a push it handled.
 */
export function createTabPushReceiver(handlers: PushHandlers, log: Log): (message: unknown) => boolean {
  const logOnce = createLogOnce(log);
  return (message) => {
    if (!isRecord(message) || typeof message.type !== 'string' || !Object.hasOwn(PUSHES, message.type))
      return false;
    const type = message.type as keyof typeof PUSHES;
    if (!PUSHES[type](message.data)) {
      logOnce(`malformed:${type}`, `LiqLens: ignored malformed ${type}`);
      return false;
    }
    const handler = handlers[type] as ((data: unknown) => void) | undefined;
    if (handler) handler(message.data);
    return true;
  };
}
