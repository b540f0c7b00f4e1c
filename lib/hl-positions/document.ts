import { z } from '../util/zod';
import type { RealMap } from './real-map';

const num = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const count = () => z.int().check(z.nonnegative());

/** `npm run hl-positions -- --json`: the real map of the accounts given, as the issue defines it. */
export const HlPositionsDocSchema = z.object({
  format: z.literal('liqlens.hlpositions/1'),
  asset: z.string(),
  /** Hyperliquid's mark (`metaAndAssetCtxs`), the grid's centre. */
  price: num(),
  /** Accounts answered in full. */
  accounts: count(),
  /** Accounts that failed (429, HTML page, throttled 200, malformed answer, no answer). */
  failedAccounts: count(),
  positions: z.object({
    /** Positions of the asset in the accounts answered. */
    total: count(),
    /** …in the bins. */
    binned: count(),
    /** …liquidated outside the grid: counted, left out. */
    offGrid: count(),
    /** …with a null liquidation price: not liquidatable at any price in range. */
    notLiquidatable: count(),
  }),
  coverage: z.object({
    observedSize: num(),
    openInterest: z.nullable(num()),
    openInterestSides: z.literal(1),
    share: z.nullable(num()),
    accounts: count(),
    staleAccounts: count(),
    oldestAgeMs: z.nullable(num()),
    crossShare: z.nullable(num()),
  }),
  bins: z.object({ low: num(), width: num(), long: z.array(num()), short: z.array(num()) }),
});
export type HlPositionsDoc = z.infer<typeof HlPositionsDocSchema>;

export function hlPositionsDoc(map: RealMap, failedAccounts: number): HlPositionsDoc {
  return {
    format: 'liqlens.hlpositions/1',
    asset: map.asset,
    price: map.price,
    accounts: map.coverage.accounts,
    failedAccounts,
    positions: {
      total: map.positions,
      binned: map.positions - map.offGrid - map.notLiquidatable,
      offGrid: map.offGrid,
      notLiquidatable: map.notLiquidatable,
    },
    coverage: { ...map.coverage },
    bins: map.bins,
  };
}
