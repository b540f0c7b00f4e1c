import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/engine/setup';
import { createMemoryAccountStore } from '../../lib/hl-positions/account-store';
import { createPacer, MAX_REQUESTS_PER_MINUTE } from '../../lib/hl-positions/pacer';
import { createPositionScanner } from '../../lib/hl-positions/scanner';
import { createHttpClient } from '../../lib/http/client';
import { simAccounts } from '../../scripts/lib/hl-sim/accounts';
import { type AccountFault, createHlSimFetch } from '../../scripts/lib/hl-sim/simulator';

const START = Date.UTC(2026, 11, 6, 0, 0, 0);
const MINUTE = 60_000;

/** The most requests in any 60 s window (sliding, every request's start as a window's start). */
function maxPerMinute(times: number[]): number {
  let best = 0;
  let j = 0;
  for (let i = 0; i < times.length; i++) {
    while ((times[j] as number) <= (times[i] as number) - MINUTE) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

async function scan(options: {
  faults: AccountFault[];
  minutes: number;
  accounts?: number;
  otherWeight?: number;
  prices?: Map<string, number>;
}) {
  const clock = createVirtualClock(START);
  const accounts = simAccounts(options.accounts ?? 500);
  const sim = createHlSimFetch({
    now: clock.now,
    accounts,
    faults: options.faults,
    otherWeightPerMinute: options.otherWeight ?? 0,
  });
  const http = createHttpClient({ fetch: sim, now: clock.now, sleep: clock.sleep, random: () => 0.5 });
  const pacer = createPacer();
  const scanner = createPositionScanner({
    http,
    store: createMemoryAccountStore(),
    now: clock.now,
    sleep: clock.sleep,
    prices: () => options.prices ?? new Map([['BTC', 95_000]]),
    pacer,
  });
  await scanner.addAddresses(
    accounts.map((a) => a.address),
    START,
  );
  const end = START + options.minutes * MINUTE;
  await scanner.run(() => clock.now() >= end);
  const sent = sim.log.filter((e) => e.type === 'clearinghouseState');
  return { sent, times: sent.map((e) => e.t), scanner, pacer, clock };
}

const PATTERNS: [string, AccountFault[]][] = [
  ['no failure', []],
  ['every answer a 429', [{ kind: 'rate-limited' }]],
  ['429 with Retry-After 30 s, 20 times', [{ kind: 'rate-limited', retryAfter: 30, times: 20 }]],
  ['every answer a throttled 200', [{ kind: 'throttled' }]],
  ['every answer an HTML page', [{ kind: 'html' }]],
  ['malformed answers', [{ kind: 'malformed' }]],
  [
    'mixed bursts from minute 2',
    [
      { kind: 'throttled', times: 50, from: START + 2 * MINUTE },
      { kind: 'html', times: 30, from: START + 4 * MINUTE },
      { kind: 'rate-limited', times: 5, from: START + 6 * MINUTE },
    ],
  ],
];

describe('the scanner stays within its budget', () => {
  for (const [name, faults] of PATTERNS) {
    it(`≤ 300 requests in any minute: ${name}`, async () => {
      const { times } = await scan({ faults, minutes: 6 });
      expect(times.length).toBeGreaterThan(0);
      expect(maxPerMinute(times)).toBeLessThanOrEqual(MAX_REQUESTS_PER_MINUTE);
    }, 30_000);
  }

  it('uses the budget when nothing fails: about 300 a minute over a full pass', async () => {
    const { times, scanner } = await scan({ faults: [], minutes: 10, accounts: 3_000, prices: new Map() });
    expect(times.length).toBeGreaterThanOrEqual(2_990);
    expect(scanner.records().filter((r) => r.state !== null)).toHaveLength(3_000);
  }, 60_000);

  it('after a 429 it waits for the retry time and sends fewer requests the next minute', async () => {
    const at = START + 3 * MINUTE;
    const { sent } = await scan({
      faults: [{ kind: 'rate-limited', times: 1, from: at, retryAfter: 20 }],
      minutes: 6,
    });
    const hit = sent.find((e) => e.status === 429);
    expect(hit).toBeDefined();
    const t = (hit as { t: number }).t;
    const next = sent.filter((e) => e.t > t);
    expect((next[0] as { t: number }).t).toBeGreaterThanOrEqual(t + 20_000);
    const before = sent.filter((e) => e.t > t - MINUTE && e.t <= t).length;
    const after = sent.filter((e) => e.t > t && e.t <= t + MINUTE).length;
    expect(after).toBeLessThan(before);
    expect(after).toBeLessThanOrEqual(MAX_REQUESTS_PER_MINUTE / 2);
  }, 30_000);

  it('a throttled 200 or an HTML page halves the rate, which then recovers by 30 a minute', async () => {
    const at = START + 2 * MINUTE;
    const { pacer, sent } = await scan({ faults: [{ kind: 'throttled', times: 1, from: at }], minutes: 2.5 });
    expect(pacer.state().rate).toBe(150);
    const hit = sent.find((e) => e.t >= at) as { t: number };
    expect(sent.filter((e) => e.t > hit.t && e.t < hit.t + 15_000)).toHaveLength(0);
    const later = await scan({ faults: [{ kind: 'html', times: 1, from: at }], minutes: 5.5 });
    expect(later.pacer.state().rate).toBe(240);
  }, 30_000);

  it('when the trader’s own tab spends most of the IP budget, the 429s slow the scanner down, never up', async () => {
    const { times, pacer, sent } = await scan({ faults: [], minutes: 8, otherWeight: 900 });
    expect(maxPerMinute(times)).toBeLessThanOrEqual(MAX_REQUESTS_PER_MINUTE);
    expect(sent.some((e) => e.status === 429)).toBe(true);
    expect(pacer.state().rate).toBeLessThan(MAX_REQUESTS_PER_MINUTE);
    // Once adapted, most answers are full ones.
    const lastMinutes = sent.filter((e) => e.t >= START + 5 * MINUTE);
    expect(lastMinutes.filter((e) => e.status === 200).length).toBeGreaterThan(lastMinutes.length / 2);
  }, 30_000);
});
