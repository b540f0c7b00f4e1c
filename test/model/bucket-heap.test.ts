import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketHeap } from '../../lib/model/bucket-heap';

describe('BucketHeap', () => {
  it('pops keys in ascending order with their amounts, growing past its capacity', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x + 0),
          { maxLength: 300 },
        ),
        (keys) => {
          const heap = new BucketHeap(4);
          keys.forEach((k, i) => {
            heap.push(k, k * 2, i);
          });
          const popped: number[] = [];
          while (heap.size > 0) {
            const k = heap.topKey();
            expect(heap.pop()).toBe(k * 2);
            popped.push(k);
          }
          expect(popped).toEqual([...keys].sort((a, b) => a - b));
          expect(heap.topKey()).toBe(Number.POSITIVE_INFINITY);
        },
      ),
    );
  });

  it('rescale multiplies every amount and returns the sum', () => {
    const heap = new BucketHeap();
    heap.push(1, 2, 0);
    heap.push(0, 4, 0);
    expect(heap.rescale(0.5)).toBe(3);
    expect(heap.pop()).toBe(2);
    expect(heap.pop()).toBe(1);
  });
});
