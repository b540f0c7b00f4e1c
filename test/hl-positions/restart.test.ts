import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/engine/setup';
import { createIdbAccountStore } from '../../lib/hl-positions/account-store';
import { createPositionScanner } from '../../lib/hl-positions/scanner';
import { createHttpClient } from '../../lib/http/client';
import { simAccounts } from '../../scripts/lib/hl-sim/accounts';
import { createHlSimFetch } from '../../scripts/lib/hl-sim/simulator';

const START = Date.UTC(2026, 11, 6);

async function worker(
  idb: IDBFactory,
  clock: ReturnType<typeof createVirtualClock>,
  sim: ReturnType<typeof createHlSimFetch>,
  prices = new Map<string, number>(),
) {
  const store = await createIdbAccountStore({ indexedDB: idb, keyRange: IDBKeyRange });
  const http = createHttpClient({ fetch: sim, now: clock.now, sleep: clock.sleep });
  return createPositionScanner({ http, store, now: clock.now, sleep: clock.sleep, prices: () => prices });
}

describe('the scanner across worker restarts', () => {
  it('resumes the pass where it stopped instead of asking every address again', async () => {
    const idb = new IDBFactory();
    const clock = createVirtualClock(START);
    const accounts = simAccounts(200);
    const sim = createHlSimFetch({ now: clock.now, accounts });
    const first = await worker(idb, clock, sim);
    await first.addAddresses(
      accounts.map((a) => a.address),
      START,
    );
    for (let i = 0; i < 120; i++) await first.step();
    expect(sim.log).toHaveLength(120);

    // The worker stops; a new one reads the book from IndexedDB.
    const second = await worker(idb, clock, sim);
    await second.load();
    expect(second.records()).toHaveLength(200);
    expect(second.records().filter((r) => r.state !== null)).toHaveLength(120);
    for (let i = 0; i < 80; i++) await second.step();
    const asked = sim.log.map((e) => e.user);
    expect(new Set(asked).size).toBe(200);
    expect(asked).toHaveLength(200);
  });

  it('a failed account keeps its last good state after a restart, marked by its failure', async () => {
    const idb = new IDBFactory();
    const clock = createVirtualClock(START);
    const accounts = simAccounts(3);
    const sim = createHlSimFetch({ now: clock.now, accounts });
    const first = await worker(idb, clock, sim);
    await first.addAddresses(
      accounts.map((a) => a.address),
      START,
    );
    for (let i = 0; i < 3; i++) await first.step();
    const before = first.records().find((r) => r.address === accounts[0]?.address);
    sim.setFaults([{ kind: 'throttled' }]);
    await clock.sleep(61_000);
    for (let i = 0; i < 3; i++) await first.step();
    const second = await worker(idb, clock, sim);
    await second.load();
    const after = second.records().find((r) => r.address === accounts[0]?.address);
    expect(after?.state).toEqual(before?.state);
    expect(after?.failure).toBe('throttled');
    expect(after?.failedAt).toBeGreaterThan(after?.state?.fetchedAt ?? Number.POSITIVE_INFINITY);
  });

  it('refreshes accounts with a position within ±5 % of the price at least every 2 minutes', async () => {
    const idb = new IDBFactory();
    const clock = createVirtualClock(START);
    const accounts = simAccounts(900);
    const sim = createHlSimFetch({ now: clock.now, accounts });
    const prices = new Map([
      ['BTC', 95_000],
      ['ETH', 3_500],
      ['SOL', 180.5],
    ]);
    const scanner = await worker(idb, clock, sim, prices);
    await scanner.addAddresses(
      accounts.map((a) => a.address),
      START,
    );
    await scanner.run(() => clock.now() >= START + 20 * 60_000);
    const near = new Set(
      accounts
        .filter((a) =>
          a.positions.some(
            (p) =>
              p.liquidationPx !== null &&
              Math.abs(p.liquidationPx / (prices.get(p.coin) as number) - 1) <= 0.05,
          ),
        )
        .map((a) => a.address),
    );
    expect(near.size).toBeGreaterThan(50);
    expect(near.size).toBeLessThan(400);
    // Once the first pass has reached them, near accounts are asked at least every 2 minutes.
    const times = new Map<string, number[]>();
    for (const e of sim.log)
      if (e.user && near.has(e.user)) times.set(e.user, [...(times.get(e.user) ?? []), e.t]);
    let worst = 0;
    for (const list of times.values()) {
      for (let i = 1; i < list.length; i++)
        worst = Math.max(worst, (list[i] as number) - (list[i - 1] as number));
      worst = Math.max(worst, START + 20 * 60_000 - (list.at(-1) as number));
    }
    expect(worst).toBeLessThanOrEqual(120_000);
  }, 60_000);
});
