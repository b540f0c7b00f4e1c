// Request weights from the Binance USDⓈ-M docs (market-data endpoints); budget 2400 / minute / IP.

/** klines: 1 / 2 / 5 / 10 for limit < 100 / < 500 / ≤ 1000 / > 1000 (max 1500). */
export function klinesWeight(limit: number): number {
  if (limit < 100) return 1;
  if (limit < 500) return 2;
  if (limit <= 1000) return 5;
  return 10;
}

const KLINE_PAGE_SIZES = [99, 499, 1000, 1500] as const;

/**
 * The page size that fetches `count` candles for the least total weight (ties: fewer requests).
 * 673 candles (7 d of 15 m): 2 × 499 = weight 4, against 1 × 1000 = 5 or 7 × 99 = 7.
 */
export function klinesPageSize(count: number): number {
  let best: { size: number; weight: number; pages: number } | undefined;
  for (const size of KLINE_PAGE_SIZES) {
    const pages = Math.ceil(count / size);
    const weight = pages * klinesWeight(Math.min(size, count));
    if (!best || weight < best.weight || (weight === best.weight && pages < best.pages))
      best = { size, weight, pages };
  }
  return best?.size ?? KLINE_PAGE_SIZES[0];
}

/** depth: limit 5, 10, 20, 50 → 2; 100 → 5; 500 → 10; 1000 → 20. */
export function depthWeight(limit: number): number {
  if (limit <= 50) return 2;
  if (limit <= 100) return 5;
  if (limit <= 500) return 10;
  return 20;
}

/** openInterestHist has its own 1000 requests / 5 min budget; counted as 1 here to stay on the safe side. */
export const OPEN_INTEREST_HIST_WEIGHT = 1;
export const PREMIUM_INDEX_WEIGHT = 1;
export const OPEN_INTEREST_WEIGHT = 1;
export const FUNDING_INFO_WEIGHT = 1;
