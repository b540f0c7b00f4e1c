import type { SocketFactory, SocketHandlers, SocketLike } from '../../lib/liquidations/stream-manager';

export interface FakeSocket extends SocketLike {
  url: string;
  sent: string[];
  closed: boolean;
  /** The server side: accept, push a frame, drop the connection. */
  accept(): void;
  push(data: unknown): void;
  drop(): void;
}

/** A socket factory whose sockets the test drives by hand; `sockets` lists every one opened, in order. */
export function fakeSockets(): { open: SocketFactory; sockets: FakeSocket[]; last(url: string): FakeSocket } {
  const sockets: FakeSocket[] = [];
  const open: SocketFactory = (url, handlers: SocketHandlers) => {
    const socket: FakeSocket = {
      url,
      sent: [],
      closed: false,
      send(text) {
        if (socket.closed) throw new Error('closed');
        socket.sent.push(text);
      },
      close() {
        socket.closed = true;
      },
      accept: () => handlers.open(),
      push: (data) => handlers.message(data),
      drop() {
        socket.closed = true;
        handlers.close();
      },
    };
    sockets.push(socket);
    return socket;
  };
  const last = (url: string) => {
    const found = sockets.filter((s) => s.url === url).at(-1);
    if (!found) throw new Error(`no socket to ${url}`);
    return found;
  };
  return { open, sockets, last };
}
