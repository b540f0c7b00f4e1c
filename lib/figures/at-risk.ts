import { formatSignedPercent, formatUsd } from '../format';
import { atRiskNotional, moveToLiquidate } from '../model/at-risk';
import type { ClusterView, Side } from '../model/cluster-view';

export interface AtRiskFigure {
  direction: 'up' | 'down';
  /** Shorts liquidate on the way up, longs on the way down. */
  side: Side;
  /** Signed move in %: +3 up, −3 down. */
  movePct: number;
  /** The price the move reaches. */
  price: number;
  notionalUsd: number;
  /**
   * The inverse ("$500M of shorts: +2.5 %"): the at-risk notional rounded down to 1-2-5 × 10^k and the smallest
   * signed move from the same price that liquidates it; null when nothing is at risk.
   */
  inverse: { usd: number; movePct: number } | null;
}

export interface AtRiskFigures {
  /** The move, unsigned, in %. */
  movePct: number;
  up: AtRiskFigure;
  down: AtRiskFigure;
  /** True when these are the view's own figures (its price and its model's move), not re-read from the bins. */
  fromView: boolean;
}

/**
 * At-risk notional for `movePct` each way from `price` (the chart's live price, or the view's own), and its
 * inverse, read off the view's bins with the model's own rule (lib/model/at-risk.ts): no network, so the badge
 * follows the chart between refreshes. At the view's own price and move the notional and price are the view's.
 */
export function atRiskFigures(view: ClusterView, price: number, movePct: number): AtRiskFigures {
  const fromView = price === view.price && movePct === view.atRisk.movePct;
  const figure = (direction: 'up' | 'down'): AtRiskFigure => {
    const side: Side = direction === 'up' ? 'short' : 'long';
    const sign = direction === 'up' ? 1 : -1;
    const stored = direction === 'up' ? view.atRisk.up : view.atRisk.down;
    const notionalUsd = fromView ? stored.notionalUsd : atRiskNotional(view.bins, price, side, movePct);
    const usd = roundNotional(notionalUsd);
    const move = usd > 0 ? moveToLiquidate(view.bins, price, side, usd) : null;
    return {
      direction,
      side,
      movePct: sign * movePct,
      price: fromView ? stored.price : price * (1 + (sign * movePct) / 100),
      notionalUsd,
      inverse: move === null ? null : { usd, movePct: sign * move },
    };
  };
  return { movePct, up: figure('up'), down: figure('down'), fromView };
}

/** The largest 1-2-5 × 10^k not above `usd` ($1.45B → $1B), so the inverse move stays within the at-risk move. */
export function roundNotional(usd: number): number {
  if (!(usd > 0) || !Number.isFinite(usd)) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(usd));
  for (const step of [5, 2, 1]) {
    if (step * magnitude <= usd) return step * magnitude;
  }
  return magnitude;
}

/** "$1B of shorts: +2.1 %" (the round notional without a needless ".0"), or null when nothing is at risk. */
export function inverseText(figure: Pick<AtRiskFigure, 'side' | 'inverse'>): string | null {
  if (!figure.inverse) return null;
  const usd = formatUsd(figure.inverse.usd).replace(/\.0(?=[KMBT]$)/, '');
  return `${usd} of ${figure.side === 'short' ? 'shorts' : 'longs'}: ${formatSignedPercent(figure.inverse.movePct, 1)}`;
}
