import type { HttpClient } from '../http/types';
import type { AccountStore } from './account-store';
import { type AccountFailureKind, fetchAccount } from './fetch-account';
import { createPacer, type Pacer } from './pacer';
import { pickNext } from './schedule';
import type { AccountRecord } from './schemas';

/** The book keeps at most this many accounts; beyond it, those without positions seen longest ago go. */
export const MAX_ACCOUNTS = 5_000;
/**
 * Near positions take at most two requests in three, so the oldest-first pass keeps moving however many
 * positions sit near the price: near accounts are refreshed every 2 minutes while they number up to 400.
 */
const NEAR_TURNS = 2;
/** With nothing due, the loop looks again after this long. */
const IDLE_MS = 5_000;

export interface ScannerStats {
  requests: number;
  answered: number;
  failures: Partial<Record<AccountFailureKind, number>>;
  /** Requests a minute the pacer allows now. */
  rate: number;
}

export interface PositionScanner {
  /** Reads the stored book (once; later calls do nothing). */
  load(): Promise<void>;
  /** Adds addresses seen in trades (new ones only are stored; known ones get a fresher `seenAt`). */
  addAddresses(addresses: readonly string[], seenAt: number): Promise<number>;
  /** Waits for the budget and asks the next due account; false when none is due. */
  step(): Promise<boolean>;
  /** Asks every account never asked yet, once each, within the budget (the command line's one pass). */
  passOnce(): Promise<void>;
  /** Steps until `shouldStop()` says so, idling while nothing is due. */
  run(shouldStop: () => boolean): Promise<void>;
  records(): AccountRecord[];
  stats(): ScannerStats;
}

export interface ScannerDeps {
  http: HttpClient;
  store: AccountStore;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Mark prices by coin, for "near" positions; an empty map schedules by age alone. */
  prices: () => ReadonlyMap<string, number>;
  pacer?: Pacer;
  maxAccounts?: number;
  log?: (message: string) => void;
}

/**
 * The position scanner: keeps the known accounts (in `store`), asks Hyperliquid for one account at a time
 * within the pacer's budget (near positions first, then oldest), and keeps the last good state of every
 * account. A failure never replaces a state: it is recorded beside it, which marks the state stale.
 */
export function createPositionScanner(deps: ScannerDeps): PositionScanner {
  const pacer = deps.pacer ?? createPacer();
  const maxAccounts = deps.maxAccounts ?? MAX_ACCOUNTS;
  const book = new Map<string, AccountRecord>();
  const stats: ScannerStats = { requests: 0, answered: 0, failures: {}, rate: pacer.state().rate };
  let loaded: Promise<void> | null = null;
  let turn = 0;

  const save = async (records: AccountRecord[]) => {
    try {
      await deps.store.put(records);
    } catch (cause) {
      deps.log?.(`LiqLens: could not store Hyperliquid accounts: ${String(cause)}`);
    }
  };

  const evict = async () => {
    const over = book.size - maxAccounts;
    if (over <= 0) return;
    const idle = [...book.values()]
      .filter((r) => !r.state || r.state.positions.length === 0)
      .sort((a, b) => a.seenAt - b.seenAt)
      .slice(0, over)
      .map((r) => r.address);
    for (const a of idle) book.delete(a);
    await deps.store.remove(idle).catch(() => undefined);
  };

  const step = async (): Promise<boolean> => {
    await scanner.load();
    const wait = pacer.waitMs(deps.now());
    if (wait > 0) await deps.sleep(wait);
    const next = pickNext(book.values(), deps.now(), deps.prices(), turn % (NEAR_TURNS + 1) < NEAR_TURNS);
    if (!next) return false;
    turn += 1;
    await ask(next);
    return true;
  };

  const ask = async (next: AccountRecord): Promise<void> => {
    pacer.sent(deps.now());
    stats.requests += 1;
    const res = await fetchAccount(deps.http, next.address, deps.now);
    const t = deps.now();
    const updated: AccountRecord = res.ok
      ? { ...next, state: res.value, failedAt: null, failure: null }
      : { ...next, failedAt: t, failure: res.error.kind };
    if (res.ok) {
      stats.answered += 1;
      pacer.outcome(t, 'ok');
    } else {
      stats.failures[res.error.kind] = (stats.failures[res.error.kind] ?? 0) + 1;
      pacer.outcome(t, res.error.kind, res.error.retryAt);
    }
    stats.rate = pacer.state().rate;
    // The address may have been evicted while the request was out.
    if (book.has(next.address)) {
      book.set(next.address, updated);
      await save([updated]);
    }
  };

  const scanner: PositionScanner = {
    load() {
      loaded ??= deps.store.loadAll().then(
        ({ records, dropped }) => {
          for (const r of records) if (!book.has(r.address)) book.set(r.address, r);
          if (dropped > 0) deps.log?.(`LiqLens: ${dropped} unreadable stored Hyperliquid accounts dropped`);
        },
        (cause) => deps.log?.(`LiqLens: could not read stored Hyperliquid accounts: ${String(cause)}`),
      );
      return loaded;
    },
    async addAddresses(addresses, seenAt) {
      await scanner.load();
      const fresh: AccountRecord[] = [];
      for (const address of addresses) {
        const known = book.get(address);
        if (known) {
          known.seenAt = Math.max(known.seenAt, seenAt);
          continue;
        }
        const record: AccountRecord = { address, seenAt, state: null, failedAt: null, failure: null };
        book.set(address, record);
        fresh.push(record);
      }
      if (fresh.length > 0) await save(fresh);
      await evict();
      return fresh.length;
    },
    step,
    async passOnce() {
      await scanner.load();
      const fresh = [...book.values()].filter((r) => r.state === null && r.failedAt === null);
      for (const record of fresh) {
        const wait = pacer.waitMs(deps.now());
        if (wait > 0) await deps.sleep(wait);
        await ask(record);
      }
    },
    async run(shouldStop) {
      while (!shouldStop()) {
        const asked = await step();
        if (!asked && !shouldStop()) await deps.sleep(IDLE_MS);
      }
    },
    records: () => [...book.values()],
    stats: () => ({ ...stats, failures: { ...stats.failures }, rate: pacer.state().rate }),
  };
  return scanner;
}
