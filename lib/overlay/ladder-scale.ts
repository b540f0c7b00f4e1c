import { type PriceScale, priceToY } from '../chart/price-to-y';
import { formatPrice } from '../format';
import type { Band } from '../model/cluster-view';

export interface LadderTick {
  price: number;
  /** CSS px from the ladder's top row. */
  y: number;
  label: string;
}

export interface LadderScale {
  scale: PriceScale;
  /** Half the ladder's span, in % of the price. */
  spanPct: number;
  ticks: LadderTick[];
}

/** The smallest 1-2-5 × 10^k at or above `raw`. */
export function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= raw * (1 - 1e-12)) return m * magnitude;
  return 10 * magnitude;
}

/** The ladder reaches at most this many times the at-risk move (and at least 10 %): farther bands become notes. */
export const LADDER_REACH_MOVES = 3;

/**
 * The docked ladder's own linear price scale, centred on the live price: wide enough for the at-risk move with a
 * margin and for the far edge of the bands shown, but no wider than max(3 × move, 10 %) (so near bands keep their
 * size; farther ones are listed at the ladder's ends) nor than the map (±rangePct). Ticks at a round step, about one
 * per 48 px.
 */
export function ladderScale(input: {
  price: number;
  bands: readonly Band[];
  movePct: number;
  rangePct: number;
  height: number;
}): LadderScale | null {
  const { price, height } = input;
  if (!(price > 0) || !Number.isFinite(price) || !(height >= 40)) return null;
  let reach = input.movePct * 1.5;
  for (const b of input.bands) {
    const far = Math.max(Math.abs(b.high - price), Math.abs(price - b.low));
    reach = Math.max(reach, (far / price) * 100 * 1.1);
  }
  const cap = Math.max(input.movePct * LADDER_REACH_MOVES, 10);
  const spanPct = Math.min(Math.max(reach, 0.5), cap, input.rangePct);
  const scale: PriceScale = {
    from: price * (1 - spanPct / 100),
    to: price * (1 + spanPct / 100),
    mode: 0,
    height,
  };
  const count = Math.max(3, Math.floor(height / 48));
  const step = niceStep((scale.to - scale.from) / count);
  const ticks: LadderTick[] = [];
  for (let k = Math.ceil(scale.from / step); k * step <= scale.to; k++) {
    const tick = k * step;
    const y = priceToY(scale, tick);
    if (y === null) continue;
    ticks.push({ price: tick, y, label: formatPrice(tick, { step }) });
  }
  return { scale, spanPct, ticks };
}
