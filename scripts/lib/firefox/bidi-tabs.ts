import type { BidiClient } from './bidi-client';

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/** A tab driven over BiDi: navigation and script evaluation in its top document. */
export interface BidiTab {
  context: string;
  navigate(url: string): Promise<void>;
  /**
   * Evaluates `expression` (awaiting a promise) in the tab's page and returns its value passed through JSON: the
   * expression's result is stringified in the page, so any JSON value comes back as is.
   */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function openTab(bidi: BidiClient): Promise<BidiTab> {
  const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  return {
    context,
    async navigate(url) {
      await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    async evaluate<T>(expression: string) {
      const answer = await bidi.send<EvaluateResult>('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      if (answer.type === 'exception')
        throw new Error(`in the page: ${answer.exceptionDetails?.text ?? 'an exception'} (${expression})`);
      const value = answer.result?.value;
      return (typeof value === 'string' ? JSON.parse(value) : undefined) as T;
    },
    async close() {
      await bidi.send('browsingContext.close', { context });
    },
  };
}

/**
 * Polls `read` until `done` holds for its value, and returns that value; past the deadline, throws with the last
 * value seen. Page state is waited for, never slept on.
 */
export async function pollFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown = null;
  for (;;) {
    try {
      last = await read();
      lastError = null;
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? (lastError as Error).message : JSON.stringify(last);
      throw new Error(`${what}: not within ${timeoutMs} ms (last: ${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
