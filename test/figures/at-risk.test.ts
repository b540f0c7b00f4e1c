import { describe, expect, it } from 'vitest';
import { atRiskFigures, roundNotional } from '../../lib/figures/at-risk';
import { moveToLiquidate } from '../../lib/model/at-risk';
import { makeView } from '../overlay/fixtures';

describe('atRiskFigures', () => {
  it("returns the view's own figures at its price and move", () => {
    const view = makeView();
    const risk = atRiskFigures(view, 95_000, 3);
    expect(risk.fromView).toBe(true);
    expect(risk.up).toMatchObject({ side: 'short', movePct: 3, ...view.atRisk.up });
    expect(risk.down).toMatchObject({ side: 'long', movePct: -3, ...view.atRisk.down });
  });

  it('reads the figures off the bins from a live price', () => {
    // Up (96,000, 98,880]: 5 × 5M + 1.4B + 600M = 2.025B. Down [93,120, 96,000): 50M + 0.8 × 600M + 300M = 830M.
    const risk = atRiskFigures(makeView(), 96_000, 3);
    expect(risk.fromView).toBe(false);
    expect(risk.up.price).toBeCloseTo(98_880, 6);
    expect(risk.down.price).toBeCloseTo(93_120, 6);
    expect(risk.up.notionalUsd).toBeCloseTo(2.025e9, 0);
    expect(risk.down.notionalUsd).toBeCloseTo(830e6, 0);
  });

  it('recomputes at the view price for another move', () => {
    // ±1 % from 95,000: shorts in (95,000, 95,950] = 4 full bins + 0.5 of bin 59 = 22.5M; longs [94,050, 95,000) = 9.5 bins = 47.5M.
    const risk = atRiskFigures(makeView(), 95_000, 1);
    expect(risk.up.notionalUsd).toBeCloseTo(22.5e6, 0);
    expect(risk.down.notionalUsd).toBeCloseTo(47.5e6, 0);
  });

  it('gives the inverse from the same price: a round notional and the move that liquidates it', () => {
    const view = makeView();
    const risk = atRiskFigures(view, 96_000, 3);
    // 2.025B rounds down to 2B; 830M to 500M.
    expect(risk.up.inverse?.usd).toBe(2e9);
    expect(risk.up.inverse?.movePct).toBeCloseTo(
      moveToLiquidate(view.bins, 96_000, 'short', 2e9) as number,
      12,
    );
    expect(risk.down.inverse?.usd).toBe(5e8);
    expect(risk.down.inverse?.movePct).toBeCloseTo(
      -(moveToLiquidate(view.bins, 96_000, 'long', 5e8) as number),
      12,
    );
    expect(Math.abs(risk.up.inverse?.movePct ?? 99)).toBeLessThanOrEqual(3);
  });

  it('has no inverse when nothing is at risk', () => {
    const view = makeView();
    const empty = { ...view, bins: { ...view.bins, short: view.bins.short.map(() => 0) } };
    expect(atRiskFigures(empty, 96_000, 3).up.inverse).toBeNull();
  });
});

describe('roundNotional', () => {
  it('rounds down to 1-2-5 × 10^k', () => {
    expect(roundNotional(1.45e9)).toBe(1e9);
    expect(roundNotional(2.7e9)).toBe(2e9);
    expect(roundNotional(5e8)).toBe(5e8);
    expect(roundNotional(9.99e6)).toBe(5e6);
    expect(roundNotional(0)).toBe(0);
    expect(roundNotional(Number.NaN)).toBe(0);
  });
});
