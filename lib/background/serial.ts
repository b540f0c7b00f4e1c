/**
 * Runs async read-modify-write steps one after another. Two messages handled at once (two tabs renewing their
 * watch) would otherwise both read the old value and one write would be lost. Only this worker writes these
 * keys, so an in-memory queue is enough; a restarted worker starts with an empty one.
 */
export function createSerial(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (step) => {
    const run = tail.then(step, step);
    tail = run.catch(() => undefined);
    return run;
  };
}
