import { frameContext, LIQ_FEEDS, type LiqFeed, listingOf } from './feeds';
import { type FeedState, LIQ_VENUES, type LiqPrint, type LiqVenue, type WsRecord } from './types';

/** What the manager hears from a socket. `message` gets the frame as received (text, or a Blob for binary). */
export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(): void;
}
export interface SocketLike {
  send(text: string): void;
  close(): void;
}
/** Opens a WebSocket to `url` (the browser's in the worker, a fake in tests, a replay in the CLI). */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

export interface TimerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Reconnect delays: 1 s, 2 s, 4 s … up to a minute, each drawn uniformly from its upper half. */
export const BACKOFF = { baseMs: 1_000, maxMs: 60_000 } as const;
/** A connection that has heard nothing for this long (keepalives unanswered, or no open) is dropped and redialled. */
export const SILENCE_MS = 65_000;

export interface StreamManagerDeps {
  openSocket: SocketFactory;
  clock: TimerClock;
  /** Uniform in [0, 1): the jitter. */
  random: () => number;
  /** OKX base units per contract of an instrument (lib/sources/okx/contract.ts), or null when unavailable. */
  contractSize(instrument: string): Promise<number | null>;
  /** Good prints of one watched asset, as they arrive (OKX's possibly out of time order). */
  onPrints(asset: string, prints: LiqPrint[]): void;
  /** Every frame received, as received: the debug recording. */
  onFrame?(record: WsRecord): void;
  /** A venue's state changed (for a push to the UIs). */
  onChange?(venue: LiqVenue): void;
  log(message: string): void;
}

/** One venue's feed for one watched asset, as the manager sees it now. */
export interface FeedNow {
  venue: LiqVenue;
  state: FeedState;
  /** Since when prints of this asset have been arriving without a break, or null when they are not. */
  liveSince: number | null;
  /** Bad frames or items on this venue's connection since the worker started. */
  rejected: number;
  lastMessageAt: number | null;
}

export interface StreamManager {
  /** The assets someone watches and the venues switched on; connects, subscribes and closes to match. */
  watch(assets: readonly string[], venues?: readonly LiqVenue[]): void;
  /** Every venue's feed for `asset` (`off` where it is not watched or the venue is switched off). */
  feeds(asset: string): FeedNow[];
  dispose(): void;
}

interface Connection {
  feed: LiqFeed;
  socket: SocketLike | null;
  state: FeedState;
  open: boolean;
  /** Instruments subscribed on the open socket. */
  subscribed: Set<string>;
  /** Asset → when it went live on this connection. */
  liveSince: Map<string, number>;
  attempt: number;
  heard: boolean;
  retry: unknown;
  keepalive: unknown;
  watchdog: unknown;
  rejected: number;
  lastMessageAt: number | null;
  requestId: number;
}

/**
 * One WebSocket per venue, shared by every watched asset through subscribe and unsubscribe; connected only
 * while some asset is watched. Each venue's own keepalive, a watchdog for silent connections, and reconnection
 * with exponential backoff and jitter. Frames are parsed with the venue's zod schemas; bad ones are counted.
 */
