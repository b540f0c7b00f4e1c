/** A change as `storage.onChanged` reports it. */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface StorageChangedEvent {
  addListener(listener: (changes: Record<string, StorageChange>) => void): void;
  removeListener(listener: (changes: Record<string, StorageChange>) => void): void;
}

/**
 * The part of `browser.storage.local` / `.sync` that LiqLens uses. Injected so that lib/ never touches the
 * `browser` global: the background passes the real area, tests pass `fakeBrowser.storage.local` or
 * `createMemoryArea()`.
 */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Per-area change event (Chrome 73+, Firefox 101+); optional so a bare area still works without watching. */
  onChanged?: StorageChangedEvent;
}

/** An in-memory area with the browser's semantics (JSON copies, change events): for Node, the CLI and tests. */
export function createMemoryArea(initial: Record<string, unknown> = {}): StorageAreaLike {
  const data = new Map<string, string>(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  const listeners = new Set<(changes: Record<string, StorageChange>) => void>();
  const read = (key: string): unknown => {
    const text = data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  };
  const emit = (changes: Record<string, StorageChange>) => {
    if (Object.keys(changes).length === 0) return;
    for (const listener of [...listeners]) listener(changes);
  };
  return {
    async get(keys) {
      const list = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const key of list) if (data.has(key)) out[key] = read(key);
      return out;
    },
    async set(items) {
      const changes: Record<string, StorageChange> = {};
      for (const [key, value] of Object.entries(items)) {
        if (value === undefined) continue;
        const oldValue = read(key);
        data.set(key, JSON.stringify(value));
        changes[key] = { oldValue, newValue: read(key) };
      }
      emit(changes);
    },
    async remove(keys) {
      const changes: Record<string, StorageChange> = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (!data.has(key)) continue;
        changes[key] = { oldValue: read(key) };
        data.delete(key);
      }
      emit(changes);
    },
    onChanged: {
      addListener: (listener) => void listeners.add(listener),
      removeListener: (listener) => void listeners.delete(listener),
    },
  };
}
