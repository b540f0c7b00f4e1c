import { describe, expect, it } from 'vitest';
import { atRiskPair, mapAgreement } from '../../lib/hl-positions/agreement';
import { buildRealMap, usableStates } from '../../lib/hl-positions/real-map';
import type { AccountRecord } from '../../lib/hl-positions/schemas';
import { binIndex, gridOf, makeGrid } from '../../lib/model/bins';

const NOW = 1_000_000_000;
const grid = { binPct: 0.1, rangePct: 25 };

describe('buildRealMap', () => {
  it('adds |szi| × mark to the bin of each liquidation price, long when szi > 0', () => {
    const map = buildRealMap({
      asset: 'BTC',
      price: 95_000,
      openInterest: 10,
      grid,
      now: NOW,
      states: [
        {
          stale: false,
          state: {
            fetchedAt: NOW - 60_000,
            positions: [
              { coin: 'BTC', szi: 0.5, liquidationPx: 90_050, margin: 'isolated' },
              { coin: 'BTC', szi: -2, liquidationPx: 99_999.99, margin: 'cross' },
              { coin: 'ETH', szi: 10, liquidationPx: 3_000, margin: 'cross' },
            ],
          },
        },
        {
          stale: true,
          state: {
            fetchedAt: NOW - 600_000,
            positions: [
              { coin: 'BTC', szi: 1, liquidationPx: 90_099, margin: 'cross' },
              { coin: 'BTC', szi: -0.5, liquidationPx: null, margin: 'cross' },
              { coin: 'BTC', szi: 1, liquidationPx: 50_000, margin: 'isolated' },
            ],
          },
        },
      ],
    });
    expect(map.bins.width).toBe(100);
    expect(map.bins.low).toBe(71_200);
    // 90,050 and 90,099 share the bin [90,000, 90,100).
    expect(map.bins.long[(90_000 - 71_200) / 100]).toBe(1.5 * 95_000);
    expect(map.bins.short[(99_900 - 71_200) / 100]).toBe(2 * 95_000);
    expect(map.bins.long.reduce((a, b) => a + b, 0)).toBe(1.5 * 95_000);
    expect(map.positions).toBe(5);
    expect(map.offGrid).toBe(1);
    expect(map.notLiquidatable).toBe(1);
    expect(map.coverage).toEqual({
      observedSize: 5,
      openInterest: 10,
      openInterestSides: 1,
      share: 0.25,
      accounts: 2,
      staleAccounts: 1,
      oldestAgeMs: 600_000,
      crossShare: 3.5 / 5,
    });
  });

  it('says nothing it does not know: no states, no open interest', () => {
    const map = buildRealMap({ asset: 'BTC', price: 95_000, openInterest: null, grid, now: NOW, states: [] });
    expect(map.coverage).toMatchObject({ share: null, oldestAgeMs: null, crossShare: null, accounts: 0 });
    expect(map.bins.long.every((v) => v === 0)).toBe(true);
  });

  it('can bin on a given grid (the estimate’s) instead of its own', () => {
    const g = makeGrid(94_000, 0.1, 25);
    const map = buildRealMap({
      asset: 'BTC',
      price: 95_000,
      openInterest: 1,
      grid: g,
      now: NOW,
      states: [
        {
          stale: false,
          state: {
            fetchedAt: NOW,
            positions: [{ coin: 'BTC', szi: 1, liquidationPx: 90_000, margin: 'cross' }],
          },
        },
      ],
    });
    expect(map.bins.low).toBe(g.low);
    expect(map.bins.long[binIndex(g, 90_000)]).toBe(95_000);
  });
});

describe('usableStates', () => {
  const record = (over: Partial<AccountRecord>): AccountRecord => ({
    address: `0x${'a'.repeat(40)}`,
    seenAt: 0,
    state: { fetchedAt: NOW - 1_000, positions: [] },
    failedAt: null,
    failure: null,
    ...over,
  });

  it('keeps a failed account’s last good state, marked stale, and ages states out after 30 minutes', () => {
    const states = usableStates(
      [
        record({}),
        record({ failedAt: NOW - 10, failure: 'throttled' }),
        record({ state: null, failedAt: NOW, failure: 'html' }),
        record({ state: { fetchedAt: NOW - 31 * 60_000, positions: [] } }),
      ],
      NOW,
    );
    expect(states.map((s) => s.stale)).toEqual([false, true]);
  });
});

describe('mapAgreement', () => {
  const bins = (long: number[], short: number[]) => ({ low: 90_000, width: 100, long, short });

  it('is 1 for maps of one shape, whatever their totals, and 0 for disjoint ones', () => {
    const a = bins([...zeros(20), 5, 5, ...zeros(20)], zeros(42));
    const b = bins([...zeros(20), 50, 50, ...zeros(20)], zeros(42));
    expect(mapAgreement(a, b, 95_000)).toBeCloseTo(1, 12);
    const c = bins(zeros(42), [...zeros(20), 5, 5, ...zeros(20)]);
    expect(mapAgreement(a, c, 95_000)).toBe(0);
  });

  it('pools bins into ~1 % buckets: a shift within a bucket still agrees', () => {
    // 1 % of 95,000 is 950: pools of 10 bins of 100.
    const a = bins([...zeros(10), 1, ...zeros(31)], zeros(42));
    const b = bins([...zeros(19), 1, ...zeros(22)], zeros(42));
    const c = bins([...zeros(20), 1, ...zeros(21)], zeros(42));
    expect(mapAgreement(a, b, 95_000)).toBe(1);
    expect(mapAgreement(a, c, 95_000)).toBe(0);
    const half = bins([...zeros(10), 1, ...zeros(9), 1, ...zeros(21)], zeros(42));
    expect(mapAgreement(a, half, 95_000)).toBeCloseTo(0.5, 12);
  });

  it('is null when either map is empty, and refuses maps on different grids', () => {
    expect(mapAgreement(bins(zeros(4), zeros(4)), bins([1, 0, 0, 0], zeros(4)), 95_000)).toBeNull();
    expect(() =>
      mapAgreement(bins(zeros(4), zeros(4)), { ...bins(zeros(4), zeros(4)), width: 50 }, 1),
    ).toThrow(RangeError);
  });
});

describe('atRiskPair', () => {
  it('applies the model’s at-risk rule to both maps', () => {
    const g = gridOf({ low: 90_000, width: 1_000, long: zeros(20) });
    expect(g.count).toBe(20);
    const real = { low: 90_000, width: 1_000, long: zeros(20), short: zeros(20) };
    real.long[4] = 10; // [94,000, 95,000)
    real.short[5] = 20; // [95,000, 96,000)
    const pair = atRiskPair(real, null, 95_000, 1);
    expect(pair).toEqual({
      movePct: 1,
      up: { real: 20 * 0.95, estimated: null },
      down: { real: 10 * 0.95, estimated: null },
    });
  });
});

function zeros(n: number): number[] {
  return new Array(n).fill(0);
}
