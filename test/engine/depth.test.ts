import { describe, expect, it } from 'vitest';
import { mergeDepthUsd } from '../../lib/engine/depth';

describe('mergeDepthUsd', () => {
  it('prices each level in USD and adds venues at the same price', () => {
    const merged = mergeDepthUsd([
      {
        bids: [
          [100, 2],
          [99, 1],
        ],
        asks: [[101, 1]],
      },
      {
        bids: [
          [100, 0.5],
          [98, 0],
        ],
        asks: [
          [102, 3],
          [101, 1],
        ],
      },
    ]);
    expect(merged).toEqual({
      bids: [
        [100, 250],
        [99, 99],
      ],
      asks: [
        [101, 202],
        [102, 306],
      ],
    });
  });
});
