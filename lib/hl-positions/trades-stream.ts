import { TradesFrameSchema } from './schemas';

export const HYPERLIQUID_WS_URL = 'wss://api.hyperliquid.xyz/ws';

/** The part of a WebSocket the watcher uses (the browser's, or `ws` under Node). */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface TradesWatcherDeps {
  createSocket(url: string): SocketLike;
  /** Both parties of the trades seen in one frame (lower-case, deduplicated). */
  onAddresses(addresses: string[]): void;
  setTimer(ms: number, fire: () => void): () => void;
  url?: string;
  log?: (message: string) => void;
}

export interface TradesWatcher {
  /** Subscribes to the coins' `trades` (and only those), connecting when needed. */
  watch(coins: readonly string[]): void;
  stop(): void;
  stats(): { frames: number; badFrames: number; connects: number };
}

/** Hyperliquid closes a connection that sends nothing for a minute. */
const PING_MS = 50_000;
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 60_000;

/**
 * Finds addresses: `{"method":"subscribe","subscription":{"type":"trades","coin"}}` on Hyperliquid's WebSocket,
 * each trade naming `users: [buyer, seller]`. Every frame is parsed with zod; a frame that does not parse is
 * counted and skipped. A dropped connection is opened again after 1 s, doubling to a minute.
 */
export function createTradesWatcher(deps: TradesWatcherDeps): TradesWatcher {
  const url = deps.url ?? HYPERLIQUID_WS_URL;
  let socket: SocketLike | null = null;
  let open = false;
  let stopped = true;
  let wanted = new Set<string>();
  const subscribed = new Set<string>();
  let backoff = RECONNECT_MIN_MS;
  let cancelPing = () => {};
  let cancelReconnect = () => {};
  const counts = { frames: 0, badFrames: 0, connects: 0 };

  const send = (method: 'subscribe' | 'unsubscribe', coin: string) => {
    socket?.send(JSON.stringify({ method, subscription: { type: 'trades', coin } }));
  };

  const sync = () => {
    if (!open) return;
    for (const coin of wanted) {
      if (subscribed.has(coin)) continue;
      send('subscribe', coin);
      subscribed.add(coin);
    }
    for (const coin of [...subscribed]) {
      if (wanted.has(coin)) continue;
      send('unsubscribe', coin);
      subscribed.delete(coin);
    }
  };

  const ping = () => {
    cancelPing = deps.setTimer(PING_MS, () => {
      if (open) socket?.send(JSON.stringify({ method: 'ping' }));
      ping();
    });
  };

  const onFrame = (data: unknown) => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      counts.badFrames += 1;
      return;
    }
    if (typeof json !== 'object' || json === null || (json as { channel?: unknown }).channel !== 'trades')
      return;
    const frame = TradesFrameSchema.safeParse(json);
    if (!frame.success) {
      counts.badFrames += 1;
      return;
    }
    counts.frames += 1;
    const addresses = new Set<string>();
    for (const trade of frame.data.data) for (const user of trade.users) addresses.add(user);
    if (addresses.size > 0) deps.onAddresses([...addresses]);
  };

  const connect = () => {
    if (stopped || socket) return;
    counts.connects += 1;
    let s: SocketLike;
    try {
      s = deps.createSocket(url);
    } catch (cause) {
      deps.log?.(`LiqLens: Hyperliquid trades stream: ${String(cause)}`);
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      open = true;
      backoff = RECONNECT_MIN_MS;
      subscribed.clear();
      sync();
      ping();
    };
    s.onmessage = (event) => onFrame(event.data);
    s.onerror = () => {};
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      open = false;
      cancelPing();
      subscribed.clear();
      scheduleReconnect();
    };
  };

  function scheduleReconnect() {
    if (stopped) return;
    const wait = backoff;
    backoff = Math.min(RECONNECT_MAX_MS, backoff * 2);
    cancelReconnect = deps.setTimer(wait, connect);
  }

  return {
    watch(coins) {
      wanted = new Set(coins);
      if (wanted.size === 0) return;
      stopped = false;
      if (!socket) connect();
      else sync();
    },
    stop() {
      stopped = true;
      cancelPing();
      cancelReconnect();
      const s = socket;
      socket = null;
      open = false;
      subscribed.clear();
      s?.close();
    },
    stats: () => ({ ...counts }),
  };
}
