/** What Chrome throws at a content script whose extension was updated, reloaded or removed. */
const INVALIDATED = /extension context invalidated|context invalidated|receiving end does not exist/i;

export function isContextInvalidated(cause: unknown): boolean {
  const text = cause instanceof Error ? cause.message : String(cause);
  return INVALIDATED.test(text);
}

export interface Guard {
  /** Runs `fn`; a throw is logged once per `kind` and swallowed (never reaches the page's console as an error). */
  run<T>(kind: string, fn: () => T): T | undefined;
  /** The same for callbacks handed to the page or the browser. */
  wrap<A extends unknown[]>(kind: string, fn: (...args: A) => void): (...args: A) => void;
  /** Logs a problem once per kind, tagged with the adapter id; a context invalidation tears down quietly instead. */
  report(kind: string, cause: unknown): void;
}

/**
 * The overlay's failure boundary (style.md item 8): one site's failure stays in its own script, is logged once with
 * the adapter id, and an "Extension context invalidated" after an update calls `onInvalidated` without a word.
 */
export function createGuard(options: {
  tag: string;
  log: (message: string) => void;
  onInvalidated: () => void;
}): Guard {
  const seen = new Set<string>();
  let invalidated = false;
  const report = (kind: string, cause: unknown) => {
    if (isContextInvalidated(cause)) {
      if (invalidated) return;
      invalidated = true;
      try {
        options.onInvalidated();
      } catch {
        // Tearing down after an update: nothing left to tell anyone.
      }
      return;
    }
    if (seen.has(kind)) return;
    seen.add(kind);
    const text = cause instanceof Error ? cause.message : String(cause);
    try {
      options.log(`[${options.tag}] ${kind}: ${text}`);
    } catch {
      // A console that throws is not ours to fix.
    }
  };
  const run = <T>(kind: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (cause) {
      report(kind, cause);
      return undefined;
    }
  };
  return {
    run,
    wrap:
      (kind, fn) =>
      (...args) => {
        run(kind, () => fn(...args));
      },
    report,
  };
}
