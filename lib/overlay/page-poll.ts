/** How often the page is read (URL and title): SPA navigations and symbol switches are followed within a second. */
export const POLL_MS = 250;
/** While snapshots run the poll, the timer only backs them up, this often. */
export const BACKUP_POLL_MS = 1_000;
/** A timer may fire a little early: work this close to due is done now rather than a whole period later. */
const EARLY_MS = 10;

export interface PollTask {
  /** Runs at most this often (and at least this often while the poll runs). */
  everyMs: number;
  run(): void;
}

export interface PagePollOptions {
  now(): number;
  setTimeout(fn: () => void, ms: number): void;
  /** Each task's `run` must not throw (guard it). */
  tasks: readonly PollTask[];
}

export interface PagePoll {
  /** Runs every task once and starts the timer. */
  start(): void;
  /** A bridge snapshot arrived: the tasks that are due run now, in its task. */
  onSnapshot(): void;
}

/**
 * The content script's periodic looks at the page (its URL and title, the ladder's dock, new chart frames). A timer
 * runs them every POLL_MS; while the bridge's snapshots arrive (one a frame during a pan) they run them instead, in
 * the snapshot's own task, and the timer fires only every BACKUP_POLL_MS. A timer task of its own every 250 ms
 * landed on one frame of a pan in sixteen and cost it 0.05–0.15 ms of thread time, most of it the task's entry.
 */
export function createPagePoll({ now, setTimeout, tasks }: PagePollOptions): PagePoll {
  const ranAt = tasks.map(() => Number.NEGATIVE_INFINITY);
  let snapshotAt = Number.NEGATIVE_INFINITY;
  const runDue = (t: number) => {
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i] as PollTask;
      if (t - (ranAt[i] as number) < task.everyMs - EARLY_MS) continue;
      ranAt[i] = t;
      task.run();
    }
  };
  const tick = () => {
    const t = now();
    runDue(t);
    setTimeout(tick, t - snapshotAt < POLL_MS ? BACKUP_POLL_MS : POLL_MS);
  };
  return {
    start: tick,
    onSnapshot() {
      snapshotAt = now();
      runDue(snapshotAt);
    },
  };
}
