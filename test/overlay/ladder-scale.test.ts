import { describe, expect, it } from 'vitest';
import { ladderScale, niceStep } from '../../lib/overlay/ladder-scale';
import { makeView } from './fixtures';

describe('niceStep', () => {
  it.each([
    [0.7, 1],
    [1, 1],
    [1.2, 2],
    [3, 5],
    [600, 1000],
    [0.00013, 0.0002],
  ])('%s → %s', (raw, step) => {
    expect(niceStep(raw)).toBeCloseTo(step, 12);
  });
});

describe('ladderScale', () => {
  it('centres on the price and reaches the far edge of the bands shown, with a margin', () => {
    // Farthest band edge: 91,500 is 3,500 below 95,000 = 3.684 %, × 1.1 = 4.053 % (more than 1.5 × 2 %):
    // 3,850 USD each side, 91,150 … 98,850.
    const view = makeView();
    const ladder = ladderScale({ price: 95_000, bands: view.bands, movePct: 2, rangePct: 25, height: 481 });
    expect(ladder?.spanPct).toBeCloseTo((3_500 / 95_000) * 110, 9);
    expect(ladder?.scale.to).toBeCloseTo(98_850, 6);
    expect(ladder?.scale.from).toBeCloseTo(91_150, 6);
    // 10 ticks wanted over 7,700 USD → a step of 1,000.
    expect(ladder?.ticks.map((t) => t.label)).toEqual([
      '92,000',
      '93,000',
      '94,000',
      '95,000',
      '96,000',
      '97,000',
      '98,000',
    ]);
    expect(ladder?.ticks.find((t) => t.price === 95_000)?.y).toBeCloseTo(240, 9);
    // 98,000 is 850 below the top: 480 × 850 / 7,700 px down.
    expect(ladder?.ticks.at(-1)?.y).toBeCloseTo((480 * 850) / 7_700, 9);
  });

  it('uses 1.5 × the move when the bands are near, and never more than the map', () => {
    expect(ladderScale({ price: 100, bands: [], movePct: 3, rangePct: 25, height: 300 })?.spanPct).toBe(4.5);
    expect(ladderScale({ price: 100, bands: [], movePct: 20, rangePct: 25, height: 300 })?.spanPct).toBe(25);
  });

  it('stops at 3 × the move (at least 10 %), leaving farther bands to the edge notes', () => {
    const far = [{ side: 'short' as const, low: 114, high: 115, peak: 114.5, notionalUsd: 1e9, share: 1 }];
    expect(ladderScale({ price: 100, bands: far, movePct: 3, rangePct: 25, height: 300 })?.spanPct).toBe(10);
    expect(ladderScale({ price: 100, bands: far, movePct: 5, rangePct: 25, height: 300 })?.spanPct).toBe(15);
  });

  it('refuses a price or height it cannot draw', () => {
    expect(ladderScale({ price: 0, bands: [], movePct: 3, rangePct: 25, height: 300 })).toBeNull();
    expect(ladderScale({ price: 100, bands: [], movePct: 3, rangePct: 25, height: 10 })).toBeNull();
  });
});
