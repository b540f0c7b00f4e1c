import { type IdbDeps, openIdb } from '../storage/idb';
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

/** The accounts in IndexedDB, one record per address (keyed by it), on the project's IndexedDB wrapper. */
export async function createIdbAccountStore(deps: IdbDeps): Promise<AccountStore> {
  const db = await openIdb(deps, {
    name: HL_POSITIONS_DB,
    version: 1,
    stores: [{ name: STORE, keyPath: 'address' }],
  });
  return {
    loadAll: async () => parseAll(await db.getAll(STORE)),
    put: (records) =>
      records.length === 0
        ? Promise.resolve()
        : db.write([STORE], (tx) => {
            for (const r of records) tx.put(STORE, r);
          }),
    remove: (addresses) =>
      addresses.length === 0
        ? Promise.resolve()
        : db.write([STORE], (tx) => {
            for (const a of addresses) tx.delete(STORE, a);
          }),
    clear: async () => {
      await db.deleteWhere(STORE, {});
    },
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
