import { describe, expect, it } from 'vitest';
import { frameContext, LIQ_FEEDS, listingOf } from '../../lib/liquidations/feeds';
import { sample } from '../sources/shared/samples';

const text = (name: string) => JSON.stringify(sample(name));
// biome-ignore lint/suspicious/noExplicitAny: free edits of a sample's JSON
type Frame = any;
const edit = (name: string, change: (frame: Frame) => void) => {
  const frame = sample(name) as Frame;
  change(frame);
  return JSON.stringify(frame);
};

describe('Bybit allLiquidation', () => {
  const feed = LIQ_FEEDS.bybit;
  const rose = frameContext('bybit', ['ROSE']);

  it('reads the real frame: p, v, data[].T; S = Sell is a short liquidated', () => {
    expect(feed.parse(text('bybit-ws-allLiquidation'), rose)).toEqual({
      prints: [
        {
          venue: 'bybit',
          instrument: 'ROSEUSDT',
          side: 'short',
          price: 0.04499,
          size: 20000,
          notionalUsd: 0.04499 * 20000,
          time: 1739502302929,
        },
      ],
      rejected: 0,
    });
  });

  it('S = Buy is a long liquidated', () => {
    const frame = edit('bybit-ws-allLiquidation', (f) => {
      f.data[0].S = 'Buy';
    });
    expect(feed.parse(frame, rose).prints[0]?.side).toBe('long');
  });

  it('a bad item is counted and skipped, the good one beside it kept', () => {
    const frame = edit('bybit-ws-allLiquidation', (f) => {
      f.data.push({ ...f.data[0], p: 'NaN' }, { ...f.data[0], v: '5', T: 1739502303000 });
    });
    const r = feed.parse(frame, rose);
    expect(r.rejected).toBe(1);
    expect(r.prints.map((p) => p.size)).toEqual([20000, 5]);
  });

  it('other symbols are ignored and not counted as bad', () => {
    expect(feed.parse(text('bybit-ws-allLiquidation'), frameContext('bybit', ['BTC']))).toEqual({
      prints: [],
      rejected: 0,
    });
  });

  it('pong and subscription replies are not data; a refusal is reported; garbage is counted', () => {
    expect(feed.parse('{"success":true,"ret_msg":"pong","conn_id":"x","op":"ping"}', rose)).toEqual({
      prints: [],
      rejected: 0,
    });
    expect(feed.parse('{"success":false,"ret_msg":"bad topic","op":"subscribe"}', rose).error).toMatch(
      /bad topic/,
    );
    expect(feed.parse('{"topic":"allLiquidation.ROSEUSDT"', rose).rejected).toBe(1);
    expect(feed.parse('[1,2]', rose).rejected).toBe(1);
  });

  it('subscribes by topic and pings with op ping', () => {
    expect(JSON.parse(feed.subscribe(['BTCUSDT'], 7, true))).toEqual({
      req_id: '7',
      op: 'subscribe',
      args: ['allLiquidation.BTCUSDT'],
    });
    expect(JSON.parse(feed.keepalive.message)).toEqual({ op: 'ping' });
  });

  it('1000PEPEUSDT prints come out in PEPE units with the same notional', () => {
    const frame = edit('bybit-ws-allLiquidation', (f) => {
      f.topic = 'allLiquidation.1000PEPEUSDT';
      f.data[0].s = '1000PEPEUSDT';
      f.data[0].p = '0.012';
      f.data[0].v = '1000';
    });
    const [print] = feed.parse(frame, frameContext('bybit', ['PEPE'])).prints;
    expect(print?.price).toBeCloseTo(0.000012, 12);
    expect(print?.size).toBe(1_000_000);
    expect(print?.notionalUsd).toBeCloseTo(12, 9);
  });
});

