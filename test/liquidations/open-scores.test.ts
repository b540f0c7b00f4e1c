import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOpenScores } from '../../lib/liquidations/open-scores';
import { SCORE_HORIZON_MS, scoredSnapshot, scorePrints } from '../../lib/liquidations/scoring';
import type { BandSnapshot, LiqPrint } from '../../lib/liquidations/types';

const T0 = Date.UTC(2026, 11, 1);
const HOUR = 3_600_000;

const snapshot = (time: number, price: number, bands: BandSnapshot['bands']): BandSnapshot => ({
  asset: 'BTC',
  time,
  price,
  modelVersion: '1',
  bands,
});
const print = (side: 'long' | 'short', price: number, notionalUsd: number, time: number): LiqPrint => ({
  venue: 'bybit',
  instrument: 'BTCUSDT',
  side,
  price,
  size: notionalUsd / price,
  notionalUsd,
  time,
});

describe('open snapshots scored in batches', () => {
  it('adds a print to every open band it falls in, by hand', () => {
    const open = createOpenScores();
    // P = 100: ±0.5 of padding. A long band 97–98 and a short band 102–103; a second snapshot an hour later.
    const a = scoredSnapshot(
      snapshot(T0, 100, [
        { side: 'long', low: 97, high: 98, notionalUsd: 1000 },
        { side: 'short', low: 102, high: 103, notionalUsd: 2000 },
      ]),
    );
    const b = scoredSnapshot(
      snapshot(T0 + HOUR, 100, [{ side: 'long', low: 96, high: 98, notionalUsd: 500 }]),
    );
    open.add(a);
    open.add(b);
    open.score([
      print('long', 98.4, 10, T0 + 2 * HOUR), // both long bands (98.4 ≤ 98.5)
      print('long', 96.6, 20, T0 + 2 * HOUR), // 97 − 0.5 = 96.5 ≤ 96.6: both
      print('long', 95.4, 40, T0 + 2 * HOUR), // below both padded long bands (95.5)
      print('short', 98, 80, T0 + 2 * HOUR), // a short in a long band: no
      print('short', 101.5, 160, T0 + 2 * HOUR), // the short band's lower edge, padded
      print('long', 97.5, 320, T0 + HOUR / 2), // before b's time: only a
      print('long', 97.5, 640, T0 + SCORE_HORIZON_MS + 1), // after a's day: only b
    ]);
    // Nothing moves until a figure is asked for.
    expect(a.realised).toEqual([0, 0]);
    expect([...open.takeChanged()]).toEqual([a, b]);
    expect(a.realised).toEqual([10 + 20 + 320, 160]);
    expect(b.realised).toEqual([10 + 20 + 640]);
    open.score([print('long', 150, 1, T0 + HOUR)]);
    expect(open.takeChanged().size).toBe(0);
  });

  it('takes closed snapshots out: their figures stop moving and the others keep theirs', () => {
    const open = createOpenScores();
    const a = scoredSnapshot(snapshot(T0, 100, [{ side: 'long', low: 97, high: 98, notionalUsd: 1 }]));
    const b = scoredSnapshot(snapshot(T0 + 1, 100, [{ side: 'long', low: 97, high: 98, notionalUsd: 1 }]));
    open.add(a);
    open.add(b);
    expect(open.removeWhere((s) => s === a)).toEqual([a]);
    expect(open.list).toEqual([b]);
    expect(open.has(T0)).toBe(false);
    expect(open.has(T0 + 1)).toBe(true);
    open.score([print('long', 97.5, 5, T0 + 10)]);
    expect(open.list).toEqual([b]);
    expect(a.realised).toEqual([0]);
    expect(b.realised).toEqual([5]);
  });

  it('a closing snapshot takes the prints received before it closed; a new one does not take them twice', () => {
    const open = createOpenScores();
    const band = { side: 'long' as const, low: 97, high: 98, notionalUsd: 1 };
    const a = scoredSnapshot(snapshot(T0, 100, [band]));
    open.add(a);
    open.score([print('long', 97.5, 5, T0 + 10)]);
    // The service scores a new snapshot against every print it holds, then adds it.
    const b = scoredSnapshot(snapshot(T0 + 5, 100, [band]));
    scorePrints(b, [print('long', 97.5, 5, T0 + 10)]);
    open.add(b);
    expect(open.takeChanged()).toEqual(new Set([a]));
    expect(b.realised).toEqual([5]);
    open.score([print('long', 97.6, 7, T0 + 20)]);
    expect(open.removeWhere((s) => s === a)).toEqual([a]);
    expect(a.realised).toEqual([12]);
    expect(open.takeChanged()).toEqual(new Set([b]));
    expect(b.realised).toEqual([12]);
  });

  it('gives what scoring each snapshot against every print gives (property)', () => {
    const band = fc
      .record({
        side: fc.constantFrom('long' as const, 'short' as const),
        low: fc.integer({ min: 9_000, max: 11_000 }),
        width: fc.integer({ min: 0, max: 400 }),
        notionalUsd: fc.integer({ min: 1, max: 1e6 }),
      })
      .map(({ side, low, width, notionalUsd }) => ({
        side,
        low: low * 10,
        high: (low + width) * 10,
        notionalUsd,
      }));
    const snap = fc.record({
      time: fc.integer({ min: 0, max: 48 * 60 }),
      price: fc.integer({ min: 95_000, max: 105_000 }),
      bands: fc.array(band, { maxLength: 12 }),
    });
    const tick = fc.record({
      side: fc.constantFrom('long' as const, 'short' as const),
      price: fc.double({ min: 85_000, max: 115_000, noNaN: true }),
      usd: fc.integer({ min: 1, max: 1e5 }),
      minute: fc.integer({ min: 0, max: 72 * 60 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(snap, { maxLength: 20, selector: (s) => s.time }),
        fc.array(tick, { maxLength: 60 }),
        fc.integer({ min: 0, max: 20 }),
        (snaps, ticks, closeBefore) => {
          const made = snaps.map((s) => snapshot(T0 + s.time * 60_000, s.price, s.bands));
          const prints = ticks.map((t) => print(t.side, t.price, t.usd, T0 + t.minute * 60_000));
          const open = createOpenScores();
          const indexed = made.map(scoredSnapshot);
          for (const s of indexed) open.add(s);
          // Some snapshots close before the prints: they must not move.
          const closed = new Set(open.removeWhere((s) => indexed.indexOf(s) < closeBefore));
          open.score(prints.slice(0, 30));
          const first = open.takeChanged();
          open.score(prints.slice(30));
          const second = open.takeChanged();
          made.forEach((m, i) => {
            const plain = scoredSnapshot(m);
            const mine = indexed[i] as (typeof indexed)[number];
            const moved = !closed.has(mine) && scorePrints(plain, prints);
            expect(first.has(mine) || second.has(mine)).toBe(moved);
            plain.realised.forEach((usd, b) => {
              expect(mine.realised[b]).toBeCloseTo(usd, 6);
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
