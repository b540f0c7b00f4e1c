import { msTime, numPositive } from '../../sources/shared/num';
import { isRecord } from '../../util/is-record';
import { z } from '../../util/zod';
import type { LiqPrint } from '../types';
import { EMPTY, type FrameResult, jsonOf, type LiqFeed, makePrint } from './feed';

const CHANNEL = 'liquidation-orders';

const DetailSchema = z.object({
  /** Bankruptcy price. */
  bkPx: numPositive(),
  /** Contracts. */
  sz: numPositive(),
  side: z.enum(['buy', 'sell']),
  posSide: z.enum(['long', 'short', 'net']),
  ts: msTime(),
});

/** `posSide` names the position; in net mode a `sell` order closes a long. */
const sideOf = (d: z.infer<typeof DetailSchema>): LiqPrint['side'] =>
  d.posSide === 'net' ? (d.side === 'sell' ? 'long' : 'short') : d.posSide;

/**
 * OKX v5 `liquidation-orders`, `instType: SWAP`: one subscription carries every SWAP instrument, inverse ones
 * included. By OKX's docs it is not every liquidation, and items may arrive out of time order
 * (https://www.okx.com/docs-v5/en/#public-data-websocket-liquidation-orders-channel). Sizes are contracts:
 * base units = `sz × ctVal`, from the instruments endpoint.
 */
export const okxFeed: LiqFeed = {
  venue: 'okx',
  url: 'wss://ws.okx.com:8443/ws/v5/public',
  coverage: 'partial',
  subscription: 'channel',
  subscribe: (_instruments, id, on) =>
    JSON.stringify({
      id: String(id),
      op: on ? 'subscribe' : 'unsubscribe',
      args: [{ channel: CHANNEL, instType: 'SWAP' }],
    }),
  // OKX closes a connection that is silent for 30 s; its docs ask for the text `ping` (answered `pong`).
  keepalive: { message: 'ping', everyMs: 20_000 },
  parse(text, ctx): FrameResult {
    if (text === 'pong') return EMPTY;
    const json = jsonOf(text);
    if (!json.ok || !isRecord(json.value)) return { prints: [], rejected: 1 };
    const frame = json.value;
    if (typeof frame.event === 'string') {
      if (frame.event === 'error')
        return { ...EMPTY, error: `OKX refused a request: ${String(frame.msg ?? frame.code ?? '')}` };
      return EMPTY;
    }
    if (!isRecord(frame.arg) || frame.arg.channel !== CHANNEL || !Array.isArray(frame.data))
      return { prints: [], rejected: 1 };
    const prints: LiqPrint[] = [];
    let rejected = 0;
    for (const entry of frame.data) {
      if (!isRecord(entry) || typeof entry.instId !== 'string') {
        rejected++;
        continue;
      }
      const listing = ctx.listing(entry.instId);
      if (!listing) continue;
      const ctVal = ctx.contractSize?.(entry.instId);
      // Until the contract value is known the instrument is not live (the manager counts that time as a gap).
      if (ctVal === undefined) continue;
      if (!Array.isArray(entry.details)) {
        rejected++;
        continue;
      }
      for (const item of entry.details) {
        const parsed = DetailSchema.safeParse(item);
        if (!parsed.success) {
          rejected++;
          continue;
        }
        const d = parsed.data;
        prints.push(makePrint('okx', listing, sideOf(d), d.bkPx, d.sz * ctVal, d.ts));
      }
    }
    return { prints, rejected };
  },
};
