/**
 * A small promise wrapper over one IndexedDB object store, on an injected `IDBFactory` (the worker's
 * `indexedDB`, or `fake-indexeddb` under Node). Values go in as given (structured clone); the caller parses
 * what comes out.
 */
export interface IdbStore<T> {
  getAll(): Promise<unknown[]>;
  putMany(values: readonly T[]): Promise<void>;
  deleteMany(keys: readonly string[]): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

export interface IdbStoreOptions {
  indexedDB: IDBFactory;
  database: string;
  store: string;
  /** The values' key field. */
  keyPath: string;
  version?: number;
}

function done(request: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

export async function openIdbStore<T>(options: IdbStoreOptions): Promise<IdbStore<T>> {
  const open = options.indexedDB.open(options.database, options.version ?? 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(options.store))
      db.createObjectStore(options.store, { keyPath: options.keyPath });
  };
  const db = (await done(open)) as IDBDatabase;
  const tx = (mode: IDBTransactionMode) => db.transaction(options.store, mode);
  return {
    async getAll() {
      return (await done(tx('readonly').objectStore(options.store).getAll())) as unknown[];
    },
    async putMany(values) {
      if (values.length === 0) return;
      const t = tx('readwrite');
      const store = t.objectStore(options.store);
      for (const value of values) store.put(value);
      await finished(t);
    },
    async deleteMany(keys) {
      if (keys.length === 0) return;
      const t = tx('readwrite');
      const store = t.objectStore(options.store);
      for (const key of keys) store.delete(key);
      await finished(t);
    },
    async clear() {
      const t = tx('readwrite');
      t.objectStore(options.store).clear();
      await finished(t);
    },
    close() {
      db.close();
    },
  };
}
