import { openIdbStore } from './idb';
import { type AccountRecord, AccountRecordSchema } from './schemas';

/** Where the scanner keeps its accounts between worker restarts. */
export interface AccountStore {
  /** Every stored record that still parses; the ones that do not are dropped (and said in `dropped`). */
  loadAll(): Promise<{ records: AccountRecord[]; dropped: number }>;
  put(records: readonly AccountRecord[]): Promise<void>;
  remove(addresses: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

export const HL_POSITIONS_DB = 'liqlens-hl-positions';
const STORE = 'accounts';

function parseAll(values: unknown[]): { records: AccountRecord[]; dropped: number } {
  const records: AccountRecord[] = [];
  let dropped = 0;
  for (const value of values) {
    const parsed = AccountRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    else dropped += 1;
  }
  return { records, dropped };
}

/** The accounts in IndexedDB, one record per address. */
export async function createIdbAccountStore(indexedDB: IDBFactory): Promise<AccountStore> {
  const db = await openIdbStore<AccountRecord>({
    indexedDB,
    database: HL_POSITIONS_DB,
    store: STORE,
    keyPath: 'address',
  });
  return {
    loadAll: async () => parseAll(await db.getAll()),
    put: (records) => db.putMany(records),
    remove: (addresses) => db.deleteMany(addresses),
    clear: () => db.clear(),
  };
}

/** The same in memory (JSON copies): for the command line, which keeps nothing. */
export function createMemoryAccountStore(): AccountStore & { size(): number } {
  const data = new Map<string, string>();
  return {
    loadAll: async () => parseAll([...data.values()].map((text) => JSON.parse(text))),
    put: async (records) => {
      for (const r of records) data.set(r.address, JSON.stringify(r));
    },
    remove: async (addresses) => {
      for (const a of addresses) data.delete(a);
    },
    clear: async () => data.clear(),
    size: () => data.size,
  };
}
