import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIQ_FEEDS } from '../../lib/liquidations/feeds';
import { BACKOFF, createStreamManager, SILENCE_MS } from '../../lib/liquidations/stream-manager';
import type { LiqPrint, LiqVenue, WsRecord } from '../../lib/liquidations/types';
import { fakeSockets } from './fake-socket';

const BYBIT = LIQ_FEEDS.bybit.url;
const OKX = LIQ_FEEDS.okx.url;
const BINANCE = LIQ_FEEDS.binance.url;

const bybitFrame = (symbol: string, T: number, S = 'Buy') =>
  JSON.stringify({
    topic: `allLiquidation.${symbol}`,
    type: 'snapshot',
    ts: T,
    data: [{ T, s: symbol, S, v: '0.5', p: '100000' }],
  });
const okxFrame = (instId: string, ts: number) =>
  JSON.stringify({
    arg: { channel: 'liquidation-orders', instType: 'SWAP' },
    data: [
      {
        instId,
        instType: 'SWAP',
        details: [
          { bkPx: '100000', sz: '3', side: 'sell', posSide: 'net', ts: String(ts), bkLoss: '0', ccy: '' },
        ],
      },
    ],
  });

function setup(options: { random?: number; ctVal?: number | null } = {}) {
  const net = fakeSockets();
  const prints: { asset: string; print: LiqPrint }[] = [];
  const frames: WsRecord[] = [];
  const logs: string[] = [];
  const manager = createStreamManager({
    openSocket: net.open,
    clock: {
      now: () => Date.now(),
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (h) => clearTimeout(h as number),
    },
    random: () => options.random ?? 0.5,
    contractSize: async () => (options.ctVal === undefined ? 0.01 : options.ctVal),
    onPrints: (asset, ps) => {
      for (const print of ps) prints.push({ asset, print });
    },
    onFrame: (r) => frames.push(r),
    log: (m) => logs.push(m),
  });
  return { net, prints, frames, logs, manager };
}

const state = (m: ReturnType<typeof setup>['manager'], asset: string, venue: LiqVenue) =>
  m.feeds(asset).find((f) => f.venue === venue);

