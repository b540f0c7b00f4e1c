import { describe, expect, it } from 'vitest';
import type { SeriesCandle, SeriesOi } from '../../lib/market/series';
import { runLedger } from '../../lib/model/ledger';
import { candle, flat, HOUR, openBuckets, params, SIMPLE } from './helpers';

const P = params(SIMPLE); // one 4x tier, mmr 0: entry 100 → long liq 75, short liq 125

/** c0 and c1 flat at 100; OI 10 → 11 at c1 opens N = 100, split 60/40 by taker flow (6 of 10 bought). */
function opened(): { candles: SeriesCandle[]; oi: SeriesOi[] } {
  return {
    candles: [flat(0, 100), flat(HOUR, 100, 10, null, 6)],
    oi: [
      [0, 10],
      [HOUR, 11],
    ],
  };
}

describe('ledger: opening', () => {
  it('opens a long and a short bucket per tier at the entry, split by taker-buy share', () => {
    const { candles, oi } = opened();
    const ledger = runLedger(candles, oi, P);
    expect(openBuckets(ledger)).toEqual([
      { side: 'long', liq: 75, usd: 60, candle: 1 },
      { side: 'short', liq: 125, usd: 40, candle: 1 },
    ]);
    expect(ledger.openedUsd).toBe(100);
  });

  it('spreads new notional over the tiers by share', () => {
    const { candles, oi } = opened();
    const ledger = runLedger(
      candles,
      oi,
      params({
        ...SIMPLE,
        tiers: [
          [4, 0.25],
          [2, 0.75],
        ],
      }),
    );
    expect(openBuckets(ledger)).toEqual([
      { side: 'long', liq: 50, usd: 45, candle: 1 },
      { side: 'long', liq: 75, usd: 15, candle: 1 },
      { side: 'short', liq: 125, usd: 10, candle: 1 },
      { side: 'short', liq: 150, usd: 30, candle: 1 },
    ]);
  });

  it('candle 0 opens nothing: it has no predecessor', () => {
    const ledger = runLedger([flat(0, 100)], [[0, 10]], P);
    expect(ledger.openedUsd).toBe(0);
    expect(ledger.skippedIntervals).toBe(0);
  });
});

describe('ledger: liquidation (step 1)', () => {
  it('a wick down to the liquidation price removes the long bucket; the short stays', () => {
    const { candles, oi } = opened();
    candles.push(candle(2 * HOUR, 100, 75, 90));
    oi.push([2 * HOUR, 11]);
    const ledger = runLedger(candles, oi, P);
    expect(ledger.liquidatedLongByCandle[2]).toBe(60);
    expect(ledger.liquidatedShortByCandle[2]).toBe(0);
    expect(ledger.liquidatedUsd).toBe(60);
    expect(openBuckets(ledger).map((b) => b.side)).toEqual(['short']);
  });

  it('a low just above the liquidation price does not', () => {
    const { candles, oi } = opened();
    candles.push(candle(2 * HOUR, 100, 75.01, 90));
    oi.push([2 * HOUR, 11]);
    const ledger = runLedger(candles, oi, P);
    expect(ledger.liquidatedUsd).toBe(0);
    expect(openBuckets(ledger)).toHaveLength(2);
  });

  it('a wick up to the short liquidation price removes the short bucket', () => {
    const { candles, oi } = opened();
    candles.push(candle(2 * HOUR, 125, 100, 110));
    oi.push([2 * HOUR, 11]);
    const ledger = runLedger(candles, oi, P);
    expect(ledger.liquidatedShortByCandle[2]).toBe(40);
    expect(openBuckets(ledger).map((b) => b.side)).toEqual(['long']);
  });

  it('a bucket survives the candle that opened it, and falls to the next one that reaches it', () => {
    // c1 spans 70–130 (typical price 100) and opens buckets at 75 and 125 that it crosses itself.
    const candles = [
      flat(0, 100),
      candle(HOUR, 130, 70, 100),
      flat(2 * HOUR, 100),
      candle(3 * HOUR, 130, 70, 100),
    ];
    const oi: SeriesOi[] = [
      [0, 10],
      [HOUR, 11],
      [2 * HOUR, 11],
      [3 * HOUR, 11],
    ];
    const ledger = runLedger(candles, oi, P);
    expect(ledger.liquidatedLongByCandle[1]).toBe(0);
    expect(ledger.liquidatedLongByCandle[2]).toBe(0);
    expect(ledger.liquidatedLongByCandle[3]).toBe(50);
    expect(ledger.liquidatedShortByCandle[3]).toBe(50);
    expect(openBuckets(ledger)).toEqual([]);
  });
});

