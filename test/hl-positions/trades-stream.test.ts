import { describe, expect, it } from 'vitest';
import {
  createTradesWatcher,
  HYPERLIQUID_WS_URL,
  type SocketLike,
} from '../../lib/hl-positions/trades-stream';
import { replayFrames } from '../../lib/liquidations/replay';
import { WsRecordSchema } from '../../lib/liquidations/types';
import { parseWsRecording } from '../../lib/liquidations/ws-recording';
import { FEED_URL, hyperliquidTradesFrame, toJsonl } from '../../scripts/lib/browser/venue-sockets/frames';

const A = `0x${'ab'.repeat(20)}`;
const B = `0x${'CD'.repeat(20)}`;

function harness() {
  const sockets: (SocketLike & { sent: string[]; url: string; closed: boolean })[] = [];
  const timers: { at: number; fire: () => void; cancelled: boolean }[] = [];
  let t = 0;
  const found: string[][] = [];
  const watcher = createTradesWatcher({
    createSocket(url) {
      const s = {
        url,
        sent: [] as string[],
        closed: false,
        send(data: string) {
          s.sent.push(data);
        },
        close() {
          s.closed = true;
        },
        onopen: null,
        onmessage: null,
        onclose: null,
        onerror: null,
      } as SocketLike & { sent: string[]; url: string; closed: boolean };
      sockets.push(s);
      return s;
    },
    onAddresses: (list) => found.push(list),
    setTimer(ms, fire) {
      const timer = { at: t + ms, fire, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const advance = (ms: number) => {
    t += ms;
    for (const timer of [...timers]) {
      if (!timer.cancelled && timer.at <= t) {
        timer.cancelled = true;
        timer.fire();
      }
    }
  };
  return { watcher, sockets, found, advance };
}

const frame = (data: unknown) => ({ data: JSON.stringify(data) });
const trade = (users: unknown) => ({
  coin: 'BTC',
  side: 'B',
  px: '95000.0',
  sz: '0.1',
  time: 1,
  tid: 1,
  users,
});

describe('the trades watcher', () => {
  it('subscribes to each coin’s trades and reports both parties of every trade, lower-case, once', () => {
    const { watcher, sockets, found } = harness();
    watcher.watch(['BTC', 'ETH']);
    const s = sockets[0];
    expect(s?.url).toBe(HYPERLIQUID_WS_URL);
    s?.onopen?.({});
    expect(s?.sent.map((m) => JSON.parse(m))).toEqual([
      { method: 'subscribe', subscription: { type: 'trades', coin: 'BTC' } },
      { method: 'subscribe', subscription: { type: 'trades', coin: 'ETH' } },
    ]);
    s?.onmessage?.(frame({ channel: 'trades', data: [trade([A, B]), trade([B, A])] }));
    expect(found).toEqual([[A, B.toLowerCase()]]);
    watcher.watch(['ETH']);
    expect(JSON.parse(s?.sent.at(-1) ?? '')).toEqual({
      method: 'unsubscribe',
      subscription: { type: 'trades', coin: 'BTC' },
    });
  });

  it('skips (and counts) frames that do not parse; other channels are ignored', () => {
    const { watcher, sockets, found } = harness();
    watcher.watch(['BTC']);
    const s = sockets[0];
    s?.onopen?.({});
    s?.onmessage?.({ data: 'not json' });
    s?.onmessage?.(frame({ channel: 'trades', data: [trade([A, '0x12'])] }));
    s?.onmessage?.(frame({ channel: 'trades', data: [trade([A])] }));
    s?.onmessage?.(frame({ channel: 'subscriptionResponse', data: {} }));
    s?.onmessage?.(frame({ channel: 'pong' }));
    expect(found).toEqual([]);
    expect(watcher.stats()).toEqual({ frames: 0, badFrames: 3, connects: 1 });
  });

  it('pings every 50 s, reconnects after a drop with a growing wait, and subscribes again', () => {
    const { watcher, sockets, advance } = harness();
    watcher.watch(['BTC']);
    sockets[0]?.onopen?.({});
    advance(50_000);
    expect(sockets[0]?.sent.at(-1)).toBe('{"method":"ping"}');
    sockets[0]?.onclose?.({});
    advance(999);
    expect(sockets).toHaveLength(1);
    advance(1);
    expect(sockets).toHaveLength(2);
    sockets[1]?.onclose?.({});
    advance(1_999);
    expect(sockets).toHaveLength(2);
    advance(1);
    expect(sockets).toHaveLength(3);
    sockets[2]?.onopen?.({});
    expect(JSON.parse(sockets[2]?.sent[0] ?? '')).toMatchObject({ method: 'subscribe' });
    watcher.stop();
    expect(sockets[2]?.closed).toBe(true);
    advance(120_000);
    expect(sockets).toHaveLength(3);
  });

  it('reads a liqlens.wsrec/1 recording of trades as built for the replays; the liquidation replay skips it', () => {
    const record = hyperliquidTradesFrame(
      [
        { buyer: A, seller: B, price: 95_000, size: 0.1, time: 1 },
        { buyer: B, seller: A, price: 95_001, size: 0.2, time: 2 },
      ],
      3,
    );
    expect(record.url).toBe(HYPERLIQUID_WS_URL);
    expect(FEED_URL.hyperliquid).toBe(HYPERLIQUID_WS_URL);
    const recording = parseWsRecording(toJsonl([record]));
    expect(recording.ok && recording.records.every((r) => WsRecordSchema.safeParse(r).success)).toBe(true);
    const { watcher, sockets, found } = harness();
    watcher.watch(['BTC']);
    sockets[0]?.onopen?.({});
    sockets[0]?.onmessage?.({ data: record.data });
    expect(found).toEqual([[A, B.toLowerCase()]]);
    expect(watcher.stats()).toMatchObject({ frames: 1, badFrames: 0 });
    expect(replayFrames([record], 'BTC')).toEqual({ prints: [], rejected: 0 });
  });
});
