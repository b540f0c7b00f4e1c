import { describe, expect, it } from 'vitest';
import { bootstrapGroups, wilson } from '../../lib/track-record/intervals';

describe('wilson', () => {
  it('matches the textbook interval', () => {
    // 8 of 10 at 95 %: 0.4902 … 0.9433.
    const w = wilson(8, 10);
    expect(w?.low).toBeCloseTo(0.4902, 4);
    expect(w?.high).toBeCloseTo(0.9433, 4);
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(0, 5)?.low).toBe(0);
  });
});

describe('bootstrapGroups', () => {
  it('is seeded and brackets the statistic', () => {
    const groups = [1, 2, 3, 4, 5, 6, 7, 8];
    const mean = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    const a = bootstrapGroups(groups, mean);
    expect(a?.value).toBe(4.5);
    expect(a?.low).toBeLessThan(4.5);
    expect(a?.high).toBeGreaterThan(4.5);
    expect(bootstrapGroups(groups, mean)).toEqual(a);
    expect(bootstrapGroups([], () => null)).toBeNull();
  });
});
