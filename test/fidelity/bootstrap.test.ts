import { describe, expect, it } from 'vitest';
import { blockBootstrap, blockResample, percentileInterval } from '../../lib/fidelity/bootstrap';
import { mulberry32 } from '../../lib/model/synthetic';

describe('blockResample', () => {
  it('is made of runs of consecutive indices, each a whole block except the cut last one', () => {
    const out = Array.from(blockResample(50, 16, mulberry32(3)));
    expect(out).toHaveLength(50);
    for (let b = 0; b < 50; b += 16) {
      const block = out.slice(b, b + 16);
      expect(block[0]).toBeGreaterThanOrEqual(0);
      expect(block[0]).toBeLessThanOrEqual(50 - 16);
      expect(block).toEqual(block.map((_, k) => (block[0] as number) + k));
    }
  });

  it('uses one block of everything when the block is longer than the series', () => {
    expect(Array.from(blockResample(5, 16, mulberry32(1)))).toEqual([0, 1, 2, 3, 4]);
  });

  it('is the same for the same seed', () => {
    expect(blockResample(40, 4, mulberry32(9))).toEqual(blockResample(40, 4, mulberry32(9)));
    expect(blockResample(40, 4, mulberry32(9))).not.toEqual(blockResample(40, 4, mulberry32(10)));
  });
});

describe('percentileInterval', () => {
  it('takes the nearest ranks at 2.5 % and 97.5 %', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i); // 1..200, shuffled order
    expect(percentileInterval(values, 0.95)).toEqual({ low: 5, high: 195 });
  });

  it('is null without a finite value', () => {
    expect(percentileInterval([Number.NaN], 0.95)).toBeNull();
  });
});

describe('blockBootstrap', () => {
  it('drops resamples whose statistic is undefined', () => {
    let calls = 0;
    const values = blockBootstrap(10, 4, 20, 1, () => (calls++ % 2 === 0 ? 1 : null));
    expect(values).toHaveLength(10);
  });
});
