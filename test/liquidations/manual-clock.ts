import type { TimerClock } from '../../lib/liquidations/stream-manager';

/** A clock whose timers run only when the test moves time on: plays well with fake-indexeddb's own scheduling. */
export function manualClock(start: number): TimerClock & { advance(ms: number): void; set(t: number): void } {
  let now = start;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const runDue = () => {
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) return;
      timers.delete(due[0]);
      due[1].run();
    }
  };
  return {
    now: () => now,
    setTimeout(run, ms) {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const first = [...timers.values()].filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!first) break;
        now = Math.max(now, first.at);
        runDue();
      }
      now = end;
    },
    set(t) {
      now = t;
      runDue();
    },
  };
}
