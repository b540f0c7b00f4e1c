import { BinsSchema } from '../model/cluster-view';
import { z } from '../util/zod';

const num = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const count = () => z.int().check(z.nonnegative());

const SideRiskSchema = z.object({ real: num(), estimated: z.nullable(num()) });

/**
 * What the popup and the chart get of Hyperliquid's real positions for one asset (`getHlPositions`). `off`: the
 * option is off; `waiting`: on, but nothing to show yet (no account answered, or no Hyperliquid price);
 * `ok`: the map. Real positions cover Hyperliquid only.
 */
export const HlRealViewSchema = z.object({
  asset: z.string(),
  status: z.enum(['off', 'waiting', 'ok']),
  /** Why nothing is shown yet, in words. */
  message: z.nullable(z.string()),
  computedAt: num(),
  /** Hyperliquid's mark, the grid's centre. */
  price: z.nullable(num()),
  /** The real map on the model's grid around Hyperliquid's mark. */
  bins: z.nullable(BinsSchema),
  positions: z.object({ total: count(), offGrid: count(), notLiquidatable: count() }),
  coverage: z.nullable(
    z.object({
      observedSize: num(),
      openInterest: z.nullable(num()),
      openInterestSides: z.literal(1),
      share: z.nullable(num()),
      accounts: count(),
      staleAccounts: count(),
      oldestAgeMs: z.nullable(num()),
      crossShare: z.nullable(num()),
    }),
  ),
  /** Against the estimate's Hyperliquid part, on the estimate's grid; null without an estimate. */
  comparison: z.nullable(
    z.object({
      movePct: num(),
      up: SideRiskSchema,
      down: SideRiskSchema,
      /** mapAgreement (docs/data-sources.md): 0..1, null when either map is empty. */
      agreement: z.nullable(num()),
    }),
  ),
  scan: z.object({
    knownAccounts: count(),
    requestsLastMinute: count(),
    rate: num(),
    failures: count(),
  }),
});
export type HlRealView = z.infer<typeof HlRealViewSchema>;

/** The view when there is nothing to show: `message` says why. */
export function emptyHlRealView(
  asset: string,
  status: 'off' | 'waiting',
  message: string,
  computedAt: number,
): HlRealView {
  return {
    asset,
    status,
    message,
    computedAt,
    price: null,
    bins: null,
    positions: { total: 0, offGrid: 0, notLiquidatable: 0 },
    coverage: null,
    comparison: null,
    scan: { knownAccounts: 0, requestsLastMinute: 0, rate: 0, failures: 0 },
  };
}
