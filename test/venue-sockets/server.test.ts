import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  binanceFrame,
  bybitFrame,
  hyperliquidTradesFrame,
  okxFrame,
  rawFrame,
} from '../../scripts/lib/browser/venue-sockets/frames';
import { startVenueSockets, type VenueSockets } from '../../scripts/lib/browser/venue-sockets/server';

let sockets: VenueSockets;
let port: number;
beforeAll(async () => {
  sockets = await startVenueSockets();
  port = Number(sockets.resolverRules[0]?.split(':').pop());
});
afterAll(() => sockets.close());

/** A client at the real URL's host and path, reaching the local server as Chromium does through its rules. */
function connect(host: string, path: string) {
  const ws = new WebSocket(`wss://127.0.0.1:${port}${path}`, {
    headers: { host },
    rejectUnauthorized: false,
  });
  const messages: string[] = [];
  ws.on('message', (data) => messages.push(data.toString()));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const nextMessage = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (messages.length >= count ? resolve() : setTimeout(check, 5));
      check();
    });
  return { ws, messages, opened, nextMessage };
}

const T = 1_765_000_000_000;
const print = { side: 'long' as const, price: 95_000, size: 0.5, time: T };

describe('venue sockets', () => {
  it('maps the four real hosts to one local port', () => {
    expect(sockets.resolverRules).toEqual([
      `MAP stream.bybit.com 127.0.0.1:${port}`,
      `MAP ws.okx.com 127.0.0.1:${port}`,
      `MAP fstream.binance.com 127.0.0.1:${port}`,
      `MAP api.hyperliquid.xyz 127.0.0.1:${port}`,
    ]);
  });

  it('Hyperliquid: answers ping and the trades subscription, then sends only the subscribed coin', async () => {
    const c = connect('api.hyperliquid.xyz', '/ws');
    await c.opened;
    const subscribe = { method: 'subscribe', subscription: { type: 'trades', coin: 'BTC' } };
    c.ws.send(JSON.stringify({ method: 'ping' }));
    c.ws.send(JSON.stringify(subscribe));
    await sockets.waitForSubscriber('hyperliquid', 'trades:BTC');
    const trade = {
      buyer: `0x${'ab'.repeat(20)}`,
      seller: `0x${'cd'.repeat(20)}`,
      price: 95_000,
      size: 0.1,
      time: T,
    };
    expect(
      sockets.play([hyperliquidTradesFrame([trade], T), hyperliquidTradesFrame([trade], T, 'ETH')]),
    ).toEqual([1, 0]);
    await c.nextMessage(3);
    expect(JSON.parse(c.messages[0] as string)).toEqual({ channel: 'pong' });
    expect(JSON.parse(c.messages[1] as string)).toEqual({ channel: 'subscriptionResponse', data: subscribe });
    expect(JSON.parse(c.messages[2] as string)).toMatchObject({
      channel: 'trades',
      data: [{ coin: 'BTC', px: '95000', sz: '0.1', time: T, users: [trade.buyer, trade.seller] }],
    });
    c.ws.close();
  });

  it('Bybit: answers ping and subscribe, then sends only the subscribed topic', async () => {
    const c = connect('stream.bybit.com', '/v5/public/linear');
    await c.opened;
    c.ws.send(JSON.stringify({ op: 'ping' }));
    c.ws.send(JSON.stringify({ req_id: '1', op: 'subscribe', args: ['allLiquidation.BTCUSDT'] }));
    await sockets.waitForSubscriber('bybit', 'allLiquidation.BTCUSDT');
    const sent = sockets.play([bybitFrame([print], T), bybitFrame([print], T, 'ETHUSDT')]);
    expect(sent).toEqual([1, 0]);
    await c.nextMessage(3);
    expect(JSON.parse(c.messages[0] as string)).toMatchObject({ op: 'ping', ret_msg: 'pong', success: true });
    expect(JSON.parse(c.messages[1] as string)).toMatchObject({
      op: 'subscribe',
      req_id: '1',
      success: true,
    });
    expect(JSON.parse(c.messages[2] as string).data[0]).toEqual({
      T,
      s: 'BTCUSDT',
      S: 'Buy',
      v: '0.5',
      p: '95000',
    });
    c.ws.close();
  });

  it('OKX: text ping gets pong; the channel subscription gets the frames, contracts from ctVal', async () => {
    const c = connect('ws.okx.com:8443', '/ws/v5/public');
    await c.opened;
    c.ws.send('ping');
    c.ws.send(
      JSON.stringify({
        id: '7',
        op: 'subscribe',
        args: [{ channel: 'liquidation-orders', instType: 'SWAP' }],
      }),
    );
    await sockets.waitForSubscriber('okx', 'liquidation-orders:SWAP');
    expect(sockets.play([okxFrame([print], T)])).toEqual([1]);
    await c.nextMessage(3);
    expect(c.messages[0]).toBe('pong');
    expect(JSON.parse(c.messages[1] as string)).toMatchObject({ id: '7', event: 'subscribe' });
    expect(JSON.parse(c.messages[2] as string).data[0].details[0]).toMatchObject({
      sz: '50',
      bkPx: '95000',
      posSide: 'long',
    });
    c.ws.close();
  });

  it('Binance: SUBSCRIBE and LIST_SUBSCRIPTIONS; a malformed frame goes to every subscribed socket', async () => {
    const c = connect('fstream.binance.com', '/market/ws');
    await c.opened;
    c.ws.send(JSON.stringify({ method: 'SUBSCRIBE', params: ['btcusdt@forceOrder'], id: 1 }));
    await sockets.waitForSubscriber('binance', 'btcusdt@forceOrder');
    c.ws.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 0 }));
    await c.nextMessage(2);
    expect(sockets.play([binanceFrame(print, T), rawFrame('binance', '{"e":', T)])).toEqual([1, 1]);
    await c.nextMessage(4);
    expect(c.messages.slice(0, 2).map((m) => JSON.parse(m))).toEqual([
      { result: null, id: 1 },
      { result: ['btcusdt@forceOrder'], id: 0 },
    ]);
    expect(JSON.parse(c.messages[2] as string).o).toMatchObject({ S: 'SELL', ap: '95000', z: '0.5' });
    expect(c.messages[3]).toBe('{"e":');
    c.ws.close();
  });

  it('drops connections on cue and refuses new ones while told to', async () => {
    const c = connect('stream.bybit.com', '/v5/public/linear');
    await c.opened;
    const closed = new Promise<void>((resolve) => c.ws.once('close', () => resolve()));
    const before = sockets.accepted('bybit');
    sockets.refuse('bybit', true);
    expect(sockets.drop('bybit')).toBeGreaterThanOrEqual(1);
    await closed;
    const refused = connect('stream.bybit.com', '/v5/public/linear');
    await expect(refused.opened).rejects.toThrow(/503/);
    sockets.refuse('bybit', false);
    const again = connect('stream.bybit.com', '/v5/public/linear');
    await again.opened;
    expect(sockets.accepted('bybit')).toBe(before + 1);
    again.ws.close();
  });
});
