/**
 * Runs refreshes at most `concurrency` at a time. Waiting jobs start newest first: when a user skims through
 * symbols, the one they stop on is next, and the ones they passed wait behind it; a job whose `wanted()` is false
 * by the time it would start (nobody watches that asset any more) is skipped without touching the venues.
 */
export interface RefreshQueue {
  run<T>(job: { wanted(): Promise<boolean>; work(): Promise<T>; skipped(): Promise<T> }): Promise<T>;
}

export function createRefreshQueue(concurrency: number): RefreshQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (running >= concurrency) return;
    const start = waiting.pop();
    if (start) start();
  };
  return {
    run(job) {
      return new Promise((resolve, reject) => {
        waiting.push(() => {
          running++;
          void (async () => {
            try {
              resolve(await ((await job.wanted()) ? job.work() : job.skipped()));
            } catch (cause) {
              reject(cause);
            } finally {
              running--;
              next();
            }
          })();
        });
        next();
      });
    },
  };
}
