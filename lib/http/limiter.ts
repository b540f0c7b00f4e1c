import type { BudgetRule } from './budgets';

/**
 * What a venue says it has counted for our IP in its current window (Binance `X-MBX-USED-WEIGHT-1M`,
 * CoinGlass `API-KEY-USE-LIMIT`). It includes other programs on the same IP, so it can exceed our own log.
 */
interface UsageHint {
  used: number;
  /** Our cap for the window, when the venue tells its limit (else the rule's). */
  limit?: number;
  observedAt: number;
  /** When the venue's counter starts again. */
  resetAt: number;
  /** Units we have sent since the observation (not yet in `used`). */
  sentSince: number;
}

interface Log {
  windowMs: number;
  entries: { t: number; units: number }[];
  lastSentAt?: number;
}

/** Sleeps after which a clock that has not moved is taken as frozen, and the request admitted. */
const MAX_STALLS = 3;

/** Above this share of the cap (as the venue reports it), requests are spread over the rest of the window. */
export const SLOW_DOWN_FROM = 0.5;

export interface Limiter {
  /** Waits (with the injected sleep) until the request fits every rule, then books it. Never fails. */
  acquire(rules: BudgetRule[], weight: number): Promise<void>;
  /** Books units charged after the fact (Hyperliquid's per-item weight). */
  charge(rule: BudgetRule, units: number): void;
  /** Records the venue's own count for a rule's window; `limit` is the venue's published limit if it sent one. */
  observe(rule: BudgetRule, used: number, windowResetAt: number, limit?: number, share?: number): void;
}

export function createLimiter(deps: { now: () => number; sleep: (ms: number) => Promise<void> }): Limiter {
  const logs = new Map<string, Log>();
  const hints = new Map<string, UsageHint>();

  function logFor(rule: BudgetRule): Log {
    let log = logs.get(rule.key);
    if (!log) {
      log = { windowMs: rule.windowMs, entries: [] };
      logs.set(rule.key, log);
    }
    const horizon = deps.now() - log.windowMs;
    while (log.entries.length > 0 && (log.entries[0]?.t ?? 0) <= horizon) log.entries.shift();
    return log;
  }

  function unitsOf(rule: BudgetRule, weight: number): number {
    return rule.unit === 'weight' ? weight : 1;
  }

  /** ms until `units` more fit in the rule's sliding window (our own log). */
  function logWait(rule: BudgetRule, units: number, now: number): number {
    const log = logFor(rule);
    let used = 0;
    for (const e of log.entries) used += e.units;
    if (used + units <= rule.limit) return 0;
    for (const e of log.entries) {
      used -= e.units;
      if (used + units <= rule.limit) return e.t + log.windowMs - now;
    }
    // Heavier than the whole budget: send it alone, once the window is empty.
    const last = log.entries[log.entries.length - 1];
    return last ? last.t + log.windowMs - now : 0;
  }

  /** ms to wait because of what the venue reports: none, a paced gap, or until its counter resets. */
  function hintWait(rule: BudgetRule, units: number, now: number): number {
    const hint = hints.get(rule.key);
    if (!hint) return 0;
    if (now >= hint.resetAt) {
      hints.delete(rule.key);
      return 0;
    }
    const cap = hint.limit ?? rule.limit;
    const used = hint.used + hint.sentSince;
    if (used + units > cap) return hint.resetAt - now;
    if (used <= cap * SLOW_DOWN_FROM) return 0;
    // Spread what is left of the budget evenly over what is left of the window.
    const gap = ((hint.resetAt - now) * units) / (cap - used);
    const last = logs.get(rule.key)?.lastSentAt;
    return last === undefined ? 0 : Math.max(0, last + gap - now);
  }

  function book(rule: BudgetRule, units: number, now: number, sent: boolean): void {
    const log = logFor(rule);
    if (units > 0) log.entries.push({ t: now, units });
    if (sent) log.lastSentAt = now;
    const hint = hints.get(rule.key);
    if (hint && now >= hint.observedAt) hint.sentSince += units;
  }

  // One queue per leading rule (a host, or an OKX endpoint): requests are admitted in order, and only the
  // head of each queue waits, instead of every waiter waking at the same instant.
  const queues = new Map<string, Promise<void>>();

  async function admit(rules: BudgetRule[], weight: number): Promise<void> {
    for (let stalls = 0; ; ) {
      const now = deps.now();
      let wait = 0;
      for (const rule of rules) {
        const units = unitsOf(rule, weight);
        wait = Math.max(wait, logWait(rule, units, now), hintWait(rule, units, now));
      }
      // A clock that does not move across sleeps (a frozen replay or test clock) would never free the budget.
      if (wait <= 0 || stalls >= MAX_STALLS) {
        for (const rule of rules) book(rule, unitsOf(rule, weight), now, true);
        return;
      }
      await deps.sleep(wait);
      stalls = deps.now() > now ? 0 : stalls + 1;
    }
  }

  return {
    acquire(rules, weight) {
      const key = rules[0]?.key ?? '';
      const admitted = (queues.get(key) ?? Promise.resolve()).then(() => admit(rules, weight));
      queues.set(
        key,
        admitted.catch(() => {}),
      );
      return admitted;
    },
    charge(rule, units) {
      if (rule.unit === 'weight' && units > 0) book(rule, units, deps.now(), false);
    },
    observe(rule, used, windowResetAt, limit, share = 1) {
      if (!Number.isFinite(used) || used < 0) return;
      const cap =
        limit !== undefined && Number.isFinite(limit) && limit > 0 ? Math.floor(limit * share) : undefined;
      const hint: UsageHint = { used, observedAt: deps.now(), resetAt: windowResetAt, sentSince: 0 };
      if (cap !== undefined) hint.limit = cap;
      hints.set(rule.key, hint);
    },
  };
}
