import type { WsVenue } from '../../../../lib/liquidations/types';

/** What the server does with one message from the extension. */
export interface Answer {
  reply?: string;
  subscribe?: string[];
  unsubscribe?: string[];
}

/** How a venue's public socket talks, as far as the extension uses it (subscribe, unsubscribe, its ping). */
export interface Dialect {
  venue: WsVenue;
  /** The real URL's host and port, e.g. `ws.okx.com:8443`. */
  host: string;
  port: number;
  /** Paths the venue serves sockets on (Binance also takes streams in the path). */
  accepts(pathname: string): boolean;
  /** Streams subscribed by the URL itself (Binance `/market/ws/btcusdt@forceOrder`). */
  streamsInPath(pathname: string): string[];
  answer(text: string, connId: string, subscribed: ReadonlySet<string>): Answer;
  /** The subscriptions a frame is for; empty: not one the server can route (sent to every subscribed socket). */
  topicsOf(frame: string): string[];
}

function json(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Bybit v5 public linear: `{"op":"subscribe","args":["allLiquidation.BTCUSDT"]}`, `{"op":"ping"}`. */
const bybit: Dialect = {
  venue: 'bybit',
  host: 'stream.bybit.com',
  port: 443,
  accepts: (p) => p === '/v5/public/linear',
  streamsInPath: () => [],
  answer(text, connId) {
    const m = json(text);
    if (!m || typeof m.op !== 'string') return {};
    const req_id = typeof m.req_id === 'string' ? m.req_id : '';
    if (m.op === 'ping')
      return {
        reply: JSON.stringify({ success: true, ret_msg: 'pong', conn_id: connId, req_id, op: 'ping' }),
      };
    const args = strings(m.args);
    const reply = JSON.stringify({ success: true, ret_msg: '', conn_id: connId, req_id, op: m.op });
    if (m.op === 'subscribe') return { reply, subscribe: args };
    if (m.op === 'unsubscribe') return { reply, unsubscribe: args };
    return {};
  },
  topicsOf(frame) {
    const topic = json(frame)?.topic;
    return typeof topic === 'string' ? [topic] : [];
  },
};

/** OKX v5 public: `{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"}]}`, text `ping`. */
const okx: Dialect = {
  venue: 'okx',
  host: 'ws.okx.com',
  port: 8443,
  accepts: (p) => p === '/ws/v5/public',
  streamsInPath: () => [],
  answer(text, connId) {
    if (text === 'ping') return { reply: 'pong' };
    const m = json(text);
    if (!m || (m.op !== 'subscribe' && m.op !== 'unsubscribe') || !Array.isArray(m.args)) return {};
    const args = m.args.filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null);
    const names = args.map((a) => `${String(a.channel)}:${String(a.instType ?? '')}`);
    const replies = args.map((arg) =>
      JSON.stringify({ ...(m.id ? { id: m.id } : {}), event: m.op, arg, connId }),
    );
    return { reply: replies.join('\n'), [m.op === 'subscribe' ? 'subscribe' : 'unsubscribe']: names };
  },
  topicsOf(frame) {
    const arg = json(frame)?.arg as Record<string, unknown> | undefined;
    return arg ? [`${String(arg.channel)}:${String(arg.instType ?? '')}`] : [];
  },
};

/** Binance USDⓈ-M market streams: `/market/ws` with SUBSCRIBE, or the stream in the path. */
const binance: Dialect = {
  venue: 'binance',
  host: 'fstream.binance.com',
  port: 443,
  accepts: (p) => p === '/market/ws' || p.startsWith('/market/ws/'),
  streamsInPath: (p) =>
    p.startsWith('/market/ws/') ? p.slice('/market/ws/'.length).split('/').filter(Boolean) : [],
  answer(text, _connId, subscribed) {
    const m = json(text);
    if (!m || typeof m.method !== 'string') return {};
    const id = m.id ?? null;
    if (m.method === 'LIST_SUBSCRIPTIONS') return { reply: JSON.stringify({ result: [...subscribed], id }) };
    const params = strings(m.params);
    if (m.method === 'SUBSCRIBE') return { reply: JSON.stringify({ result: null, id }), subscribe: params };
    if (m.method === 'UNSUBSCRIBE')
      return { reply: JSON.stringify({ result: null, id }), unsubscribe: params };
    return {};
  },
  topicsOf(frame) {
    const m = json(frame);
    const event = (m && 'stream' in m ? m.data : m) as Record<string, unknown> | null;
    const order = event?.o as Record<string, unknown> | undefined;
    return typeof order?.s === 'string' ? [`${order.s.toLowerCase()}@forceOrder`] : [];
  },
};

/**
 * Hyperliquid `wss://api.hyperliquid.xyz/ws`: `{"method":"subscribe","subscription":{"type":"trades","coin":"BTC"}}`
 * answered by `{"channel":"subscriptionResponse","data":<the request>}`, `{"method":"ping"}` by
 * `{"channel":"pong"}` (https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/websocket).
 */
const hyperliquid: Dialect = {
  venue: 'hyperliquid',
  host: 'api.hyperliquid.xyz',
  port: 443,
  accepts: (p) => p === '/ws',
  streamsInPath: () => [],
  answer(text) {
    const m = json(text);
    if (!m || typeof m.method !== 'string') return {};
    if (m.method === 'ping') return { reply: JSON.stringify({ channel: 'pong' }) };
    const sub = m.subscription as Record<string, unknown> | undefined;
    if ((m.method !== 'subscribe' && m.method !== 'unsubscribe') || typeof sub?.type !== 'string') return {};
    const topic = `${sub.type}:${String(sub.coin ?? '')}`;
    const reply = JSON.stringify({ channel: 'subscriptionResponse', data: m });
    return m.method === 'subscribe' ? { reply, subscribe: [topic] } : { reply, unsubscribe: [topic] };
  },
  topicsOf(frame) {
    const m = json(frame);
    if (m?.channel !== 'trades' || !Array.isArray(m.data)) return [];
    const coin = (m.data[0] as Record<string, unknown> | undefined)?.coin;
    return typeof coin === 'string' ? [`trades:${coin}`] : [];
  },
};

export const DIALECTS: readonly Dialect[] = [bybit, okx, binance, hyperliquid];
