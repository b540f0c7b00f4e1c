import { describe, expect, it } from 'vitest';
import { createMemoryAccountStore } from '../../lib/hl-positions/account-store';
import { MAX_REQUESTS_PER_MINUTE } from '../../lib/hl-positions/pacer';
import { createPositionScanner } from '../../lib/hl-positions/scanner';
import { createHttpClient } from '../../lib/http/client';
import { createLimiter } from '../../lib/http/limiter';
import type { HttpRequest } from '../../lib/http/types';
import { simAccounts } from '../../scripts/lib/hl-sim/accounts';
import { type AccountFault, createHlSimFetch, type HlSimLogEntry } from '../../scripts/lib/hl-sim/simulator';
import { fakeTime } from '../http/fakes';

const START = Date.UTC(2026, 11, 6, 0, 0, 0);
const MINUTE = 60_000;
/** Hyperliquid's published limit per IP. */
const IP_WEIGHT_PER_MINUTE = 1_200;

/** An estimate request as the Hyperliquid source sends it (weight 20). */
const META: HttpRequest = {
  host: 'hyperliquid',
  endpoint: 'metaAndAssetCtxs',
  method: 'POST',
  url: 'https://api.hyperliquid.xyz/info',
  body: { type: 'metaAndAssetCtxs' },
};

const weightOf = (e: HlSimLogEntry) => (e.type === 'clearinghouseState' ? 2 : 20);

/** The most of `value` summed over any 60 s window of the log (sliding: every entry ends one). */
function maxPerMinute(log: readonly HlSimLogEntry[], value: (e: HlSimLogEntry) => number): number {
  let best = 0;
  let sum = 0;
  let j = 0;
  for (let i = 0; i < log.length; i++) {
    const e = log[i] as HlSimLogEntry;
    sum += value(e);
    while ((log[j] as HlSimLogEntry).t <= e.t - MINUTE) sum -= value(log[j++] as HlSimLogEntry);
    best = Math.max(best, sum);
  }
  return best;
}

/**
 * The worker with the scanner at full demand (thousands of accounts to read) and the estimate's two refresh
 * slots asking Hyperliquid back to back, or every `estimateEveryMs` (a failed request is asked again a second
 * later). With `shared`, both HTTP clients book on one limiter, as in the worker; without, each has its own.
 */
async function drive(options: {
  shared: boolean;
  faults?: AccountFault[];
  otherWeight?: number;
  minutes: number;
  estimateEveryMs?: number;
}) {
  const time = fakeTime(START);
  const accounts = simAccounts(3_000);
  const sim = createHlSimFetch({
    now: time.now,
    accounts,
    faults: options.faults ?? [],
    otherWeightPerMinute: options.otherWeight ?? 0,
  });
  const limiter = options.shared ? createLimiter({ now: time.now, sleep: time.sleep }) : undefined;
  const client = () =>
    createHttpClient({
      fetch: sim,
      now: time.now,
      sleep: time.sleep,
      random: () => 0.5,
      ...(limiter ? { limiter } : {}),
    });
  const estimate = client();
  const scanner = createPositionScanner({
    http: client(),
    store: createMemoryAccountStore(),
    now: time.now,
    sleep: time.sleep,
    prices: () => new Map(),
  });
  await scanner.addAddresses(
    accounts.map((a) => a.address),
    START,
  );
  const end = START + options.minutes * MINUTE;
  const refreshSlot = async () => {
    while (time.now() < end) {
      const res = await estimate.request(META);
      if (!res.ok) await time.sleep(1_000);
      else if (options.estimateEveryMs) await time.sleep(options.estimateEveryMs);
    }
  };
  await time.run(Promise.all([scanner.run(() => time.now() >= end), refreshSlot(), refreshSlot()]));
  const scans = sim.log.filter((e) => e.type === 'clearinghouseState');
  return {
    weight: maxPerMinute(sim.log, weightOf),
    scannerRequests: maxPerMinute(scans, () => 1),
    estimateWeight: maxPerMinute(
      sim.log.filter((e) => e.type !== 'clearinghouseState'),
      weightOf,
    ),
    log: sim.log,
  };
}

const PATTERNS: [string, { faults?: AccountFault[]; otherWeight?: number }][] = [
  ['no failure', {}],
  ['every account answer a 429', { faults: [{ kind: 'rate-limited' }] }],
  [
    '429s with Retry-After 30 s from minute 2',
    { faults: [{ kind: 'rate-limited', retryAfter: 30, times: 20, from: START + 2 * MINUTE }] },
  ],
  [
    'throttled 200s and HTML pages',
    {
      faults: [
        { kind: 'throttled', times: 40 },
        { kind: 'html', times: 40 },
      ],
    },
  ],
  [
    "the trader's own tab spending 900 weight a minute (the venue answers 429 past 1,200)",
    { otherWeight: 900 },
  ],
];

describe('one Hyperliquid budget per IP: the estimate and the position scanner on one limiter', () => {
  for (const [name, pattern] of PATTERNS) {
    it(`≤ 1,200 weight in any minute, the scanner ≤ 300 requests: ${name}`, async () => {
      const run = await drive({ shared: true, minutes: 5, ...pattern });
      expect(run.log.some((e) => e.type === 'clearinghouseState')).toBe(true);
      expect(run.log.some((e) => e.type === 'metaAndAssetCtxs')).toBe(true);
      expect(run.weight).toBeLessThanOrEqual(IP_WEIGHT_PER_MINUTE);
      expect(run.scannerRequests).toBeLessThanOrEqual(MAX_REQUESTS_PER_MINUTE);
      if (pattern.otherWeight) expect(run.log.some((e) => e.status === 429)).toBe(true);
    }, 60_000);
  }

  it('the scanner at full demand takes its half; the estimate asking at a refresh pace is not held back', async () => {
    // Two slots, one request every 10 s each: 12 a minute, 240 weight; with the scanner's 600, under the 960 cap.
    const run = await drive({ shared: true, minutes: 5, estimateEveryMs: 10_000 });
    expect(run.scannerRequests).toBeGreaterThanOrEqual(MAX_REQUESTS_PER_MINUTE - 10);
    expect(run.estimateWeight).toBeGreaterThanOrEqual(220);
    expect(run.weight).toBeLessThanOrEqual(IP_WEIGHT_PER_MINUTE);
  }, 60_000);

  it('the estimate asking back to back keeps to its 840 weight, and the scanner keeps at least 60 a minute', async () => {
    const run = await drive({ shared: true, minutes: 5 });
    // 840 weight a minute is the estimate's cap on Hyperliquid (70 % of the IP's 1,200); both share 960 (80 %).
    expect(run.estimateWeight).toBeGreaterThanOrEqual(800);
    expect(run.estimateWeight).toBeLessThanOrEqual(840);
    expect(run.weight).toBeLessThanOrEqual(960 + 20);
    for (let m = 0; m < 5; m++) {
      const scans = run.log.filter(
        (e) => e.type === 'clearinghouseState' && e.t >= START + m * MINUTE && e.t < START + (m + 1) * MINUTE,
      );
      expect(scans.length, `minute ${m + 1}`).toBeGreaterThanOrEqual(60);
    }
  }, 60_000);

  it('with a limiter per client the same demand overshoots the IP budget (why they share one)', async () => {
    const run = await drive({ shared: false, minutes: 3 });
    expect(run.weight).toBeGreaterThan(IP_WEIGHT_PER_MINUTE);
  }, 60_000);
});
