import type { SocketFactory } from '../../lib/liquidations/stream-manager';

/** The browser's WebSocket behind the stream manager's small socket interface. */
export const browserSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => handlers.open();
  ws.onmessage = (event) => handlers.message(event.data);
  // An error is always followed by close; reconnecting on close is enough.
  ws.onclose = () => handlers.close();
  return {
    send: (text) => ws.send(text),
    close: () => ws.close(),
  };
};
