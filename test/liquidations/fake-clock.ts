import { vi } from 'vitest';
import type { TimerClock } from '../../lib/liquidations/stream-manager';

/**
 * The clock the realised code takes, on vitest's fake timers: setTimeout, clearTimeout and Date only, so that
 * fake-indexeddb, which schedules its own work with setImmediate, keeps running. The test calls
 * `vi.useRealTimers()` after each test.
 */
export function fakeClock(start: number): TimerClock & { advance(ms: number): void } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: start });
  return {
    now: () => Date.now(),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    advance: (ms) => vi.advanceTimersByTime(ms),
  };
}

/** Waits for the database's pending work: a few turns of setImmediate, which the fake clock leaves real. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}
