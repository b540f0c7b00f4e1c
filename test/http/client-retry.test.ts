import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../lib/http/client';
import { HarMissError } from '../../lib/http/har-replay';
import type { FetchLike } from '../../lib/http/types';
import { BINANCE_KLINES, failure, fakeTime, response, scriptedClient } from './fakes';

const klines = BINANCE_KLINES;
const setup = scriptedClient;

describe('retries', () => {
  it('5xx twice, then success: three attempts, exponential back-off with jitter', async () => {
    const { request, calls, time, http } = setup([
      response(502, '<html>Bad Gateway</html>'),
      response(503, { msg: 'busy' }),
      response(200, [[1]]),
    ]);
    const r = await request(klines);
    expect(r.ok && r.value.json).toEqual([[1]]);
    expect(calls).toHaveLength(3);
    // Back-off n = half of min(8 s, 500 ms · 2^(n−1)) plus random() (0.5) times the other half.
    expect(time.sleeps).toEqual([375, 750]);
    expect(http.stats().binance?.requests).toBe(3);
  });

  it('jitter follows the injected random', async () => {
    const { request, time } = setup([response(500, ''), response(200, [])], { random: () => 0 });
    await request(klines);
    expect(time.sleeps).toEqual([250]);
  });

  it('5xx every time: an http failure after 1 + retries attempts', async () => {
    const { request, calls } = setup([response(500, '')], { retries: 3 });
    const f = failure(await request(klines));
    expect(f).toMatchObject({ kind: 'http', status: 500 });
    expect(f.message).toBe('Binance had a server error (klines, HTTP 500) after 4 attempts');
    expect(calls).toHaveLength(4);
  });

  it('network errors until retries run out → network', async () => {
    const { request, calls, time } = setup([
      new TypeError('fetch failed', { cause: new Error('ECONNRESET') }),
    ]);
    const f = failure(await request(klines));
    expect(f.kind).toBe('network');
    expect(f.message).toBe('Binance could not be reached (klines): fetch failed (ECONNRESET)');
    expect(calls).toHaveLength(3);
    expect(time.sleeps).toEqual([375, 750]);
  });

  it('a network error then success', async () => {
    const { request, calls } = setup([new TypeError('fetch failed'), response(200, {})]);
    expect((await request(klines)).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('a replay miss is not retried', async () => {
    const { request, calls } = setup([new HarMissError(`no recorded response for GET ${klines.url}`)]);
    const f = failure(await request(klines));
    expect(f.kind).toBe('network');
    expect(f.message).toBe(
      `Binance could not be reached (klines): no recorded response for GET ${klines.url}`,
    );
    expect(calls).toHaveLength(1);
  });

  it('4xx is not retried', async () => {
    const { request, calls } = setup([response(400, { code: -1100, msg: 'Illegal characters found.' })]);
    expect(failure(await request(klines))).toMatchObject({
      kind: 'http',
      message: 'Binance rejected the request (klines, HTTP 400): Illegal characters found.',
    });
    expect(calls).toHaveLength(1);
  });

  it('credentials in a URL never reach a message', async () => {
    const url = 'https://open-api-v4.coinglass.com/api/x?symbol=BTC&apiKey=s3cr3t&signature=abc';
    const { request } = setup([new TypeError(`request to ${url} failed`)], { retries: 0 });
    const f = failure(await request({ host: 'coinglass', endpoint: 'map', method: 'GET', url }));
    expect(f.message).not.toContain('s3cr3t');
    expect(f.message).not.toContain('abc');
    expect(f.message).toContain('symbol=BTC');
  });
});

describe('time-outs', () => {
  it('a request that does not answer in time is aborted → timeout, not retried', async () => {
    const time = fakeTime();
    let aborted = false;
    let calls = 0;
    const fetch: FetchLike = (_url, init) => {
      calls++;
      init?.signal?.addEventListener('abort', () => {
        aborted = true;
      });
      return new Promise(() => {}); // never answers
    };
    const armed: number[] = [];
    const http = createHttpClient({
      fetch,
      now: time.now,
      sleep: time.sleep,
      timeoutMs: 5_000,
      setTimer: (ms, fire) => {
        armed.push(ms);
        queueMicrotask(fire);
        return () => {};
      },
    });
    const f = failure(await time.run(http.request(klines)));
    expect(f).toMatchObject({ kind: 'timeout', host: 'binance', endpoint: 'klines' });
    expect(f.message).toBe('Binance did not answer within 5 s (klines)');
    expect(armed).toEqual([5_000]);
    expect(aborted).toBe(true);
    expect(calls).toBe(1);
  });

  it('the time-out covers the body, and defaults to 10 s', async () => {
    const time = fakeTime();
    const armed: number[] = [];
    let fireTimer = () => {};
    // Headers arrive, then the body stalls: the timer fires while the body is being read.
    const fetch: FetchLike = async () => ({
      status: 200,
      headers: { get: () => null },
      text: () => {
        queueMicrotask(fireTimer);
        return new Promise<string>(() => {});
      },
    });
    const http = createHttpClient({
      fetch,
      now: time.now,
      sleep: time.sleep,
      setTimer: (ms, fire) => {
        armed.push(ms);
        fireTimer = fire;
        return () => {};
      },
    });
    expect(failure(await time.run(http.request(klines))).kind).toBe('timeout');
    expect(armed).toEqual([10_000]);
  });

  it('the timer is cancelled once the answer is in', async () => {
    let cancelled = 0;
    const { request } = setup([response(200, [])], {
      setTimer: () => () => {
        cancelled++;
      },
    });
    await request(klines);
    expect(cancelled).toBe(1);
  });
});
