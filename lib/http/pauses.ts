import { VENUES } from '../market/venue';
import { z } from '../util/zod';

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

/** Pauses restored from storage: anything unreadable is dropped (we then just ask the venue again). */
export function restorePauses(input: unknown, now: number): HostPauses {
  const parsed = HostPausesSchema.safeParse(input);
  if (!parsed.success) return {};
  const out: HostPauses = {};
  for (const [scope, pause] of Object.entries(parsed.data)) if (pause.until > now) out[scope] = pause;
  return out;
}
