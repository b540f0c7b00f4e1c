import type { ItemIssue } from '../storage/versioned-item';
import { isRecord } from '../util/is-record';
import { MAX_ALERT_ASSETS } from './schema';

/**
 * Stored settings from before the cap on alert assets may have enabled rules on more than MAX_ALERT_ASSETS assets.
 * Those beyond the cap (in list order) are switched off, not dropped: the user keeps every rule and sees why it is
 * off. Anything that is not a well-formed rule is left for the schema to judge.
 */
export function capAlertRuleAssets(data: unknown): { data: unknown; issues: ItemIssue[] } {
  if (!isRecord(data) || !isRecord(data.alerts) || !Array.isArray(data.alerts.rules))
    return { data, issues: [] };
  const assets = new Set<string>();
  const issues: ItemIssue[] = [];
  const rules = data.alerts.rules.map((rule, index) => {
    if (!isRecord(rule) || rule.enabled === false || typeof rule.asset !== 'string') return rule;
    if (assets.has(rule.asset) || assets.size < MAX_ALERT_ASSETS) {
      assets.add(rule.asset);
      return rule;
    }
    issues.push({
      path: `alerts.rules[${index}].enabled`,
      message: `enabled alert rules may name at most ${MAX_ALERT_ASSETS} different assets; this ${rule.asset} rule was switched off`,
    });
    return { ...rule, enabled: false };
  });
  if (issues.length === 0) return { data, issues };
  return { data: { ...data, alerts: { ...data.alerts, rules } }, issues };
}
