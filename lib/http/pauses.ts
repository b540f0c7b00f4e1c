import { VENUES } from '../market/venue';
import { z } from '../util/zod';
import { MAX_PAUSE_MS } from './budgets';

export const HostIdSchema = z.enum([...VENUES, 'coinglass']);

/** A host (or, for OKX, one endpoint) left alone until `until` after a rate-limit answer or a ban. */
export const HostPauseSchema = z.object({
  until: z.number(),
  kind: z.enum(['rate-limited', 'banned']),
  host: HostIdSchema,
  status: z.optional(z.number()),
});
export type HostPause = z.infer<typeof HostPauseSchema>;

/** Keyed by scope: `binance`, `bybit`, …, or `okx:/api/v5/market/candles`. */
export const HostPausesSchema = z.record(z.string(), HostPauseSchema);
export type HostPauses = z.infer<typeof HostPausesSchema>;

/** The end of a pause asked for until `until`, at most the host's documented maximum from now. */
export function cappedUntil(host: HostPause['host'], until: number, now: number): number {
  const cap = now + MAX_PAUSE_MS[host];
  return Number.isFinite(until) ? Math.min(until, cap) : cap;
}

/**
 * Pauses restored from storage: anything unreadable is dropped (we then just ask the venue again), and one stored
 * before the caps (or by a clock far ahead) is cut to its host's maximum from now.
 */
export function restorePauses(input: unknown, now: number): HostPauses {
  const parsed = HostPausesSchema.safeParse(input);
  if (!parsed.success) return {};
  const out: HostPauses = {};
  for (const [scope, pause] of Object.entries(parsed.data))
    if (pause.until > now) out[scope] = { ...pause, until: cappedUntil(pause.host, pause.until, now) };
  return out;
}
