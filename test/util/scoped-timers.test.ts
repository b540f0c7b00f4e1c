import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScopedTimers } from '../../lib/util/scoped-timers';

describe('createScopedTimers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    let alive = true;
    const ends: (() => void)[] = [];
    const timers = createScopedTimers(
      globalThis,
      () => alive,
      (listener) => ends.push(listener),
    );
    return {
      timers,
      die: () => (alive = false),
      end: () => {
        for (const listener of ends) listener();
      },
      ends,
    };
  };

  it('holds one entry per pending timer however often one is re-armed, and none once fired', () => {
    const { timers, ends } = setup();
    let runs = 0;
    const tick = () => {
      runs++;
      if (runs < 1_000) timers.setTimeout(tick, 1_000);
    };
    timers.setTimeout(tick, 1_000);
    vi.advanceTimersByTime(500 * 1_000);
    expect(runs).toBe(500);
    expect(timers.pending).toBe(1);
    vi.advanceTimersByTime(600 * 1_000);
    expect(runs).toBe(1_000);
    expect(timers.pending).toBe(0);
    // One end listener for the whole lifetime, not one per timer.
    expect(ends).toHaveLength(1);
  });

  it('clears what is pending when the lifetime ends, timeouts and intervals alike', () => {
    const { timers, end } = setup();
    const fired: string[] = [];
    timers.setTimeout(() => fired.push('timeout'), 100);
    timers.setInterval(() => fired.push('interval'), 40);
    vi.advanceTimersByTime(50);
    expect(fired).toEqual(['interval']);
    expect(timers.pending).toBe(2);
    end();
    expect(timers.pending).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual(['interval']);
  });

  it('runs no callback once the lifetime says it is over, even before the end listener ran', () => {
    const { timers, die } = setup();
    const fired: string[] = [];
    timers.setTimeout(() => fired.push('timeout'), 100);
    timers.setInterval(() => fired.push('interval'), 40);
    die();
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual([]);
  });

  it('clears a timer or an interval by its handle and forgets it', () => {
    const { timers } = setup();
    const fired: string[] = [];
    const timeout = timers.setTimeout(() => fired.push('timeout'), 100);
    const interval = timers.setInterval(() => fired.push('interval'), 40);
    timers.clearTimeout(timeout);
    timers.clearInterval(interval);
    expect(timers.pending).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual([]);
  });
});
