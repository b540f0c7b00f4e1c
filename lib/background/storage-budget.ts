/**
 * What LiqLens may keep in `storage.local` (10 MB in Chrome; no `unlimitedStorage`). Measured on the btc-all replay
 * (four venues, two weeks of 15-minute candles): per asset the engine state is 302 kB, the series 278 kB, the view
 * 19 kB, and Hyperliquid's open-interest snapshots at most 14 days × 288 a day × ~32 B ≈ 130 kB: ≤ 0.75 MB in all.
 * At most MAX_STORED_ASSETS assets keep data (least recently used evicted first): 10 × 0.75 MB = 7.5 MB, which
 * leaves room for settings, watches, pauses and the popup's few keys under the 10,485,760-byte quota.
 */
export const MAX_STORED_ASSETS = 10;
/** Assets watched at once (tabs and popup); renewing a watch beyond it ends the least recently renewed asset's. */
export const MAX_WATCHED_ASSETS = 6;
/** Bytes Chrome allows in storage.local without `unlimitedStorage`. */
export const LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;

/** Chrome's and Firefox's words for a full storage area ("Resource::kQuotaBytes quota exceeded", "QuotaExceededError"). */
export function isQuotaError(cause: unknown): boolean {
  const text = cause instanceof Error ? `${cause.name} ${cause.message}` : String(cause);
  return /quota/i.test(text);
}

/** Our own words for a storage failure; the browser's raw text is never shown. */
export function storageFailureMessage(cause: unknown, what: string): string {
  return isQuotaError(cause)
    ? `LiqLens's browser storage is full, so the ${what} could not be saved; data of assets not watched lately was cleared, and the next refresh tries again`
    : `the ${what} could not be saved in the browser's storage; the next refresh tries again`;
}
