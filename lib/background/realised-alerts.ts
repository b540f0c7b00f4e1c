import { formatUsd } from '../format/money';
import type { LiqPrint } from '../liquidations/types';
import type { RealisedAlertRule } from '../settings/schema';

const MINUTE = 60_000;

export interface RealisedAlertNotice {
  ruleId: string;
  title: string;
  message: string;
}

/** When each realised rule last notified (ms), so that its cooldown holds across worker restarts. */
export type RealisedAlertState = Record<string, number>;

/** Notional of the rule's side liquidated in (now − withinMinutes, now], from the prints received. */
export function realisedWithin(rule: RealisedAlertRule, prints: readonly LiqPrint[], now: number): number {
  const from = now - rule.withinMinutes * MINUTE;
  let sum = 0;
  for (const p of prints) if (p.side === rule.side && p.time > from && p.time <= now) sum += p.notionalUsd;
  return sum;
}

export function describeRealisedRule(rule: RealisedAlertRule, notionalUsd: number): RealisedAlertNotice {
  const side = rule.side === 'long' ? 'longs' : 'shorts';
  return {
    ruleId: rule.id,
    title: `LiqLens: ${rule.asset} ${side} liquidated (realised)`,
    message: `${formatUsd(notionalUsd)} of ${side} liquidated in the last ${rule.withinMinutes} min (realised, Bybit + OKX + Binance feeds); alert at ${formatUsd(rule.aboveUsd)}`,
  };
}

/**
 * A rule notifies when its figure reaches its threshold and it has not notified within its cooldown. The
 * background is the only place that evaluates, and the state is stored, so a rule fires once however many tabs
 * watch the asset and whether or not the worker restarted in between.
 */
export function evaluateRealisedAlerts(
  rules: readonly RealisedAlertRule[],
  asset: string,
  prints: readonly LiqPrint[],
  now: number,
  state: RealisedAlertState,
): { notices: RealisedAlertNotice[]; state: RealisedAlertState } {
  const next: RealisedAlertState = {};
  for (const rule of rules) {
    const last = state[rule.id];
    if (last !== undefined && now - last < rule.cooldownMinutes * MINUTE) next[rule.id] = last;
  }
  const notices: RealisedAlertNotice[] = [];
  for (const rule of rules) {
    if (!rule.enabled || rule.asset !== asset || next[rule.id] !== undefined) continue;
    const sum = realisedWithin(rule, prints, now);
    if (sum >= rule.aboveUsd) {
      notices.push(describeRealisedRule(rule, sum));
      next[rule.id] = now;
    }
  }
  return { notices, state: next };
}
