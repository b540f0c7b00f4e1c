// The little of the extension API that specs call inside extension pages and the worker (page.evaluate).
declare namespace chrome {
  namespace storage {
    interface Area {
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    }
    const local: Area;
    const sync: Area;
    const session: Area;
  }
  namespace alarms {
    interface Alarm {
      name: string;
      scheduledTime: number;
      periodInMinutes?: number;
    }
    function get(name: string): Promise<Alarm | undefined>;
    function getAll(): Promise<Alarm[]>;
  }
  namespace tabs {
    interface Tab {
      id?: number;
      url?: string;
      active: boolean;
    }
    function query(query: {
      active?: boolean;
      lastFocusedWindow?: boolean;
      currentWindow?: boolean;
    }): Promise<Tab[]>;
  }
  namespace runtime {
    function sendMessage(message: unknown): Promise<unknown>;
    function getURL(path: string): string;
    function reload(): void;
  }
}
