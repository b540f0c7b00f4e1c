import { describe, expect, it } from 'vitest';
import { chooseLivePrice } from '../../lib/overlay/live-price';
import { makeView } from './fixtures';

describe('chooseLivePrice', () => {
  const view = makeView();

  it('prefers the chart, then the title, then the view', () => {
    expect(chooseLivePrice({ view, chartPrice: 95_500, titlePrice: 95_400 })).toEqual({
      price: 95_500,
      source: 'chart',
    });
    expect(chooseLivePrice({ view, chartPrice: null, titlePrice: 95_400 })).toEqual({
      price: 95_400,
      source: 'title',
    });
    expect(chooseLivePrice({ view, chartPrice: null, titlePrice: null })).toEqual({
      price: 95_000,
      source: 'view',
    });
  });

  it('ignores a price outside the map (±25 % of the view price)', () => {
    // 95,000 × 1.25 = 118,750: 120,000 is out, 118,000 in.
    expect(chooseLivePrice({ view, chartPrice: 120_000, titlePrice: 118_000 })).toEqual({
      price: 118_000,
      source: 'title',
    });
    expect(chooseLivePrice({ view, chartPrice: 95, titlePrice: Number.NaN })?.source).toBe('view');
  });

  it('is null without a view', () => {
    expect(chooseLivePrice({ view: null, chartPrice: 95_000, titlePrice: null })).toBeNull();
  });
});