describe('Binance forceOrder', () => {
  const feed = LIQ_FEEDS.binance;
  const btc = frameContext('binance', ['BTC']);

  it('reads the real frame: ap, z, o.T; o.S = SELL is a long liquidated', () => {
    expect(feed.parse(text('binance-ws-forceOrder'), btc)).toEqual({
      prints: [
        {
          venue: 'binance',
          instrument: 'BTCUSDT',
          side: 'long',
          price: 9910,
          size: 0.014,
          notionalUsd: 9910 * 0.014,
          time: 1568014460893,
        },
      ],
      rejected: 0,
    });
  });

  it('BUY is a short liquidated; the average price and the filled size are used, not p and q', () => {
    const frame = edit('binance-ws-forceOrder', (f) => {
      f.o.S = 'BUY';
      f.o.p = '9000';
      f.o.ap = '9950';
      f.o.q = '1';
      f.o.z = '0.5';
    });
    expect(feed.parse(frame, btc).prints[0]).toMatchObject({ side: 'short', price: 9950, size: 0.5 });
  });

  it('the combined-stream wrapper is read too', () => {
    const frame = JSON.stringify({ stream: 'btcusdt@forceOrder', data: sample('binance-ws-forceOrder') });
    expect(feed.parse(frame, btc).prints).toHaveLength(1);
  });

  it('other symbols (ETHUSDT, BTCUSDC) are ignored; a bad order is counted', () => {
    for (const s of ['ETHUSDT', 'BTCUSDC']) {
      const frame = edit('binance-ws-forceOrder', (f) => {
        f.o.s = s;
      });
      expect(feed.parse(frame, btc)).toEqual({ prints: [], rejected: 0 });
    }
    const bad = edit('binance-ws-forceOrder', (f) => {
      f.o.ap = '';
    });
    expect(feed.parse(bad, btc)).toEqual({ prints: [], rejected: 1 });
  });

  it('subscribes by stream name; its keepalive is a request with a reply', () => {
    expect(JSON.parse(feed.subscribe(['BTCUSDT'], 3, false))).toEqual({
      method: 'UNSUBSCRIBE',
      params: ['btcusdt@forceOrder'],
      id: 3,
    });
    expect(feed.parse('{"result":null,"id":3}', btc)).toEqual({ prints: [], rejected: 0 });
    expect(feed.url).toBe('wss://fstream.binance.com/market/ws');
  });
});

describe('OKX liquidation-orders', () => {
  const feed = LIQ_FEEDS.okx;
  const iost = frameContext('okx', ['IOST'], (inst) => (inst === 'IOST-USDT-SWAP' ? 1000 : undefined));

  it('reads the real frame: bkPx, sz × ctVal, details[].ts; posSide short', () => {
    expect(feed.parse(text('okx-ws-liquidation-orders'), iost)).toEqual({
      prints: [
        {
          venue: 'okx',
          instrument: 'IOST-USDT-SWAP',
          side: 'short',
          price: 0.007831,
          size: 13_000,
          notionalUsd: 0.007831 * 13_000,
          time: 1692266434010,
        },
      ],
      rejected: 0,
    });
  });

  it('net mode: sell is a long liquidated, buy a short', () => {
    const side = (s: string) =>
      feed.parse(
        edit('okx-ws-liquidation-orders', (f) => {
          f.data[0].details[0].posSide = 'net';
          f.data[0].details[0].side = s;
        }),
        iost,
      ).prints[0]?.side;
    expect(side('sell')).toBe('long');
    expect(side('buy')).toBe('short');
  });

  it('inverse, USDC and other instruments are ignored; bad details are counted and the good kept', () => {
    const frame = edit('okx-ws-liquidation-orders', (f) => {
      const good = f.data[0];
      f.data = [
        { ...good, instId: 'IOST-USD-SWAP' },
        { ...good, instId: 'IOST-USDC-SWAP' },
        { ...good, instId: 'BTC-USDT-SWAP' },
        {
          ...good,
          details: [good.details[0], { ...good.details[0], sz: '-1' }, { ...good.details[0], ts: 'x' }],
        },
      ];
    });
    const r = feed.parse(frame, iost);
    expect(r.rejected).toBe(2);
    expect(r.prints).toHaveLength(1);
  });

  it('no print before the contract value is known', () => {
    expect(feed.parse(text('okx-ws-liquidation-orders'), frameContext('okx', ['IOST']))).toEqual({
      prints: [],
      rejected: 0,
    });
  });

  it('pong, subscribe events and errors', () => {
    expect(feed.parse('pong', iost)).toEqual({ prints: [], rejected: 0 });
    expect(
      feed.parse('{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"}}', iost),
    ).toEqual({ prints: [], rejected: 0 });
    expect(feed.parse('{"event":"error","code":"60012","msg":"Invalid request"}', iost).error).toMatch(
      /Invalid request/,
    );
    expect(feed.keepalive.message).toBe('ping');
    expect(JSON.parse(feed.subscribe([], 1, true)).args).toEqual([
      { channel: 'liquidation-orders', instType: 'SWAP' },
    ]);
  });

  it('the instrument is the USDT swap', () => {
    expect(listingOf('okx', 'BTC').instrument).toBe('BTC-USDT-SWAP');
    expect(listingOf('bybit', 'BTC').instrument).toBe('BTCUSDT');
    expect(listingOf('binance', 'PEPE').instrument).toBe('1000PEPEUSDT');
  });
});
