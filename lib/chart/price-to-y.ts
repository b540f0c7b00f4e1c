/** Price-scale modes as the Charting Library numbers them (PriceScaleMode). */
export const ScaleMode = { Normal: 0, Log: 1, Percentage: 2, IndexedTo100: 3 } as const;
export type ScaleModeValue = (typeof ScaleMode)[keyof typeof ScaleMode];

/**
 * A pane's vertical scale with the Charting Library's semantics: `from` is the price on the pane's bottom pixel row
 * (h − 1) and `to` the price on row 0, margins included, in prices even in % and indexed modes
 * (`getVisiblePriceRange()` = `priceRangeInPrice()`; chart-integration.md §1.2–1.4). On an inverted scale `from` is
 * simply the larger price: the same formula holds.
 */
export interface PriceScale {
  from: number;
  to: number;
  mode: ScaleModeValue;
  /** Pane height in CSS px. */
  height: number;
  /**
   * Added to |price| before the log in log mode (the engines' `coordOffset`). It is four or more orders of magnitude
   * below the visible span, so 0 is sub-pixel accurate for real prices; kept for callers that know the exact value.
   */
  logOffset?: number;
}

function logical(price: number, scale: PriceScale): number {
  // Log mode maps positive prices only (callers check), so no sign handling is needed.
  return scale.mode === ScaleMode.Log ? Math.log10(price + (scale.logOffset ?? 0)) : price;
}

/** Whether a scale can map prices at all: finite, positive height, a non-empty range, positive prices on log. */
export function isUsableScale(scale: PriceScale): boolean {
  const { from, to, height } = scale;
  if (!Number.isFinite(from) || !Number.isFinite(to) || !Number.isFinite(height) || height < 2) return false;
  if (from === to) return false;
  if (scale.mode === ScaleMode.Log && (from <= 0 || to <= 0)) return false;
  return Number.isFinite(logical(from, scale)) && Number.isFinite(logical(to, scale));
}

/** y in CSS px from the pane's top row for a price; null when the scale cannot map it. */
export function priceToY(scale: PriceScale, price: number): number | null {
  if (!isUsableScale(scale) || !Number.isFinite(price)) return null;
  if (scale.mode === ScaleMode.Log && price <= 0) return null;
  const top = logical(scale.to, scale);
  const bottom = logical(scale.from, scale);
  const y = ((scale.height - 1) * (top - logical(price, scale))) / (top - bottom);
  return Number.isFinite(y) ? y : null;
}

/**
 * `priceToY` for many prices on one scale (every bin of a profile, every frame): the scale checked and its ends
 * mapped once, the same arithmetic per price, so the same results. Null for a scale that maps nothing.
 */
export function priceToYOn(scale: PriceScale): ((price: number) => number | null) | null {
  if (!isUsableScale(scale)) return null;
  const log = scale.mode === ScaleMode.Log;
  const top = logical(scale.to, scale);
  const bottom = logical(scale.from, scale);
  return (price) => {
    if (!Number.isFinite(price) || (log && price <= 0)) return null;
    const y = ((scale.height - 1) * (top - logical(price, scale))) / (top - bottom);
    return Number.isFinite(y) ? y : null;
  };
}
