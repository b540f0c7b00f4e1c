/**
 * The WebSocket simulator: liquidation frames of Bybit, OKX and Binance in their real shapes, written as a
 * `liqlens.wsrec/1` recording, with the prints they carry known in advance (the ground truth the tests compare
 * against, computed here without the extension's parsers). Seeded: the same options give the same recording.
 */
import { LIQ_FEEDS } from '../../../lib/liquidations/feeds';
import type { LiqPrint, LiqVenue, WsRecord } from '../../../lib/liquidations/types';
import { createRandom } from '../sim/random';

export interface WsSimOptions {
  seed: number;
  asset?: string;
  /** First frame time (ms) and how long the recording runs. */
  start: number;
  durationMs: number;
  /** The asset's price at the start; it walks from there. */
  price: number;
  /** Prints per minute per venue for the asset. */
  perMinute?: number;
  /** OKX base units per contract (BTC-USDT-SWAP: 0.01). */
  okxCtVal?: number;
  /** Add frames that must be counted as bad: cut-off JSON, a bad field in one item beside good ones. */
  badFrames?: number;
  /** Add prints of other instruments (other symbols, USDC, inverse), which must be ignored. */
  otherInstruments?: boolean;
  /** Send some OKX items late, out of time order. */
  okxOutOfOrder?: boolean;
}

export interface WsSimulation {
  records: WsRecord[];
  /** The asset's prints the frames carry, in time order (ties in the order sent). */
  prints: LiqPrint[];
  /** Frames or items that are malformed on purpose. */
  rejected: number;
}

const VENUES: LiqVenue[] = ['bybit', 'okx', 'binance'];
/** Rounded to `digits` decimals exactly as the frame's text will carry it. */
const round = (x: number, digits: number) => Number(x.toFixed(digits));
const fixed = (x: number, digits: number) => x.toFixed(digits);

