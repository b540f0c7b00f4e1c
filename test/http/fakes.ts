import { createHttpClient, type HttpClientOptions } from '../../lib/http/client';
import type { FetchLike, HttpRequest, HttpResult, SourceFailure } from '../../lib/http/types';

export const T0 = Date.UTC(2026, 10, 2, 14, 0, 10); // 14:00:10 UTC

/** `14:02:10`, in UTC so that messages do not depend on the machine's time zone. */
export const utcClock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

type FetchResponse = Awaited<ReturnType<FetchLike>>;

export function response(status: number, body: unknown, headers: Record<string, string> = {}): FetchResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const map = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    headers: {
      get: (name) => map.get(name.toLowerCase()) ?? null,
      forEach: (cb) => {
        for (const [k, v] of map) cb(v, k);
      },
    },
    text: async () => text,
  };
}

/**
 * Fake time. `sleep` only registers a timer; `run(promise)` lets microtasks settle, then jumps the clock to the
 * earliest timer, until the promise settles. Nothing really waits.
 */
export function fakeTime(start = T0) {
  let t = start;
  const timers: { at: number; seq: number; resolve: () => void }[] = [];
  let seq = 0;
  const sleeps: number[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => t,
    set: (ms: number) => {
      t = ms;
    },
    sleeps,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        timers.push({ at: t + Math.max(0, ms), seq: seq++, resolve });
      }),
    async run<T>(promise: Promise<T>): Promise<T> {
      let done = false;
      promise.then(
        () => {
          done = true;
        },
        () => {
          done = true;
        },
      );
      for (;;) {
        await settle();
        if (done) return promise;
        if (timers.length === 0) throw new Error('deadlock: nothing to wait for');
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) continue;
        t = Math.max(t, next.at);
        next.resolve();
      }
    },
  };
}

/** A fetch answering from a queue of responses (or a function), recording each call with its time. */
export function scriptedFetch(
  answers: (FetchResponse | Error | ((url: string, body?: string) => FetchResponse | Error))[],
  now: () => number = () => 0,
) {
  const calls: { url: string; method: string; body?: string; headers: Record<string, string>; at: number }[] =
    [];
  const fetch: FetchLike = async (url, init) => {
    const call: (typeof calls)[number] = {
      url,
      method: init?.method ?? 'GET',
      headers: init?.headers ?? {},
      at: now(),
    };
    if (init?.body !== undefined) call.body = init.body;
    calls.push(call);
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next === undefined) throw new Error('no scripted answer');
    const value = typeof next === 'function' ? next(url, init?.body) : next;
    if (value instanceof Error) throw value;
    return value;
  };
  return { fetch, calls };
}

/** A Binance candles request, the client tests' usual guinea pig. */
export const BINANCE_KLINES: HttpRequest = {
  host: 'binance',
  endpoint: 'klines',
  method: 'GET',
  url: 'https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=15m&limit=50',
};

export type ScriptedAnswer = Parameters<typeof scriptedFetch>[0][number];

/**
 * An HTTP client over a scripted fetch on fake time, with jitter fixed at the middle and no real timers;
 * `request` runs one request through the fake clock.
 */
export function scriptedClient(answers: ScriptedAnswer[], extra: Partial<HttpClientOptions> = {}) {
  const time = fakeTime();
  const { fetch, calls } = scriptedFetch(answers, time.now);
  const http = createHttpClient({
    fetch,
    now: time.now,
    sleep: time.sleep,
    random: () => 0.5,
    setTimer: () => () => {},
    ...extra,
  });
  const request = (req: HttpRequest) => time.run(http.request(req));
  return { time, calls, http, request };
}

/** The failure of a result that must have failed. */
export function failure(result: HttpResult): SourceFailure {
  if (result.ok) throw new Error(`expected a failure, got HTTP ${result.value.status}`);
  return result.error;
}
