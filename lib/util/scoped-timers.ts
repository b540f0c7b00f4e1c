/** The timer functions of a global (`window`, `globalThis`). */
export interface TimerHost {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface ScopedTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Timers and intervals set and not yet fired (timeouts) or cleared. */
  readonly pending: number;
}

/**
 * Timers tied to a lifetime: none runs its callback once `alive()` says false, and `onEnd` clears whatever is
 * pending. Unlike WXT's `ctx.setTimeout`, which adds an invalidation listener on every call and never removes it,
 * this keeps one set of live handles: a timer re-armed every second for a trading day holds one entry, not 86,400.
 */
export function createScopedTimers(
  host: TimerHost,
  alive: () => boolean,
  onEnd: (listener: () => void) => void,
): ScopedTimers {
  const timeouts = new Set<unknown>();
  const intervals = new Set<unknown>();
  onEnd(() => {
    for (const handle of timeouts) host.clearTimeout(handle);
    for (const handle of intervals) host.clearInterval(handle);
    timeouts.clear();
    intervals.clear();
  });
  return {
    setTimeout(fn, ms) {
      const handle = host.setTimeout(() => {
        timeouts.delete(handle);
        if (alive()) fn();
      }, ms);
      timeouts.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      timeouts.delete(handle);
      host.clearTimeout(handle);
    },
    setInterval(fn, ms) {
      const handle = host.setInterval(() => {
        if (alive()) fn();
      }, ms);
      intervals.add(handle);
      return handle;
    },
    clearInterval(handle) {
      intervals.delete(handle);
      host.clearInterval(handle);
    },
    get pending() {
      return timeouts.size + intervals.size;
    },
  };
}
