import { msTime, numPositive } from '../../sources/shared/num';
import { isRecord } from '../../util/is-record';
import { z } from '../../util/zod';
import { EMPTY, type FrameResult, jsonOf, type LiqFeed, makePrint } from './feed';

const OrderSchema = z.object({
  s: z.string(),
  /** The liquidation order's side: `SELL` closes a long. */
  S: z.enum(['BUY', 'SELL']),
  /** Average fill price. */
  ap: numPositive(),
  /** Accumulated filled quantity (base units). */
  z: numPositive(),
  T: msTime(),
});

/** The stream name Binance subscribes by: BTCUSDT → btcusdt@forceOrder. */
const streamOf = (instrument: string) => `${instrument.toLowerCase()}@forceOrder`;

/**
 * Binance USDⓈ-M `<symbol>@forceOrder` on the `market` path: at most one print per symbol per second, the
 * latest in that second, so it under-counts (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Liquidation-Order-Streams).
 * Binance's own keepalive is a ping frame from the server every 3 minutes, which the browser answers by itself;
 * a page cannot send ping frames. A quiet symbol may send nothing for minutes, and an MV3 worker is kept alive
 * only by WebSocket traffic within 30 s, so the keepalive here is a cheap request with a reply:
 * `LIST_SUBSCRIPTIONS`, every 20 s.
 */
export const binanceFeed: LiqFeed = {
  venue: 'binance',
  url: 'wss://fstream.binance.com/market/ws',
  coverage: 'partial',
  subscription: 'asset',
  subscribe: (instruments, id, on) =>
    JSON.stringify({ method: on ? 'SUBSCRIBE' : 'UNSUBSCRIBE', params: instruments.map(streamOf), id }),
  keepalive: { message: JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 0 }), everyMs: 20_000 },
  parse(text, ctx): FrameResult {
    const json = jsonOf(text);
    if (!json.ok || !isRecord(json.value)) return { prints: [], rejected: 1 };
    // A combined stream (`/stream?streams=`) wraps each event as {stream, data}.
    const frame = isRecord(json.value.data) && 'stream' in json.value ? json.value.data : json.value;
    if ('id' in frame && ('result' in frame || 'error' in frame)) {
      if (frame.error != null)
        return { ...EMPTY, error: `Binance refused a request: ${JSON.stringify(frame.error)}` };
      return EMPTY;
    }
    if (frame.e !== 'forceOrder' || !isRecord(frame.o)) return { prints: [], rejected: 1 };
    const symbol = typeof frame.o.s === 'string' ? frame.o.s : '';
    const listing = ctx.listing(symbol);
    if (!listing) return EMPTY;
    const parsed = OrderSchema.safeParse(frame.o);
    if (!parsed.success) return { prints: [], rejected: 1 };
    const { S, ap, z: size, T } = parsed.data;
    return {
      prints: [makePrint('binance', listing, S === 'SELL' ? 'long' : 'short', ap, size, T)],
      rejected: 0,
    };
  },
};
