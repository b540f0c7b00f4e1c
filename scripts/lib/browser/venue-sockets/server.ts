import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import type { WsRecord, WsVenue } from '../../../../lib/liquidations/types';
import { selfSignedCertificate } from './certificate';
import { DIALECTS, type Dialect } from './dialects';

interface Client {
  venue: WsVenue;
  socket: WebSocket;
  subscribed: Set<string>;
}

export interface VenueSockets {
  /** Chromium `--host-resolver-rules` entries sending the venues' real socket hosts here. */
  resolverRules: string[];
  /**
   * Sends recorded frames, as recorded, to the open sockets of their venue that subscribed to what they carry (a
   * frame the server cannot route, such as a malformed one, goes to every subscribed socket of its venue).
   * Returns how many sockets got each frame, in order.
   */
  play(records: readonly WsRecord[]): number[];
  /** Waits until `venue` has an open socket subscribed to `topic` (`liquidation-orders:SWAP` on OKX, `trades:BTC` on Hyperliquid). */
  waitForSubscriber(venue: WsVenue, topic: string, timeoutMs?: number): Promise<void>;
  /** Closes every open socket of the venue abruptly (no close frame), as a network cut does. */
  drop(venue: WsVenue): number;
  /** While true, new sockets of the venue are refused at the upgrade (HTTP 503). */
  refuse(venue: WsVenue, refusing: boolean): void;
  /** Sockets accepted so far, per venue (a reconnect adds one). */
  accepted(venue: WsVenue): number;
  open(venue: WsVenue): number;
  /** Every text message the extension sent, in order. */
  received: { venue: WsVenue; text: string }[];
  close(): Promise<void>;
}

/**
 * One local TLS server answering the venues' public sockets at their real URLs (reached through Chromium's
 * host-resolver rules): the liquidation feeds and Hyperliquid's `trades`; subscribe, unsubscribe and ping as each
 * venue answers them, frames from a `liqlens.wsrec/1` recording, and connection drops on cue. (Chromium still sends
 * the pages' and the worker's HTTP requests to `context.route`, which answers before any name is resolved.)
 */
export async function startVenueSockets(): Promise<VenueSockets> {
  const tls = selfSignedCertificate(DIALECTS.map((d) => d.host));
  const server = https.createServer(tls, (_req, res) => {
    res.writeHead(426).end('WebSocket only');
  });
  const wss = new WebSocketServer({ noServer: true });
  const clients = new Set<Client>();
  const refusing = new Set<WsVenue>();
  const accepted = new Map<WsVenue, number>();
  const received: VenueSockets['received'] = [];
  const waiters = new Set<() => void>();
  let next = 0;

  const dialectOf = (host: string | undefined, pathname: string): Dialect | undefined => {
    const name = (host ?? '').replace(/:\d+$/, '');
    return DIALECTS.find((d) => d.host === name && d.accepts(pathname));
  };

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'https://local');
    const dialect = dialectOf(req.headers.host, url.pathname);
    if (!dialect || refusing.has(dialect.venue)) {
      socket.end(
        `HTTP/1.1 ${dialect ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = {
        venue: dialect.venue,
        socket: ws,
        subscribed: new Set(dialect.streamsInPath(url.pathname)),
      };
      const connId = `e2e-${++next}`;
      clients.add(client);
      accepted.set(dialect.venue, (accepted.get(dialect.venue) ?? 0) + 1);
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        const text = data.toString();
        received.push({ venue: dialect.venue, text });
        const answer = dialect.answer(text, connId, client.subscribed);
        for (const s of answer.subscribe ?? []) client.subscribed.add(s);
        for (const s of answer.unsubscribe ?? []) client.subscribed.delete(s);
        if (answer.reply) for (const line of answer.reply.split('\n')) ws.send(line);
        for (const wake of waiters) wake();
      });
      ws.on('close', () => clients.delete(client));
      ws.on('error', () => clients.delete(client));
      for (const wake of waiters) wake();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const openOf = (venue: WsVenue) =>
    [...clients].filter((c) => c.venue === venue && c.socket.readyState === WebSocket.OPEN);

  return {
    resolverRules: DIALECTS.map((d) => `MAP ${d.host} 127.0.0.1:${port}`),
    play(records) {
      return records.map((record) => {
        const dialect = DIALECTS.find((d) => d.venue === record.venue);
        const topics = dialect?.topicsOf(record.data) ?? [];
        let sent = 0;
        for (const c of openOf(record.venue)) {
          const wanted = topics.length ? topics.some((t) => c.subscribed.has(t)) : c.subscribed.size > 0;
          if (!wanted) continue;
          c.socket.send(record.data);
          sent += 1;
        }
        return sent;
      });
    },
    waitForSubscriber(venue, topic, timeoutMs = 15_000) {
      const ready = () => openOf(venue).some((c) => c.subscribed.has(topic));
      if (ready()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const wake = () => {
          if (!ready()) return;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          const seen = received
            .filter((r) => r.venue === venue)
            .map((r) => r.text)
            .slice(-5);
          reject(new Error(`no ${venue} socket subscribed to ${topic} (last sent: ${JSON.stringify(seen)})`));
        }, timeoutMs);
        waiters.add(wake);
      });
    },
    drop(venue) {
      const open = openOf(venue);
      for (const c of open) c.socket.terminate();
      return open.length;
    },
    refuse(venue, on) {
      if (on) refusing.add(venue);
      else refusing.delete(venue);
    },
    accepted: (venue) => accepted.get(venue) ?? 0,
    open: (venue) => openOf(venue).length,
    received,
    async close() {
      for (const c of clients) c.socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
