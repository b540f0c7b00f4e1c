import { WebSocket } from 'ws';

/** A WebDriver BiDi event as the browser sends it. */
export interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

export interface BidiClient {
  /** Sends a command and resolves with its result; a BiDi error rejects with its code and message. */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Calls `listener` for every event of that method (after `session.subscribe` asked for it). */
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  close(): Promise<void>;
}

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * The few lines of WebDriver BiDi the Firefox smoke test needs: JSON commands with ids over one WebSocket, their
 * answers matched by id, events passed to listeners. No browser download, no driver binary: Firefox serves BiDi
 * itself when started with `--remote-debugging-port`.
 */
export async function connectBidi(url: string, timeoutMs = 15_000): Promise<BidiClient> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`BiDi: no connection to ${url} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`BiDi: cannot connect to ${url}: ${error.message}`));
    });
  });

  const pending = new Map<number, Pending>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  let nextId = 1;

  socket.on('message', (data) => {
    let message: {
      id?: number;
      type?: string;
      result?: unknown;
      error?: string;
      message?: string;
    } & Partial<BidiEvent>;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (message.type === 'event' && message.method) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {});
      return;
    }
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting || message.id === undefined) return;
    pending.delete(message.id);
    if (message.type === 'error')
      waiting.reject(new Error(`BiDi ${waiting.method}: ${message.error}: ${message.message}`));
    else waiting.resolve(message.result);
  });
  // A reset when Firefox quits is followed by 'close', which fails whatever still waits.
  socket.on('error', () => undefined);
  socket.on('close', () => {
    for (const waiting of pending.values())
      waiting.reject(new Error(`BiDi ${waiting.method}: the connection closed`));
    pending.clear();
  });

  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { method, resolve: resolve as (r: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      });
    },
  };
}
