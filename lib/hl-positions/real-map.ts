import { binIndex, type Grid, makeGrid } from '../model/bins';
import type { Bins } from '../model/cluster-view';
import { AGE_OUT_MS } from './schedule';
import type { AccountRecord, AccountState } from './schemas';

/**
 * Coverage of the real map. Hyperliquid's `openInterest` is read as one side (the coins held long, equal to
 * those held short), so the observed share compares Σ|szi| (longs and shorts together) with twice it.
 */
export interface Coverage {
  /** Σ|szi| of the asset's positions in the states used, in coins (long and short). */
  observedSize: number;
  /** Hyperliquid's open interest in coins, as the venue reports it. */
  openInterest: number | null;
  /** How `openInterest` is read: one side (assumed, see docs/data-sources.md). */
  openInterestSides: 1;
  /** observedSize ÷ (2 × openInterest), or null without open interest. */
  share: number | null;
  /** Accounts whose state is used (fresh or stale, not aged out). */
  accounts: number;
  /** Of those, the ones whose last attempt failed (their last good state is used, marked stale). */
  staleAccounts: number;
  /** Age of the oldest state used, ms; null when none. */
  oldestAgeMs: number | null;
  /** Share of the asset's observed size held in cross margin; null without positions. */
  crossShare: number | null;
}

export interface RealMap {
  asset: string;
  price: number;
  bins: Bins;
  /** Positions of the asset in the states used. */
  positions: number;
  /** …whose liquidation price lies outside the grid (counted, left out of the bins). */
  offGrid: number;
  /** …with no liquidation price: not liquidatable at any price in range. */
  notLiquidatable: number;
  coverage: Coverage;
}

export interface RealMapInput {
  asset: string;
  /** Hyperliquid's mark price: the grid's centre and the price of every position's notional. */
  price: number;
  openInterest: number | null;
  /** The model's grid rule around `price`, or a given grid (the estimate's, to compare on the same bins). */
  grid: { binPct: number; rangePct: number } | Grid;
  /** States to use, with whether their account's last attempt failed. */
  states: readonly { state: AccountState; stale: boolean }[];
  now: number;
}

/**
 * The real liquidation map (docs/data-sources.md, "Hyperliquid's real positions"): each position of the asset
 * with a liquidation price adds |szi| × mark to the bin of its `liquidationPx`, long when szi > 0, on the
 * model's grid (`binPct` snapped to 1-2-5, ±`rangePct`) around the mark, or on a grid given.
 */
export function buildRealMap(input: RealMapInput): RealMap {
  const grid =
    'edges' in input.grid ? input.grid : makeGrid(input.price, input.grid.binPct, input.grid.rangePct);
  const long = new Array<number>(grid.count).fill(0);
  const short = new Array<number>(grid.count).fill(0);
  let positions = 0;
  let offGrid = 0;
  let notLiquidatable = 0;
  let observedSize = 0;
  let crossSize = 0;
  let oldest: number | null = null;
  let staleAccounts = 0;
  for (const { state, stale } of input.states) {
    oldest = oldest === null ? state.fetchedAt : Math.min(oldest, state.fetchedAt);
    if (stale) staleAccounts += 1;
    for (const p of state.positions) {
      if (p.coin !== input.asset) continue;
      positions += 1;
      const size = Math.abs(p.szi);
      observedSize += size;
      if (p.margin === 'cross') crossSize += size;
      if (p.liquidationPx === null) {
        notLiquidatable += 1;
        continue;
      }
      const k = binIndex(grid, p.liquidationPx);
      if (k < 0) {
        offGrid += 1;
        continue;
      }
      const side = p.szi > 0 ? long : short;
      side[k] = (side[k] as number) + size * input.price;
    }
  }
  const oi = input.openInterest;
  return {
    asset: input.asset,
    price: input.price,
    bins: { low: grid.low, width: grid.width, long, short },
    positions,
    offGrid,
    notLiquidatable,
    coverage: {
      observedSize,
      openInterest: oi,
      openInterestSides: 1,
      share: oi !== null && oi > 0 ? observedSize / (2 * oi) : null,
      accounts: input.states.length,
      staleAccounts,
      oldestAgeMs: oldest === null ? null : Math.max(0, input.now - oldest),
      crossShare: observedSize > 0 ? crossSize / observedSize : null,
    },
  };
}

/**
 * The states the map uses: every account's last good state not older than 30 minutes; a failed account keeps
 * its state (marked stale) until then, and an account never answered adds nothing.
 */
export function usableStates(
  records: Iterable<AccountRecord>,
  now: number,
  maxAgeMs = AGE_OUT_MS,
): { state: AccountState; stale: boolean }[] {
  const out: { state: AccountState; stale: boolean }[] = [];
  for (const r of records) {
    if (!r.state || now - r.state.fetchedAt > maxAgeMs) continue;
    out.push({ state: r.state, stale: r.failedAt !== null && r.failedAt > r.state.fetchedAt });
  }
  return out;
}
