import { formatUsd } from '../format/money';
import { formatSignedPercent } from '../format/percent';
import { formatPrice } from '../format/price';
import { atRiskNotional } from '../model/at-risk';
import type { ClusterView } from '../model/cluster-view';
import type { AlertRule } from '../settings/schema';

/** A rule re-arms once its figure falls below this share of the threshold, so a value hovering at it does not ring each period. */
export const REARM_RATIO = 0.9;

export interface AlertNotice {
  ruleId: string;
  title: string;
  message: string;
}

/** Which rules are currently above their threshold (they fired and have not re-armed yet). */
export type AlertState = Record<string, boolean>;

/** The rule's figure on a view: notional of its side liquidated by a move of `withinPct` from the view's price. */
export function measureRule(rule: AlertRule, view: ClusterView): { notionalUsd: number; movePrice: number } {
  const notionalUsd = atRiskNotional(view.bins, view.price, rule.side, rule.withinPct);
  const sign = rule.side === 'short' ? 1 : -1;
  return { notionalUsd, movePrice: view.price * (1 + (sign * rule.withinPct) / 100) };
}

export function describeRule(rule: AlertRule, view: ClusterView): AlertNotice {
  const { notionalUsd, movePrice } = measureRule(rule, view);
  const side = rule.side === 'short' ? 'shorts' : 'longs';
  const move = formatSignedPercent(rule.side === 'short' ? rule.withinPct : -rule.withinPct);
  return {
    ruleId: rule.id,
    title: `LiqLens: ${rule.asset} ${side} at risk`,
    message: `${formatUsd(notionalUsd)} of ${side} liquidate by ${move} (${formatPrice(movePrice)}); alert above ${formatUsd(rule.aboveUsd)}`,
  };
}

/**
 * Edge-triggered: a rule notifies when its figure first exceeds its threshold, then stays quiet until the
 * figure drops below REARM_RATIO × threshold. Rules of other assets keep their state.
 */
export function evaluateAlerts(
  rules: readonly AlertRule[],
  view: ClusterView,
  state: AlertState,
): { notices: AlertNotice[]; state: AlertState } {
  const next: AlertState = { ...state };
  const notices: AlertNotice[] = [];
  for (const rule of rules) {
    if (!rule.enabled || rule.asset !== view.asset) continue;
    const { notionalUsd } = measureRule(rule, view);
    const wasActive = state[rule.id] === true;
    if (notionalUsd > rule.aboveUsd) {
      if (!wasActive) notices.push(describeRule(rule, view));
      next[rule.id] = true;
    } else if (notionalUsd < rule.aboveUsd * REARM_RATIO) {
      delete next[rule.id];
    }
  }
  return { notices, state: next };
}