describe('stream manager', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_800_000_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('connects nothing until an asset is watched, then one socket per venue', () => {
    const { net, manager } = setup();
    expect(net.sockets).toHaveLength(0);
    manager.watch(['BTC']);
    expect(net.sockets.map((s) => s.url).sort()).toEqual([BINANCE, BYBIT, OKX].sort());
    expect(state(manager, 'BTC', 'bybit')?.state).toBe('connecting');
    expect(state(manager, 'ETH', 'bybit')?.state).toBe('off');
  });

  it('shares one connection across assets by subscribe and unsubscribe, and closes when nothing is watched', () => {
    const { net, manager } = setup();
    manager.watch(['BTC'], ['bybit']);
    const socket = net.last(BYBIT);
    socket.accept();
    expect(JSON.parse(socket.sent[0] as string)).toMatchObject({
      op: 'subscribe',
      args: ['allLiquidation.BTCUSDT'],
    });
    manager.watch(['BTC', 'ETH'], ['bybit']);
    manager.watch(['ETH'], ['bybit']);
    expect(net.sockets).toHaveLength(1);
    const ops = socket.sent.map((t) => JSON.parse(t)).map((m) => `${m.op} ${m.args.join(',')}`);
    expect(ops).toEqual([
      'subscribe allLiquidation.BTCUSDT',
      'subscribe allLiquidation.ETHUSDT',
      'unsubscribe allLiquidation.BTCUSDT',
    ]);
    manager.watch([], ['bybit']);
    expect(socket.closed).toBe(true);
    expect(state(manager, 'ETH', 'bybit')?.state).toBe('off');
    vi.advanceTimersByTime(10 * BACKOFF.maxMs);
    expect(net.sockets).toHaveLength(1);
  });

  it("sends each venue's own keepalive every 20 s", () => {
    const { net, manager } = setup();
    manager.watch(['BTC']);
    for (const s of net.sockets) s.accept();
    vi.advanceTimersByTime(20_000);
    expect(net.last(BYBIT).sent.at(-1)).toBe('{"op":"ping"}');
    expect(net.last(OKX).sent.at(-1)).toBe('ping');
    expect(JSON.parse(net.last(BINANCE).sent.at(-1) as string)).toEqual({
      method: 'LIST_SUBSCRIPTIONS',
      id: 0,
    });
    const count = net.last(OKX).sent.length;
    vi.advanceTimersByTime(40_000);
    expect(net.last(OKX).sent.length).toBe(count + 2);
  });

  it('reconnects with exponential backoff and jitter, resubscribes, and resets after hearing from the venue', () => {
    const { net, manager } = setup({ random: 0 });
    manager.watch(['BTC'], ['bybit']);
    net.last(BYBIT).accept();
    net.last(BYBIT).drop();
    expect(state(manager, 'BTC', 'bybit')?.state).toBe('reconnecting');
    // random 0 → the lower end of each window: 0.5 s, 1 s, 2 s, 4 s.
    const opensAfter: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = net.sockets.length;
      let waited = 0;
      while (net.sockets.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      opensAfter.push(waited);
      net.last(BYBIT).drop();
    }
    expect(opensAfter).toEqual([500, 1000, 2000, 4000]);
    vi.advanceTimersByTime(8000);
    const socket = net.last(BYBIT);
    socket.accept();
    expect(socket.sent[0]).toContain('allLiquidation.BTCUSDT');
    socket.push(bybitFrame('BTCUSDT', Date.now()));
    expect(state(manager, 'BTC', 'bybit')?.state).toBe('live');
    socket.drop();
    const before = net.sockets.length;
    vi.advanceTimersByTime(500);
    expect(net.sockets.length).toBe(before + 1);
  });

  it('the backoff never exceeds a minute', () => {
    const { net, manager } = setup({ random: 0.999 });
    manager.watch(['BTC'], ['bybit']);
    for (let i = 0; i < 12; i++) {
      net.last(BYBIT).drop();
      vi.advanceTimersByTime(BACKOFF.maxMs);
    }
    expect(net.sockets).toHaveLength(13);
  });

  it('a silent connection is dropped and redialled', () => {
    const { net, manager, logs } = setup();
    manager.watch(['BTC'], ['bybit']);
    net.last(BYBIT).accept();
    vi.advanceTimersByTime(SILENCE_MS);
    expect(net.sockets[0]?.closed).toBe(true);
    expect(logs.join('\n')).toMatch(/silent/);
    vi.advanceTimersByTime(1000);
    expect(net.sockets).toHaveLength(2);
  });

  it('delivers prints per asset, records every frame, counts bad frames without losing the good', () => {
    const { net, manager, prints, frames } = setup();
    manager.watch(['BTC', 'ETH'], ['bybit']);
    const socket = net.last(BYBIT);
    socket.accept();
    const t = Date.now();
    socket.push(bybitFrame('BTCUSDT', t));
    socket.push('{"topic":');
    socket.push(new Uint8Array([1, 2]));
    socket.push(bybitFrame('ETHUSDT', t + 1, 'Sell'));
    socket.push(bybitFrame('SOLUSDT', t + 2));
    expect(prints.map((p) => `${p.asset} ${p.print.side}`)).toEqual(['BTC long', 'ETH short']);
    expect(state(manager, 'BTC', 'bybit')?.rejected).toBe(2);
    expect(frames).toHaveLength(4);
    expect(frames[0]).toEqual({ venue: 'bybit', url: BYBIT, t, data: bybitFrame('BTCUSDT', t) });
  });

  it('OKX subscribes its channel once and is live for an asset once its contract value is known', async () => {
    const { net, manager, prints } = setup({ ctVal: 0.01 });
    manager.watch(['BTC'], ['okx']);
    const socket = net.last(OKX);
    socket.accept();
    manager.watch(['BTC', 'ETH'], ['okx']);
    expect(socket.sent.filter((m) => m.includes('subscribe'))).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(state(manager, 'BTC', 'okx')?.state).toBe('live');
    socket.push(okxFrame('BTC-USDT-SWAP', Date.now()));
    socket.push(okxFrame('BTC-USD-SWAP', Date.now()));
    expect(prints).toHaveLength(1);
    expect(prints[0]?.print).toMatchObject({ side: 'long', size: 0.03, notionalUsd: 3000 });
  });

  it('OKX without a contract value stays in a gap, never guessing a size', async () => {
    const { net, manager, prints } = setup({ ctVal: null });
    manager.watch(['BTC'], ['okx']);
    net.last(OKX).accept();
    await vi.advanceTimersByTimeAsync(0);
    net.last(OKX).push(okxFrame('BTC-USDT-SWAP', Date.now()));
    expect(prints).toHaveLength(0);
    expect(state(manager, 'BTC', 'okx')).toMatchObject({ state: 'connecting', liveSince: null });
  });

  it('liveSince marks the start of the live stretch; a drop ends it', () => {
    const { net, manager } = setup();
    manager.watch(['BTC'], ['bybit']);
    vi.advanceTimersByTime(300);
    net.last(BYBIT).accept();
    const t0 = Date.now();
    expect(state(manager, 'BTC', 'bybit')?.liveSince).toBe(t0);
    net.last(BYBIT).drop();
    expect(state(manager, 'BTC', 'bybit')?.liveSince).toBeNull();
  });
});
