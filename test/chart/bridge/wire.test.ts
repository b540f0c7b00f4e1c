import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, wireChange } from '../../../lib/chart/bridge/wire';
import { readSnapshot } from '../../../lib/chart/read-snapshot';
import type { ChartSnapshot, TimeRead } from '../../../lib/chart/snapshot';
import { makeSnapshot } from '../../overlay/fixtures';

const time = (checks: number, visible = true): TimeRead => ({
  t0: 1_764_000_000_000,
  x0: 412.5,
  spacing: 6.25,
  intervalMs: 900_000,
  checks: Array.from({ length: checks }, (_, i) => ({
    t: 1_764_000_000_000 + i * 900_000,
    x: 412.5 + i * 6.25,
  })),
  visible: visible ? { from: 1_763_900_000_000, to: 1_764_100_000_000 } : null,
});

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const arbitrarySnapshot: fc.Arbitrary<ChartSnapshot> = fc.record(
  {
    kind: fc.constantFrom('tv-site', 'tv-cl-iframe', 'lwc', 'none'),
    symbol: fc.option(fc.string({ maxLength: 64 }), { nil: null }),
    interval: fc.option(fc.string({ maxLength: 16 }), { nil: null }),
    pane: fc.record({
      left: finite,
      top: finite,
      width: fc.double({ min: 0, max: 1e4, noNaN: true }),
      height: fc.double({ min: 0, max: 1e4, noNaN: true }),
    }),
    apiPaneHeight: fc.option(finite, { nil: null }),
    scale: fc.record({ from: finite, to: finite, mode: fc.constantFrom(0, 1, 2, 3), inverted: fc.boolean() }),
    lastPrice: fc.option(finite, { nil: null }),
    crosshair: fc.option(fc.record({ price: finite, y: finite }), { nil: null }),
    viewport: fc.record({ width: finite, height: finite }),
    time: fc.option(
      fc.option(
        fc.record({
          t0: finite,
          x0: finite,
          spacing: finite,
          intervalMs: finite,
          checks: fc.array(fc.record({ t: finite, x: finite }), { maxLength: 8 }),
          visible: fc.option(fc.record({ from: finite, to: finite }), { nil: null }),
        }),
        { nil: null },
      ),
      { nil: undefined },
    ),
  },
  {
    requiredKeys: [
      'kind',
      'symbol',
      'interval',
      'pane',
      'apiPaneHeight',
      'scale',
      'lastPrice',
      'crosshair',
      'viewport',
    ],
  },
) as fc.Arbitrary<ChartSnapshot>;

describe('the bridge’s wire snapshot', () => {
  it('decodes to the snapshot it was made from, which the overlay’s check reads back unchanged', () => {
    const cases: ChartSnapshot[] = [
      makeSnapshot(),
      makeSnapshot({ time: null }),
      makeSnapshot({ time: time(0) }),
      makeSnapshot({ time: time(2, false), crosshair: { price: 95_000, y: 200.5 }, lastPrice: 95_123.5 }),
      makeSnapshot({ time: time(8), kind: 'lwc', symbol: null, interval: null, apiPaneHeight: null }),
    ];
    for (const snapshot of cases) {
      const decoded = decodeSnapshot(encodeSnapshot(snapshot));
      expect(decoded).toEqual(snapshot);
      expect(readSnapshot(decoded)).toEqual({ ok: true, snapshot });
    }
    fc.assert(
      fc.property(arbitrarySnapshot, (snapshot) => {
        const decoded = decodeSnapshot(encodeSnapshot(snapshot));
        expect(decoded).toEqual(snapshot);
        expect(readSnapshot(decoded)).toEqual({ ok: true, snapshot });
      }),
      { numRuns: 300 },
    );
  });

  it('is one flat array of primitives, with no object in it to clone', () => {
    const wire = encodeSnapshot(makeSnapshot({ time: time(2), crosshair: { price: 1, y: 2 } }));
    expect(wire.every((item) => item === null || typeof item !== 'object')).toBe(true);
    expect(wire).toHaveLength(17 + 6 + 4);
  });

  it('is null for the bridge’s “no chart”, and not a snapshot at all in any other shape', () => {
    expect(decodeSnapshot(null)).toBeNull();
    const full = encodeSnapshot(makeSnapshot({ time: time(8) }));
    for (const raw of [
      undefined,
      0,
      'x',
      {},
      { length: 17 },
      [],
      full.slice(0, 16),
      [...full.slice(0, 17), 5],
      [...full, 1],
      [...full, 1, 2],
    ])
      expect(decodeSnapshot(raw), JSON.stringify(raw)).toBeUndefined();
  });

  it('leaves the values to the overlay’s check, which names the field a forged wire got wrong', () => {
    const wire = [...encodeSnapshot(makeSnapshot())];
    wire[13] = null;
    wire[14] = 5;
    expect(readSnapshot(decodeSnapshot(wire))).toEqual({
      ok: false,
      error: 'crosshair.price: expected a finite number',
    });
    wire[13] = 1;
    wire[11] = 1;
    expect(readSnapshot(decodeSnapshot(wire))).toEqual({
      ok: false,
      error: 'scale.inverted: expected a boolean',
    });
  });

  it('compares item by item, numbers by Object.is', () => {
    const a = encodeSnapshot(makeSnapshot({ time: time(2) }));
    expect(wireChange(a, [...a])).toBe('none');
    expect(wireChange(null, null)).toBe('none');
    expect(wireChange(a, null)).toBe('more');
    expect(wireChange(null, a)).toBe('more');
    expect(wireChange(a, a.slice(0, -2))).toBe('more');
    const moved = [...a];
    moved[8] = (moved[8] as number) + 1e-9;
    expect(wireChange(a, moved)).toBe('more');
    expect(wireChange([Number.NaN], [Number.NaN])).toBe('none');
    expect(wireChange([0], [-0])).toBe('more');
  });

  it('tells a new last price alone from any other change', () => {
    const a = encodeSnapshot(makeSnapshot({ lastPrice: 95_000, time: time(2) }));
    const priced = encodeSnapshot(makeSnapshot({ lastPrice: 95_001, time: time(2) }));
    expect(wireChange(a, priced)).toBe('price');
    expect(wireChange(a, encodeSnapshot(makeSnapshot({ lastPrice: null, time: time(2) })))).toBe('price');
    // The price and anything else: more than the price.
    const alsoMoved = [...priced];
    alsoMoved[9] = (alsoMoved[9] as number) + 1;
    expect(wireChange(a, alsoMoved)).toBe('more');
    expect(wireChange(a, encodeSnapshot(makeSnapshot({ lastPrice: 95_001, time: time(3) })))).toBe('more');
    // Every other position counts, before the price's place or after it.
    for (let i = 0; i < a.length; i++) {
      if (i === 12) continue;
      const other = [...priced];
      other[i] = typeof other[i] === 'number' ? (other[i] as number) + 1 : 'x';
      expect(wireChange(a, other), `position ${i}`).toBe('more');
    }
  });
});
