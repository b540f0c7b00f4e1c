/**
 * A small promise wrapper over IndexedDB with its factory injected: the browser's `indexedDB` in the worker,
 * `fake-indexeddb` in Node tests and the benchmark. Each call is one transaction; `write` groups several
 * stores' changes into one, so they land together or not at all.
 */

export interface IdbIndexSpec {
  name: string;
  keyPath: string | string[];
}

export interface IdbStoreSpec {
  name: string;
  keyPath: string | string[];
  autoIncrement?: boolean;
  indexes?: IdbIndexSpec[];
}

export interface IdbDeps {
  indexedDB: IDBFactory;
  /** The `IDBKeyRange` that goes with the factory. */
  keyRange: Pick<typeof IDBKeyRange, 'bound' | 'only' | 'lowerBound' | 'upperBound'>;
}

/** A key range, built with the factory's own `IDBKeyRange`. */
export interface Range {
  lower?: IDBValidKey;
  upper?: IDBValidKey;
  lowerOpen?: boolean;
  upperOpen?: boolean;
}

export interface WriteTx {
  put(store: string, value: unknown): void;
  delete(store: string, key: IDBValidKey): void;
}

export interface Idb {
  /** Puts and deletes on several stores in one transaction; resolves when it has committed. */
  write(stores: readonly string[], run: (tx: WriteTx) => void): Promise<void>;
  get(store: string, key: IDBValidKey): Promise<unknown>;
  /** Values in key (or index) order; `limit` counts from the start, or from the end with `reverse`. */
  getAll(
    store: string,
    options?: { index?: string; range?: Range; limit?: number; reverse?: boolean },
  ): Promise<unknown[]>;
  count(store: string, options?: { index?: string; range?: Range }): Promise<number>;
  /** Deletes the first `limit` records in index order within `range` (all when no limit); returns how many. */
  deleteWhere(store: string, options: { index?: string; range?: Range; limit?: number }): Promise<number>;
  close(): void;
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/** Opens a database, creating the stores and indexes it lacks; a new store or index means a new `version`. */
export async function openIdb(
  deps: IdbDeps,
  spec: { name: string; version: number; stores: readonly IdbStoreSpec[] },
): Promise<Idb> {
  const request = deps.indexedDB.open(spec.name, spec.version);
  request.onupgradeneeded = () => {
    const db = request.result;
    const tx = request.transaction;
    for (const store of spec.stores) {
      const os = db.objectStoreNames.contains(store.name)
        ? tx?.objectStore(store.name)
        : db.createObjectStore(store.name, {
            keyPath: store.keyPath,
            autoIncrement: store.autoIncrement ?? false,
          });
      for (const index of store.indexes ?? []) {
        if (os && !os.indexNames.contains(index.name)) os.createIndex(index.name, index.keyPath);
      }
    }
  };
  const db = await done(request);

  const toRange = (range: Range | undefined): IDBKeyRange | undefined => {
    if (!range) return undefined;
    const { lower, upper, lowerOpen = false, upperOpen = false } = range;
    if (lower !== undefined && upper !== undefined)
      return deps.keyRange.bound(lower, upper, lowerOpen, upperOpen);
    if (lower !== undefined) return deps.keyRange.lowerBound(lower, lowerOpen);
    if (upper !== undefined) return deps.keyRange.upperBound(upper, upperOpen);
    return undefined;
  };
  const source = (tx: IDBTransaction, store: string, index?: string) => {
    const os = tx.objectStore(store);
    return index ? os.index(index) : os;
  };

  return {
    async write(stores, run) {
      const tx = db.transaction([...stores], 'readwrite');
      const finished = committed(tx);
      try {
        run({
          put: (store, value) => void tx.objectStore(store).put(value),
          delete: (store, key) => void tx.objectStore(store).delete(key),
        });
      } catch (cause) {
        tx.abort();
        await finished.catch(() => undefined);
        throw cause;
      }
      await finished;
    },
    async get(store, key) {
      const tx = db.transaction(store, 'readonly');
      return done(tx.objectStore(store).get(key));
    },
    async getAll(store, options = {}) {
      const tx = db.transaction(store, 'readonly');
      const from = source(tx, store, options.index);
      const range = toRange(options.range);
      if (!options.reverse) return done(from.getAll(range, options.limit));
      const out: unknown[] = [];
      const cursor = from.openCursor(range, 'prev');
      await new Promise<void>((resolve, reject) => {
        cursor.onerror = () => reject(cursor.error);
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c || (options.limit !== undefined && out.length >= options.limit)) return resolve();
          out.push(c.value);
          c.continue();
        };
      });
      return out.reverse();
    },
    async count(store, options = {}) {
      const tx = db.transaction(store, 'readonly');
      return done(source(tx, store, options.index).count(toRange(options.range)));
    },
    async deleteWhere(store, options) {
      const tx = db.transaction(store, 'readwrite');
      const finished = committed(tx);
      const cursor = source(tx, store, options.index).openCursor(toRange(options.range));
      let deleted = 0;
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c || (options.limit !== undefined && deleted >= options.limit)) return;
        c.delete();
        deleted++;
        c.continue();
      };
      await finished;
      return deleted;
    },
    close: () => db.close(),
  };
}
