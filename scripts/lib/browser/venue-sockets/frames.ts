import type { LiqPrint, WsRecord, WsVenue } from '../../../../lib/liquidations/types';

/** The real socket URLs (docs/data-sources.md), as the extension opens them. */
export const FEED_URL: Record<WsVenue, string> = {
  bybit: 'wss://stream.bybit.com/v5/public/linear',
  okx: 'wss://ws.okx.com:8443/ws/v5/public',
  binance: 'wss://fstream.binance.com/market/ws',
  hyperliquid: 'wss://api.hyperliquid.xyz/ws',
};

/** BTC-USDT-SWAP's contract value, as the instruments endpoint in btc-all.har gives it. */
export const OKX_BTC_CT_VAL = 0.01;

export type PlainPrint = Pick<LiqPrint, 'side' | 'price' | 'size' | 'time'>;

const record = (venue: WsVenue, t: number, data: string): WsRecord => ({
  venue,
  url: FEED_URL[venue],
  t,
  data,
});

/** Bybit `allLiquidation.BTCUSDT`, as in api-samples/bybit-ws-allLiquidation.json: `S = Buy` is a long. */
export function bybitFrame(prints: readonly PlainPrint[], t: number, symbol = 'BTCUSDT'): WsRecord {
  return record(
    'bybit',
    t,
    JSON.stringify({
      topic: `allLiquidation.${symbol}`,
      type: 'snapshot',
      ts: t,
      data: prints.map((p) => ({
        T: p.time,
        s: symbol,
        S: p.side === 'long' ? 'Buy' : 'Sell',
        v: String(p.size),
        p: String(p.price),
      })),
    }),
  );
}

/**
 * OKX `liquidation-orders` (SWAP), as in api-samples/okx-ws-liquidation-orders.json: `sz` in contracts, the side
 * named by `posSide`, the price `bkPx`.
 */
export function okxFrame(prints: readonly PlainPrint[], t: number, instId = 'BTC-USDT-SWAP'): WsRecord {
  const family = instId.replace(/-SWAP$/, '');
  return record(
    'okx',
    t,
    JSON.stringify({
      arg: { channel: 'liquidation-orders', instType: 'SWAP' },
      data: [
        {
          details: prints.map((p) => ({
            bkLoss: '0',
            bkPx: String(p.price),
            ccy: '',
            posSide: p.side,
            side: p.side === 'long' ? 'sell' : 'buy',
            sz: String(Math.round((p.size / OKX_BTC_CT_VAL) * 1e6) / 1e6),
            ts: String(p.time),
          })),
          instFamily: family,
          instId,
          instType: 'SWAP',
          uly: family,
        },
      ],
    }),
  );
}

/** Binance `forceOrder`, as in api-samples/binance-ws-forceOrder.json: `o.S = SELL` closes a long. */
export function binanceFrame(p: PlainPrint, t: number, symbol = 'BTCUSDT'): WsRecord {
  const size = String(p.size);
  return record(
    'binance',
    t,
    JSON.stringify({
      e: 'forceOrder',
      E: t,
      o: {
        s: symbol,
        S: p.side === 'long' ? 'SELL' : 'BUY',
        o: 'LIMIT',
        f: 'IOC',
        q: size,
        p: String(p.price),
        ap: String(p.price),
        X: 'FILLED',
        l: size,
        z: size,
        T: p.time,
      },
    }),
  );
}

/** A frame as a venue might garble it: the text is sent as is. */
export const rawFrame = (venue: WsVenue, data: string, t: number): WsRecord => record(venue, t, data);

/** One trade between two accounts, as far as the frame builder needs it. */
export interface PlainTrade {
  buyer: string;
  seller: string;
  price: number;
  size: number;
  time: number;
}

/**
 * Hyperliquid `trades` for one coin, in the shape its WebSocket pushes
 * (https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/websocket/subscriptions, `WsTrade`):
 * `{channel: "trades", data: [{coin, side, px, sz, hash, time, tid, users: [buyer, seller]}]}`, numbers as strings.
 */
export function hyperliquidTradesFrame(trades: readonly PlainTrade[], t: number, coin = 'BTC'): WsRecord {
  return record(
    'hyperliquid',
    t,
    JSON.stringify({
      channel: 'trades',
      data: trades.map((x, i) => ({
        coin,
        side: i % 2 === 0 ? 'B' : 'A',
        px: String(x.price),
        sz: String(x.size),
        hash: `0x${(x.time + i).toString(16).padStart(64, '0')}`,
        time: x.time,
        tid: x.time * 10 + i,
        users: [x.buyer, x.seller],
      })),
    }),
  );
}

export const toJsonl = (records: readonly WsRecord[]) =>
  records.map((r) => `${JSON.stringify(r)}\n`).join('');
