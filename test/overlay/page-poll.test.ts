import { describe, expect, it } from 'vitest';
import { BACKUP_POLL_MS, createPagePoll, POLL_MS } from '../../lib/overlay/page-poll';

/** A clock and timers moved by hand; `fires` counts the poll's own timer tasks. */
function harness() {
  let t = 1_000_000;
  const timers: { at: number; fn: () => void }[] = [];
  let fires = 0;
  const runs = { page: [] as number[], dock: [] as number[] };
  const poll = createPagePoll({
    now: () => t,
    setTimeout: (fn, ms) => {
      timers.push({ at: t + ms, fn });
    },
    tasks: [
      { everyMs: POLL_MS, run: () => runs.page.push(t) },
      { everyMs: 1_000, run: () => runs.dock.push(t) },
    ],
  });
  /** Moves the clock to `until`, firing timers and, every `snapshotEvery` ms, a snapshot. */
  const advance = (ms: number, snapshotEvery?: number) => {
    const until = t + ms;
    let nextSnapshot = snapshotEvery ? t + snapshotEvery : Number.POSITIVE_INFINITY;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const timer = timers[0];
      const next = Math.min(timer?.at ?? Number.POSITIVE_INFINITY, nextSnapshot);
      if (next > until) break;
      t = next;
      if (timer && timer.at === next) {
        timers.shift();
        fires += 1;
        timer.fn();
      } else {
        poll.onSnapshot();
        nextSnapshot += snapshotEvery as number;
      }
    }
    t = until;
  };
  return { poll, runs, advance, fires: () => fires, now: () => t };
}

const gaps = (times: number[]) => times.slice(1).map((x, i) => x - (times[i] as number));

describe('the page poll', () => {
  it('reads the page every 250 ms and runs the slower looks every second, on its own timer', () => {
    const h = harness();
    h.poll.start();
    h.advance(3_000);
    expect(h.runs.page).toHaveLength(13);
    expect(new Set(gaps(h.runs.page))).toEqual(new Set([POLL_MS]));
    expect(h.runs.dock).toHaveLength(4);
    expect(h.fires()).toBe(12);
  });

  it('while snapshots arrive every frame, they run the poll and its timer fires once a second', () => {
    const h = harness();
    h.poll.start();
    h.advance(3_000, 16);
    // The page is still read at least every 250 ms (within a frame), the timer only backs the snapshots up.
    expect(Math.max(...gaps(h.runs.page))).toBeLessThanOrEqual(POLL_MS + 16);
    expect(h.runs.page.length).toBeGreaterThanOrEqual(11);
    expect(h.fires()).toBeLessThanOrEqual(Math.ceil(3_000 / BACKUP_POLL_MS) + 1);
    expect(h.runs.dock.length).toBeGreaterThanOrEqual(3);
  });

  it('goes back to its own 250 ms once the snapshots stop', () => {
    const h = harness();
    h.poll.start();
    h.advance(2_000, 16);
    const stopped = h.now();
    h.advance(3_000);
    const after = h.runs.page.filter((x) => x > stopped);
    // The first read after the pan is the backup timer's (within a second), then every 250 ms again.
    expect((after[0] as number) - stopped).toBeLessThanOrEqual(BACKUP_POLL_MS);
    expect(new Set(gaps(after.slice(1)))).toEqual(new Set([POLL_MS]));
  });
});
