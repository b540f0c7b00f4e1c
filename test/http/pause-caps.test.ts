import { describe, expect, it } from 'vitest';
import { MAX_PAUSE_MS } from '../../lib/http/budgets';
import { formatClock, parseRetryAfter } from '../../lib/http/failures';
import { restorePauses } from '../../lib/http/pauses';
import type { HttpRequest } from '../../lib/http/types';
import { BINANCE_KLINES, failure, response, scriptedClient, T0 } from './fakes';

const DAY = 86_400_000;
const bybitKline: HttpRequest = {
  host: 'bybit',
  endpoint: 'kline',
  method: 'GET',
  url: 'https://api.bybit.com/v5/market/kline?category=linear&symbol=BTCUSDT&interval=15',
};

describe('rate-limit pauses have an upper bound (issue 9)', () => {
  it('Retry-After: 999999999999 on a 429 pauses Binance for at most its 3-day ban, and says the date', async () => {
    const { http, time } = scriptedClient([response(429, '', { 'Retry-After': '999999999999' })]);
    const f = failure(await time.run(http.request(BINANCE_KLINES)));
    expect(f.retryAt).toBe(T0 + 3 * DAY);
    expect(MAX_PAUSE_MS.binance).toBe(3 * DAY);
    expect(f.message).toMatch(/retrying after 2026-11-05 \d\d:\d\d:\d\d$/);
    expect(f.message).not.toMatch(/NaN/);
  });

  it('a 418 with Retry-After: Fri, 31 Dec 9999 is capped the same way', async () => {
    const { http, time } = scriptedClient([
      response(418, '', { 'Retry-After': 'Fri, 31 Dec 9999 23:59:59 GMT' }),
    ]);
    const f = failure(await time.run(http.request(BINANCE_KLINES)));
    expect(f).toMatchObject({ kind: 'banned', retryAt: T0 + 3 * DAY });
  });

  it('a Bybit 403 ban with a huge Retry-After lasts at most half an hour; at least its 10 minutes', async () => {
    const huge = scriptedClient([response(403, '', { 'Retry-After': '86400000' })]);
    expect(failure(await huge.time.run(huge.http.request(bybitKline))).retryAt).toBe(T0 + MAX_PAUSE_MS.bybit);
    const none = scriptedClient([response(403, '')]);
    expect(failure(await none.time.run(none.http.request(bybitKline))).retryAt).toBe(T0 + 10 * 60_000);
  });

  it('a pause stored before the caps (until the year 33715) is cut to the maximum on restore', () => {
    const restored = restorePauses(
      { binance: { until: 1e15, kind: 'banned', host: 'binance', status: 418 } },
      T0,
    );
    expect(restored.binance?.until).toBe(T0 + 3 * DAY);
  });

  it('parses Retry-After safely: seconds, HTTP dates, and nothing absurd', () => {
    expect(parseRetryAfter('120', T0)).toBe(T0 + 120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', T0)).toBe(Date.UTC(2026, 9, 21, 7, 28));
    expect(parseRetryAfter(`1${'0'.repeat(400)}`, T0)).toBeUndefined();
    expect(parseRetryAfter('Sat, 01 Jan 999999 00:00:01 GMT', T0)).toBeUndefined();
    expect(parseRetryAfter('soon', T0)).toBeUndefined();
    expect(parseRetryAfter('-5', T0)).toBeUndefined();
  });

  it('formats a time of day today, the date on another day, and never NaN:NaN:NaN', () => {
    const now = new Date(2026, 10, 2, 14, 0, 10).getTime();
    expect(formatClock(new Date(2026, 10, 2, 16, 5, 0).getTime(), now)).toBe('16:05:00');
    expect(formatClock(new Date(2026, 10, 5, 9, 1, 2).getTime(), now)).toBe('2026-11-05 09:01:02');
    expect(formatClock(1e20, now)).toBe('a later time');
    expect(formatClock(Number.NaN, now)).toBe('a later time');
  });
});
