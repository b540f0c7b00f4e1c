import { describe, expect, it } from 'vitest';
import { liveAtRisk } from '../../lib/overlay/at-risk-live';
import { makeView } from './fixtures';

describe('liveAtRisk', () => {
  it("returns the view's own figures at its price and move", () => {
    const view = makeView();
    expect(liveAtRisk(view, 95_000, 3)).toEqual({ ...view.atRisk, fromView: true });
  });

  it('reads the figures off the bins from a live price', () => {
    // Up (96,000, 98,880]: 5 × 5M + 1.4B + 600M = 2.025B. Down [93,120, 96,000): 50M + 0.8 × 600M + 300M = 830M.
    const risk = liveAtRisk(makeView(), 96_000, 3);
    expect(risk.fromView).toBe(false);
    expect(risk.up.price).toBeCloseTo(98_880, 6);
    expect(risk.down.price).toBeCloseTo(93_120, 6);
    expect(risk.up.notionalUsd).toBeCloseTo(2.025e9, 0);
    expect(risk.down.notionalUsd).toBeCloseTo(830e6, 0);
  });

  it('recomputes at the view price for another move', () => {
    // ±1 % from 95,000: shorts in (95,000, 95,950] = 4 full bins + 0.5 of bin 59 = 22.5M; longs [94,050, 95,000) = 9.5 bins = 47.5M.
    const risk = liveAtRisk(makeView(), 95_000, 1);
    expect(risk.up.notionalUsd).toBeCloseTo(22.5e6, 0);
    expect(risk.down.notionalUsd).toBeCloseTo(47.5e6, 0);
  });
});
