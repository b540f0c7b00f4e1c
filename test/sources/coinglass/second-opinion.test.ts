import { describe, expect, it } from 'vitest';
import { SecondOpinionSchema } from '../../../lib/model/cluster-view';
import { failedSecondOpinion, PLAN_MESSAGE, toSecondOpinion } from '../../../lib/sources/coinglass';

describe('toSecondOpinion', () => {
  // Five bins of 10 from 100: [100,110) [110,120) [120,130) [130,140) [140,150); the price is 125.
  const bins = { low: 100, width: 10, long: [0, 0, 0, 0, 0] };

  it('puts levels below the price on longs, above on shorts, splits one at the price, drops the rest', () => {
    const levels = [
      { price: 95, usd: 1 }, // below the grid
      { price: 100, usd: 2 }, // bin 0, on its lower edge
      { price: 109.99, usd: 4 }, // bin 0
      { price: 110, usd: 8 }, // bin 1, on its lower edge
      { price: 125, usd: 16 }, // bin 2, at the price: 8 each side
      { price: 130, usd: 32 }, // bin 3
      { price: 149.9, usd: 64 }, // bin 4
      { price: 150, usd: 128 }, // the grid's upper edge is outside
    ];
    const so = toSecondOpinion(levels, bins, 125);
    expect(so).toEqual({
      source: 'coinglass',
      status: 'ok',
      message: null,
      long: [6, 8, 8, 0, 0],
      short: [0, 0, 8, 32, 64],
    });
    expect(SecondOpinionSchema.safeParse(so).success).toBe(true);
  });

  it('bins on the exact decimal edges of a 1-2-5 grid', () => {
    // Width 0.001 from 0.37: 0.3755 falls in [0.375, 0.376), bin 5; 0.371 in bin 1.
    const grid = { low: 0.37, width: 0.001, long: new Array(10).fill(0) };
    const so = toSecondOpinion(
      [
        { price: 0.3755, usd: 10 },
        { price: 0.371, usd: 3 },
      ],
      grid,
      0.373,
    );
    expect(so.short).toEqual([0, 0, 0, 0, 0, 10, 0, 0, 0, 0]);
    expect(so.long).toEqual([0, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives empty sides on an empty map', () => {
    expect(toSecondOpinion([], bins, 125)).toMatchObject({ long: [0, 0, 0, 0, 0], short: [0, 0, 0, 0, 0] });
  });

  it('carries a failure as a failed second opinion with the plain message', () => {
    const so = failedSecondOpinion({
      kind: 'auth',
      host: 'coinglass',
      endpoint: 'aggregated-map',
      message: PLAN_MESSAGE,
    });
    expect(so).toEqual({ source: 'coinglass', status: 'failed', message: PLAN_MESSAGE, long: [], short: [] });
    expect(SecondOpinionSchema.safeParse(so).success).toBe(true);
  });
});
