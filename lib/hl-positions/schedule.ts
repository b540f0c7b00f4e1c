import type { AccountRecord } from './schemas';

/** Positions whose liquidation price is within this share of the price are refreshed first. */
export const NEAR_SHARE = 0.05;
/** …and at least this often. A margin under 2 minutes leaves room for the pacer's spacing. */
export const NEAR_REFRESH_MS = 100_000;
/** No account is asked again sooner than this, however small the book. */
export const MIN_REVISIT_MS = 60_000;
/** A state older than this is left out of the map: its positions may have closed long since. */
export const AGE_OUT_MS = 30 * 60_000;

/** When the account was last asked, successfully or not; -∞ for one never asked. */
export function lastAskedAt(r: AccountRecord): number {
  return Math.max(r.state?.fetchedAt ?? Number.NEGATIVE_INFINITY, r.failedAt ?? Number.NEGATIVE_INFINITY);
}

/** Whether the account's last good state holds a position liquidated within ±5 % of its coin's price. */
export function isNear(r: AccountRecord, prices: ReadonlyMap<string, number>): boolean {
  if (!r.state) return false;
  for (const p of r.state.positions) {
    const price = prices.get(p.coin);
    if (price === undefined || p.liquidationPx === null) continue;
    if (Math.abs(p.liquidationPx / price - 1) <= NEAR_SHARE) return true;
  }
  return false;
}

/**
 * The next account to ask. With `preferNear`, the most overdue account holding a near position (asked over
 * 100 s ago) comes first; otherwise, and when none is overdue, the account asked longest ago (never-asked ones
 * first, then in the order they were seen) if over a minute ago, else an overdue near one. `null` when no
 * account is due.
 */
export function pickNext(
  records: Iterable<AccountRecord>,
  now: number,
  prices: ReadonlyMap<string, number>,
  preferNear = true,
): AccountRecord | null {
  let near: AccountRecord | null = null;
  let nearAt = Number.POSITIVE_INFINITY;
  let oldest: AccountRecord | null = null;
  let oldestKey: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (const r of records) {
    const at = lastAskedAt(r);
    if (now - at >= NEAR_REFRESH_MS && at < nearAt && isNear(r, prices)) {
      near = r;
      nearAt = at;
    }
    if (at < oldestKey[0] || (at === oldestKey[0] && r.seenAt < oldestKey[1])) {
      oldest = r;
      oldestKey = [at, r.seenAt];
    }
  }
  const due = oldest && now - lastAskedAt(oldest) >= MIN_REVISIT_MS ? oldest : null;
  return preferNear ? (near ?? due) : (due ?? near);
}
