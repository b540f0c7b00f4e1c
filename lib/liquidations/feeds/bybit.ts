import { msTime, numPositive } from '../../sources/shared/num';
import { isRecord } from '../../util/is-record';
import { z } from '../../util/zod';
import { EMPTY, type FrameResult, jsonOf, type LiqFeed, makePrint } from './feed';

const TOPIC = 'allLiquidation.';

const ItemSchema = z.object({
  T: msTime(),
  s: z.string(),
  /** Bybit's docs: `Buy` means a long position was liquidated. */
  S: z.enum(['Buy', 'Sell']),
  v: numPositive(),
  p: numPositive(),
});

/**
 * Bybit v5 `allLiquidation.<SYMBOL>`: every liquidation, pushed every 500 ms
 * (https://bybit-exchange.github.io/docs/v5/websocket/public/all-liquidation). `S = Buy`: a long was liquidated.
 */
export const bybitFeed: LiqFeed = {
  venue: 'bybit',
  url: 'wss://stream.bybit.com/v5/public/linear',
  coverage: 'complete',
  subscription: 'asset',
  subscribe: (instruments, id, on) =>
    JSON.stringify({
      req_id: String(id),
      op: on ? 'subscribe' : 'unsubscribe',
      args: instruments.map((s) => `${TOPIC}${s}`),
    }),
  // Bybit asks for a ping every 20 s to keep the connection (its docs, "How to send the heartbeat packet").
  keepalive: { message: JSON.stringify({ op: 'ping' }), everyMs: 20_000 },
  parse(text, ctx): FrameResult {
    const json = jsonOf(text);
    if (!json.ok || !isRecord(json.value)) return { prints: [], rejected: 1 };
    const frame = json.value;
    if (typeof frame.op === 'string' || 'success' in frame) {
      if (frame.success === false)
        return { ...EMPTY, error: `Bybit refused ${String(frame.op)}: ${String(frame.ret_msg ?? '')}` };
      return EMPTY;
    }
    if (typeof frame.topic !== 'string' || !frame.topic.startsWith(TOPIC) || !Array.isArray(frame.data))
      return { prints: [], rejected: 1 };
    const prints = [];
    let rejected = 0;
    for (const item of frame.data) {
      const symbol = isRecord(item) && typeof item.s === 'string' ? item.s : frame.topic.slice(TOPIC.length);
      const listing = ctx.listing(symbol);
      if (!listing) continue;
      const parsed = ItemSchema.safeParse(item);
      if (!parsed.success || parsed.data.s !== symbol) {
        rejected++;
        continue;
      }
      const { T, S, v, p } = parsed.data;
      prints.push(makePrint('bybit', listing, S === 'Buy' ? 'long' : 'short', p, v, T));
    }
    return { prints, rejected };
  },
};