export function simulateLiquidations(options: WsSimOptions): WsSimulation {
  const random = createRandom(options.seed);
  const asset = options.asset ?? 'BTC';
  const perMinute = options.perMinute ?? 6;
  const ctVal = options.okxCtVal ?? 0.01;
  const records: WsRecord[] = [];
  const truth: { print: LiqPrint; seq: number }[] = [];
  let seq = 0;
  let rejected = 0;
  const emit = (venue: LiqVenue, t: number, data: string) =>
    records.push({ venue, url: LIQ_FEEDS[venue].url, t, data });

  // Each connection opens with its subscription reply, as recorded by the extension.
  emit(
    'bybit',
    options.start,
    JSON.stringify({ success: true, ret_msg: '', conn_id: 'sim', req_id: '1', op: 'subscribe' }),
  );
  emit(
    'okx',
    options.start,
    JSON.stringify({
      id: '1',
      event: 'subscribe',
      arg: { channel: 'liquidation-orders', instType: 'SWAP' },
      connId: 'sim',
    }),
  );
  emit('binance', options.start, JSON.stringify({ result: null, id: 1 }));

  const minutes = Math.max(1, Math.round(options.durationMs / 60_000));
  const count = minutes * perMinute;
  let price = options.price;
  const lateOkx: { t: number; data: string }[] = [];
  for (let i = 0; i < count; i++) {
    const t = options.start + Math.floor(((i + random()) * options.durationMs) / count);
    price *= 1 + (random() - 0.5) * 0.002;
    const venue = VENUES[Math.floor(random() * 3)] as LiqVenue;
    const long = random() < 0.5;
    // Long liquidations sell below the market, short ones buy above.
    const px = round(price * (long ? 1 - random() * 0.003 : 1 + random() * 0.003), 1);
    const record = (p: Omit<LiqPrint, 'venue' | 'notionalUsd'>) => {
      truth.push({ print: { venue, ...p, notionalUsd: p.price * p.size }, seq: seq++ });
    };
    if (venue === 'bybit') {
      const size = round(0.001 + random() * 2, 3);
      record({ instrument: `${asset}USDT`, side: long ? 'long' : 'short', price: px, size, time: t });
      const item = { T: t, s: `${asset}USDT`, S: long ? 'Buy' : 'Sell', v: fixed(size, 3), p: fixed(px, 1) };
      emit(
        'bybit',
        t + 200,
        JSON.stringify({ topic: `allLiquidation.${asset}USDT`, type: 'snapshot', ts: t + 150, data: [item] }),
      );
    } else if (venue === 'binance') {
      const size = round(0.001 + random() * 2, 3);
      record({ instrument: `${asset}USDT`, side: long ? 'long' : 'short', price: px, size, time: t });
      const o = {
        s: `${asset}USDT`,
        S: long ? 'SELL' : 'BUY',
        o: 'LIMIT',
        f: 'IOC',
        q: fixed(size, 3),
        p: fixed(px * (long ? 0.999 : 1.001), 1),
        ap: fixed(px, 1),
        X: 'FILLED',
        l: fixed(size, 3),
        z: fixed(size, 3),
        T: t,
      };
      emit('binance', t + 100, JSON.stringify({ e: 'forceOrder', E: t + 50, o }));
    } else {
      const contracts = 1 + Math.floor(random() * 200);
      const net = random() < 0.3;
      const detail = {
        bkLoss: '0',
        bkPx: fixed(px, 1),
        ccy: '',
        posSide: net ? 'net' : long ? 'long' : 'short',
        side: long ? 'sell' : 'buy',
        sz: String(contracts),
        ts: String(t),
      };
      record({
        instrument: `${asset}-USDT-SWAP`,
        side: long ? 'long' : 'short',
        price: px,
        size: contracts * ctVal,
        time: t,
      });
      const data = JSON.stringify({
        arg: { channel: 'liquidation-orders', instType: 'SWAP' },
        data: [
          {
            details: [detail],
            instFamily: `${asset}-USDT`,
            instId: `${asset}-USDT-SWAP`,
            instType: 'SWAP',
            uly: `${asset}-USDT`,
          },
        ],
      });
      if (options.okxOutOfOrder && random() < 0.3)
        lateOkx.push({ t: t + 5_000 + Math.floor(random() * 20_000), data });
      else emit('okx', t + 300, data);
    }
    if (options.otherInstruments && random() < 0.5) {
      const others = [
        [
          'bybit',
          JSON.stringify({
            topic: 'allLiquidation.ETHUSDT',
            type: 'snapshot',
            ts: t,
            data: [{ T: t, s: 'ETHUSDT', S: 'Buy', v: '3', p: '3000' }],
          }),
        ],
        [
          'binance',
          JSON.stringify({
            e: 'forceOrder',
            E: t,
            o: {
              s: `${asset}USDC`,
              S: 'SELL',
              o: 'LIMIT',
              f: 'IOC',
              q: '1',
              p: '1',
              ap: String(px),
              X: 'FILLED',
              l: '1',
              z: '1',
              T: t,
            },
          }),
        ],
        [
          'okx',
          JSON.stringify({
            arg: { channel: 'liquidation-orders', instType: 'SWAP' },
            data: [
              {
                details: [
                  {
                    bkLoss: '0',
                    bkPx: fixed(px, 1),
                    ccy: '',
                    posSide: 'long',
                    side: 'sell',
                    sz: '5',
                    ts: String(t),
                  },
                ],
                instFamily: `${asset}-USD`,
                instId: `${asset}-USD-SWAP`,
                instType: 'SWAP',
                uly: `${asset}-USD`,
              },
            ],
          }),
        ],
      ] as const;
      const [v, data] = others[Math.floor(random() * others.length)] as (typeof others)[number];
      emit(v, t + 400, data);
    }
  }
  for (const late of lateOkx) emit('okx', late.t, late.data);

  const badCount = options.badFrames ?? 0;
  for (let i = 0; i < badCount; i++) {
    const t = options.start + Math.floor(((i + 0.5) * options.durationMs) / badCount);
    const kind = i % 3;
    if (kind === 0) {
      emit(
        'bybit',
        t,
        `{"topic":"allLiquidation.${asset}USDT","type":"snapshot","data":[{"T":${t},"s":"${asset}USDT"`,
      );
      rejected++;
    } else if (kind === 1) {
      // One bad item (a price of "NaN") beside a good one: the good one must come through.
      const good = { T: t, s: `${asset}USDT`, S: 'Sell', v: '0.5', p: fixed(price, 1) };
      truth.push({
        print: {
          venue: 'bybit',
          instrument: `${asset}USDT`,
          side: 'short',
          price: Number(fixed(price, 1)),
          size: 0.5,
          notionalUsd: Number(fixed(price, 1)) * 0.5,
          time: t,
        },
        seq: seq++,
      });
      emit(
        'bybit',
        t,
        JSON.stringify({
          topic: `allLiquidation.${asset}USDT`,
          type: 'snapshot',
          ts: t,
          data: [{ ...good, p: 'NaN' }, good],
        }),
      );
      rejected++;
    } else {
      emit(
        'binance',
        t,
        JSON.stringify({
          e: 'forceOrder',
          E: t,
          o: { s: `${asset}USDT`, S: 'SIDEWAYS', ap: '1', z: '1', T: t },
        }),
      );
      rejected++;
    }
  }

  records.sort((a, b) => a.t - b.t);
  // Ground truth in time order; prints at the same time keep the order their frames were received in.
  truth.sort((a, b) => a.print.time - b.print.time || a.seq - b.seq);
  return { records, prints: truth.map((x) => x.print), rejected };
}

export const toJsonl = (records: readonly WsRecord[]) =>
  records.map((r) => `${JSON.stringify(r)}\n`).join('');

/** The committed example recording, `test/fixtures/wsrec/btc-mixed.jsonl` (scripts/make-wsrec-fixture.ts). */
export const WSREC_FIXTURE = {
  path: 'test/fixtures/wsrec/btc-mixed.jsonl',
  options: {
    seed: 20261120,
    // From four minutes before the btc-all.har replay's time (2026-11-20 12:06:30 UTC) for half an hour.
    start: Date.UTC(2026, 10, 20, 12, 2, 30),
    durationMs: 30 * 60_000,
    price: 99_300,
    perMinute: 6,
    badFrames: 6,
    otherInstruments: true,
    okxOutOfOrder: true,
  } satisfies WsSimOptions,
} as const;
