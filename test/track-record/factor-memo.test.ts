import { describe, expect, it, vi } from 'vitest';
import { createFactorMemo, type FactorBand, factorOf } from '../../lib/track-record/factor-memo';
import * as intervals from '../../lib/track-record/intervals';

const groups = (scale: number): FactorBand[][] =>
  Array.from({ length: 12 }, (_, i) => [
    { notionalUsd: 10e6 * (1 + (i % 3)), realisedUsd: scale * 4e6 * (1 + (i % 5)) },
    { notionalUsd: 5e6, realisedUsd: scale * 1e6 * (i % 2) },
  ]);

describe('the calibration factor memo', () => {
  it('gives exactly the factor of a fresh bootstrap, and runs the bootstrap once per distinct input', () => {
    const spy = vi.spyOn(intervals, 'bootstrapGroups');
    const remembered = createFactorMemo(2);
    const first = remembered(groups(1));
    expect(first).toEqual(factorOf(groups(1)));
    spy.mockClear();
    expect(remembered(groups(1))).toEqual(first);
    expect(spy).not.toHaveBeenCalled();
    // A changed score is a new input: computed again, and a different factor.
    const other = remembered(groups(2));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(other?.value).not.toBe(first?.value);
    spy.mockRestore();
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const spy = vi.spyOn(intervals, 'bootstrapGroups');
    const remembered = createFactorMemo(2);
    remembered(groups(1));
    remembered(groups(2));
    remembered(groups(1));
    remembered(groups(3)); // drops groups(2), the least recently used
    spy.mockClear();
    remembered(groups(1));
    expect(spy).not.toHaveBeenCalled();
    remembered(groups(2));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