export function createStreamManager(deps: StreamManagerDeps): StreamManager {
  const { clock } = deps;
  let assets = new Set<string>();
  let venues = new Set<LiqVenue>(LIQ_VENUES);
  /** OKX contract values: a number once known, null while asked or after a failure (asked again on reconnect). */
  const ctVal = new Map<string, number | null>();
  const connections = new Map<LiqVenue, Connection>(
    LIQ_VENUES.map((venue) => [
      venue,
      {
        feed: LIQ_FEEDS[venue],
        socket: null,
        state: 'off',
        open: false,
        subscribed: new Set(),
        liveSince: new Map(),
        attempt: 0,
        heard: false,
        retry: null,
        keepalive: null,
        watchdog: null,
        rejected: 0,
        lastMessageAt: null,
        requestId: 0,
      },
    ]),
  );

  const wanted = (venue: LiqVenue) => (venues.has(venue) ? [...assets] : []);
  const changed = (venue: LiqVenue) => deps.onChange?.(venue);
  const cancel = (handle: unknown) => {
    if (handle !== null) clock.clearTimeout(handle);
  };

  const instrumentSize = (instrument: string) => ctVal.get(instrument) ?? undefined;

  /** An asset is live on a connection once subscribed, and for OKX once its contract value is known. */
  const markLive = (c: Connection) => {
    if (!c.open) return;
    const now = clock.now();
    for (const asset of wanted(c.feed.venue)) {
      const listing = listingOf(c.feed.venue, asset);
      const ready =
        c.feed.subscription === 'channel'
          ? c.subscribed.size > 0 && typeof ctVal.get(listing.instrument) === 'number'
          : c.subscribed.has(listing.instrument);
      if (ready && !c.liveSince.has(asset)) c.liveSince.set(asset, now);
      if (!ready) c.liveSince.delete(asset);
    }
    for (const asset of [...c.liveSince.keys()]) if (!assets.has(asset)) c.liveSince.delete(asset);
    const live = c.liveSince.size > 0;
    c.state = live ? 'live' : c.attempt > 0 ? 'reconnecting' : 'connecting';
  };

  const askContractSizes = (c: Connection) => {
    if (c.feed.venue !== 'okx') return;
    for (const asset of wanted('okx')) {
      const { instrument } = listingOf('okx', asset);
      if (ctVal.has(instrument)) continue;
      ctVal.set(instrument, null);
      void deps.contractSize(instrument).then(
        (size) => {
          if (size === null) {
            ctVal.delete(instrument);
            deps.log(`LiqLens: OKX contract value of ${instrument} unavailable; its prints wait for it`);
            return;
          }
          ctVal.set(instrument, size);
          markLive(c);
          changed('okx');
        },
        () => ctVal.delete(instrument),
      );
    }
  };

  const send = (c: Connection, text: string) => {
    try {
      c.socket?.send(text);
    } catch (cause) {
      deps.log(
        `LiqLens: ${c.feed.venue} send failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
  };

  /** Brings the open socket's subscriptions in line with the watched assets. */
  const resubscribe = (c: Connection) => {
    if (!c.open) return;
    const targets = new Set(wanted(c.feed.venue).map((a) => listingOf(c.feed.venue, a).instrument));
    if (c.feed.subscription === 'channel') {
      if (targets.size > 0 && c.subscribed.size === 0) {
        send(c, c.feed.subscribe([], ++c.requestId, true));
        c.subscribed.add('*');
      }
    } else {
      const add = [...targets].filter((i) => !c.subscribed.has(i));
      const drop = [...c.subscribed].filter((i) => !targets.has(i));
      if (add.length > 0) send(c, c.feed.subscribe(add, ++c.requestId, true));
      if (drop.length > 0) send(c, c.feed.subscribe(drop, ++c.requestId, false));
      for (const i of add) c.subscribed.add(i);
      for (const i of drop) c.subscribed.delete(i);
    }
    askContractSizes(c);
    markLive(c);
  };

  const armWatchdog = (c: Connection) => {
    cancel(c.watchdog);
    c.watchdog = clock.setTimeout(() => {
      deps.log(`LiqLens: ${c.feed.venue} liquidation feed silent for ${SILENCE_MS / 1000} s; reconnecting`);
      drop(c);
    }, SILENCE_MS);
  };

  const armKeepalive = (c: Connection) => {
    cancel(c.keepalive);
    c.keepalive = clock.setTimeout(() => {
      c.keepalive = null;
      if (!c.open) return;
      send(c, c.feed.keepalive.message);
      armKeepalive(c);
    }, c.feed.keepalive.everyMs);
  };

  const stopTimers = (c: Connection) => {
    cancel(c.keepalive);
    cancel(c.watchdog);
    cancel(c.retry);
    c.keepalive = c.watchdog = c.retry = null;
  };

  const closeSocket = (c: Connection) => {
    const socket = c.socket;
    c.socket = null;
    c.open = false;
    c.subscribed.clear();
    c.liveSince.clear();
    try {
      socket?.close();
    } catch {
      // Already closed.
    }
  };

  /** The connection broke or went silent: close it and dial again after a backoff, if still wanted. */
  const drop = (c: Connection) => {
    stopTimers(c);
    closeSocket(c);
    if (wanted(c.feed.venue).length === 0) {
      c.state = 'off';
      c.attempt = 0;
      changed(c.feed.venue);
      return;
    }
    if (c.heard) c.attempt = 0;
    c.attempt++;
    c.heard = false;
    c.state = 'reconnecting';
    const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** (c.attempt - 1));
    const delay = ceiling / 2 + (deps.random() * ceiling) / 2;
    c.retry = clock.setTimeout(() => {
      c.retry = null;
      connect(c);
    }, delay);
    changed(c.feed.venue);
  };

  const onMessage = (c: Connection, socket: SocketLike, data: unknown) => {
    if (c.socket !== socket) return;
    const now = clock.now();
    c.lastMessageAt = now;
    c.heard = true;
    armWatchdog(c);
    if (typeof data !== 'string') {
      c.rejected++;
      changed(c.feed.venue);
      return;
    }
    deps.onFrame?.({ venue: c.feed.venue, url: c.feed.url, t: now, data });
    const result = c.feed.parse(data, frameContext(c.feed.venue, wanted(c.feed.venue), instrumentSize));
    if (result.error) deps.log(`LiqLens: ${result.error}`);
    if (result.rejected > 0) {
      c.rejected += result.rejected;
      changed(c.feed.venue);
    }
    if (result.prints.length === 0) return;
    const byAsset = new Map<string, LiqPrint[]>();
    for (const asset of c.liveSince.keys()) {
      const { instrument } = listingOf(c.feed.venue, asset);
      const mine = result.prints.filter((p) => p.instrument === instrument);
      if (mine.length > 0) byAsset.set(asset, mine);
    }
    for (const [asset, prints] of byAsset) deps.onPrints(asset, prints);
  };

  const connect = (c: Connection) => {
    if (wanted(c.feed.venue).length === 0 || c.socket) return;
    c.state = c.attempt > 0 ? 'reconnecting' : 'connecting';
    let socket: SocketLike | null = null;
    try {
      socket = deps.openSocket(c.feed.url, {
        open: () => {
          if (c.socket !== socket) return;
          c.open = true;
          armKeepalive(c);
          armWatchdog(c);
          resubscribe(c);
          changed(c.feed.venue);
        },
        message: (data) => {
          if (socket) onMessage(c, socket, data);
        },
        close: () => {
          if (c.socket === socket) drop(c);
        },
      });
    } catch (cause) {
      deps.log(
        `LiqLens: cannot open ${c.feed.url}: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
    if (!socket) {
      drop(c);
      return;
    }
    c.socket = socket;
    armWatchdog(c);
    changed(c.feed.venue);
  };

  const apply = () => {
    for (const c of connections.values()) {
      if (wanted(c.feed.venue).length === 0) {
        if (c.state === 'off' && !c.socket && c.retry === null) continue;
        stopTimers(c);
        closeSocket(c);
        c.state = 'off';
        c.attempt = 0;
        changed(c.feed.venue);
      } else if (c.socket) {
        resubscribe(c);
        changed(c.feed.venue);
      } else if (c.retry === null) {
        connect(c);
      }
    }
  };

  return {
    watch(next, on = LIQ_VENUES) {
      assets = new Set(next);
      venues = new Set(on);
      apply();
    },
    feeds(asset) {
      return LIQ_VENUES.map((venue): FeedNow => {
        const c = connections.get(venue) as Connection;
        const watched = assets.has(asset) && venues.has(venue);
        const since = c.liveSince.get(asset);
        return {
          venue,
          state: !watched
            ? 'off'
            : since !== undefined
              ? 'live'
              : c.state === 'live'
                ? 'connecting'
                : c.state,
          liveSince: watched ? (since ?? null) : null,
          rejected: c.rejected,
          lastMessageAt: c.lastMessageAt,
        };
      });
    },
    dispose() {
      assets = new Set();
      for (const c of connections.values()) {
        stopTimers(c);
        closeSocket(c);
        c.state = 'off';
      }
    },
  };
}
