import type { AccountFailureKind } from './fetch-account';

const MINUTE = 60_000;

/**
 * Hyperliquid allows 1,200 weight a minute per IP and `clearinghouseState` weighs 2. The trader's own
 * Hyperliquid tab spends the same budget, so the scanner takes at most half: 300 requests a minute.
 */
export const MAX_REQUESTS_PER_MINUTE = 300;
/** The rate never drops below this, so a scan keeps moving once the venue calms down. */
export const MIN_REQUESTS_PER_MINUTE = 10;
/** After a clean minute the rate grows by this much (additive increase, multiplicative decrease). */
const RECOVERY_PER_MINUTE = 30;
/** A throttled 200 or an HTML page names no retry time: the scanner holds off this long. */
const SOFT_HOLD_MS = 15_000;
/** A 429 without a retry time: a minute, as the HTTP client pauses the host. */
const RATE_LIMIT_HOLD_MS = MINUTE;

export interface PacerState {
  /** Requests a minute the scanner allows itself now. */
  rate: number;
  /** No request before this instant (ms). */
  holdUntil: number;
}

/**
 * The scanner's budget: a sliding window of at most `maxPerMinute` requests in any 60 s, requests spaced by
 * 60 s / rate, the rate halved after any 429, throttled 200 or HTML page (and requests held back for a while),
 * and raised again by 30 a minute after a minute without one. Pure bookkeeping on an injected clock's
 * readings; the HTTP client's own per-host budget still applies underneath.
 */
export interface Pacer {
  /** ms to wait before the next request may be sent (0: now). */
  waitMs(now: number): number;
  /** Books a request sent at `now`. */
  sent(now: number): void;
  /** What the answer was: `ok`, or a failure kind. */
  outcome(now: number, result: 'ok' | AccountFailureKind, retryAt?: number): void;
  state(): PacerState;
  /** Requests booked in the 60 s before `now`. */
  inLastMinute(now: number): number;
}

export function createPacer(options: { maxPerMinute?: number } = {}): Pacer {
  const max = options.maxPerMinute ?? MAX_REQUESTS_PER_MINUTE;
  let rate = max;
  let holdUntil = Number.NEGATIVE_INFINITY;
  let lastChange = Number.NEGATIVE_INFINITY;
  let lastSent = Number.NEGATIVE_INFINITY;
  const window: number[] = [];

  const prune = (now: number) => {
    while (window.length > 0 && (window[0] as number) <= now - MINUTE) window.shift();
  };

  const slowDown = (now: number, holdMs: number, retryAt?: number) => {
    rate = Math.max(MIN_REQUESTS_PER_MINUTE, Math.floor(rate / 2));
    lastChange = now;
    holdUntil = Math.max(holdUntil, retryAt ?? now + holdMs);
  };

  return {
    waitMs(now) {
      prune(now);
      let at = Math.max(holdUntil, lastSent + MINUTE / rate);
      // The window is full: the oldest request in it must leave first.
      if (window.length >= max) at = Math.max(at, (window[window.length - max] as number) + MINUTE);
      return Math.max(0, at - now);
    },
    sent(now) {
      prune(now);
      window.push(now);
      lastSent = now;
    },
    outcome(now, result, retryAt) {
      if (result === 'rate-limited') slowDown(now, RATE_LIMIT_HOLD_MS, retryAt);
      else if (result === 'throttled' || result === 'html') slowDown(now, SOFT_HOLD_MS);
      else if (result === 'ok' && now - lastChange >= MINUTE && rate < max) {
        rate = Math.min(max, rate + RECOVERY_PER_MINUTE);
        lastChange = now;
      }
    },
    state: () => ({ rate, holdUntil }),
    inLastMinute(now) {
      prune(now);
      return window.length;
    },
  };
}