describe('ledger: open-interest drop', () => {
  it('shrinks every bucket of both sides by 1 − |d|/OI_{i−1}', () => {
    const { candles, oi } = opened();
    candles.push(flat(2 * HOUR, 100));
    oi.push([2 * HOUR, 5.5]); // d = −5.5 of 11: factor 0.5
    const ledger = runLedger(candles, oi, P);
    expect(openBuckets(ledger).map((b) => [b.side, b.usd])).toEqual([
      ['long', 30],
      ['short', 20],
    ]);
    expect(ledger.shrunkUsd).toBe(50);
  });

  it('a drop to zero empties the ledger, and later buckets open at full size', () => {
    const { candles, oi } = opened();
    candles.push(flat(2 * HOUR, 100), flat(3 * HOUR, 100, 10, null, 5));
    oi.push([2 * HOUR, 0], [3 * HOUR, 2]);
    const ledger = runLedger(candles, oi, P);
    expect(ledger.shrunkUsd).toBe(100);
    expect(openBuckets(ledger)).toEqual([
      { side: 'long', liq: 75, usd: 100, candle: 3 },
      { side: 'short', liq: 125, usd: 100, candle: 3 },
    ]);
  });

  it('repeated small drops compound', () => {
    const { candles, oi } = opened();
    for (let i = 2; i < 6; i++) {
      candles.push(flat(i * HOUR, 100));
      oi.push([i * HOUR, 11 * 0.5 ** (i - 1)]);
    }
    const ledger = runLedger(candles, oi, P);
    const [long, short] = openBuckets(ledger);
    expect(long?.usd).toBeCloseTo(60 / 16, 12);
    expect(short?.usd).toBeCloseTo(40 / 16, 12);
    expect(ledger.shrunkUsd).toBeCloseTo(100 - 100 / 16, 10);
  });
});

describe('ledger: taker split and its fallbacks', () => {
  const split = (c: SeriesCandle, overrides = {}): [number, number] => {
    const ledger = runLedger(
      [flat(0, 100), c],
      [
        [0, 10],
        [HOUR, 11],
      ],
      params({ ...SIMPLE, ...overrides }),
    );
    const b = openBuckets(ledger);
    return [
      b.filter((x) => x.side === 'long').reduce((s, x) => s + x.usd, 0),
      b.filter((x) => x.side === 'short').reduce((s, x) => s + x.usd, 0),
    ];
  };

  it('uses B/V', () => expect(split(flat(HOUR, 100, 10, null, 6))).toEqual([60, 40]));
  it('falls back to one half without taker volume', () =>
    expect(split(flat(HOUR, 100, 10, null, null))).toEqual([50, 50]));
  it('falls back to one half when V = 0', () => expect(split(flat(HOUR, 100, 0, null, 3))).toEqual([50, 50]));
  it('clamps B/V above 1 (no short bucket then)', () =>
    expect(split(flat(HOUR, 100, 10, null, 12))).toEqual([100, 0]));
  it('split = even ignores taker flow', () =>
    expect(split(flat(HOUR, 100, 10, null, 6), { split: 'even' })).toEqual([50, 50]));
});

describe('ledger: entry price', () => {
  const entry = (c: SeriesCandle): { liqs: number[]; opened: number } => {
    const ledger = runLedger(
      [flat(0, 100), c],
      [
        [0, 10],
        [HOUR, 11],
      ],
      P,
    );
    return { liqs: openBuckets(ledger).map((b) => b.liq), opened: ledger.openedUsd };
  };

  it('is the VWAP Q/V when both are known', () => {
    // e = 1010 / 10 = 101: N = 1 · 101, liqs 101 · 0.75 and 101 · 1.25.
    expect(entry(flat(HOUR, 100, 10, 1010))).toEqual({ liqs: [75.75, 126.25], opened: 101 });
  });

  it('is the typical price (H + L + C)/3 without quote volume', () => {
    expect(entry(candle(HOUR, 104, 98, 101, 10, null))).toEqual({ liqs: [75.75, 126.25], opened: 101 });
  });

  it('is the typical price when V = 0, even with quote volume', () => {
    expect(entry(candle(HOUR, 104, 98, 101, 0, 5000))).toEqual({ liqs: [75.75, 126.25], opened: 101 });
  });

  it('is the typical price when Q = 0 beside V > 0: a missing figure, not an entry at 0', () => {
    // Read literally, e = 0 / 10 = 0 would open N = 1 · 0 and lose the growth; (104 + 98 + 101)/3 = 101.
    expect(entry(candle(HOUR, 104, 98, 101, 10, 0))).toEqual({ liqs: [75.75, 126.25], opened: 101 });
  });
});

describe('ledger: missing open interest', () => {
  it('a candle without OI, and the one after it, only liquidate; both count as skipped', () => {
    const { candles, oi } = opened();
    candles.push(candle(2 * HOUR, 100, 70, 100), flat(3 * HOUR, 100), flat(4 * HOUR, 100, 10, null, 5));
    // No row for 2h; 3h → 4h grows by 1. A row for a time without a candle is ignored.
    oi.push([3 * HOUR, 30], [4 * HOUR, 31], [9 * HOUR, 99]);
    const ledger = runLedger(candles, oi, P);
    expect(ledger.skippedIntervals).toBe(2);
    expect(ledger.liquidatedLongByCandle[2]).toBe(60); // step 1 still ran on the gap
    // 11 → 30 across the gap opened nothing; 30 → 31 at 4h opened 100.
    expect(ledger.openedUsd).toBe(200);
    expect(openBuckets(ledger).map((b) => [b.side, b.usd, b.candle])).toEqual([
      ['long', 50, 4],
      ['short', 40, 1],
      ['short', 50, 4],
    ]);
  });

  it('joins unsorted open-interest rows on time; for a repeated time the last row wins', () => {
    const candles = [flat(0, 100), flat(HOUR, 100)];
    const oi: SeriesOi[] = [
      [HOUR, 99],
      [0, 10],
      [HOUR, 12],
    ];
    expect(runLedger(candles, oi, P).openedUsd).toBe(200);
  });
});
