import { describe, expect, it } from 'vitest';
import { onlyScaleMoved, sameRect } from '../../lib/overlay/pan-frame';
import type { OverlayViewState } from '../../lib/overlay/view-state';
import { testDisplay } from '../fixtures/display';

const pane = { left: 100, top: 80, width: 800, height: 401 };
const scale = { from: 90_000, to: 100_000, mode: 0 as const, height: 401 };
const base: OverlayViewState = {
  mode: 'aligned',
  reason: null,
  hiddenBy: null,
  siteId: 'binance',
  siteLabel: 'Binance',
  symbol: { status: 'ok', asset: 'BTC', raw: 'BTCUSDT', source: 'url' },
  geometry: { pane, scale },
  snapshotPane: null,
  view: null,
  realPositions: null,
  price: { price: 95_000, source: 'chart' },
  display: testDisplay(),
  rangePct: 25,
  corner: 'top-right',
  badge: { title: 'BTC', status: 'ok' } as unknown as OverlayViewState['badge'],
  showBadge: true,
  collapsed: false,
  heatmap: null,
  layers: { heatmap: false, profile: false },
};
const panned = (overrides: Partial<OverlayViewState> = {}): OverlayViewState => ({
  ...base,
  geometry: { pane: { ...pane }, scale: { ...scale, from: 90_500, to: 100_500 } },
  ...overrides,
});

describe('onlyScaleMoved', () => {
  it('is true when only the scale changed and the pane stayed (by value)', () => {
    expect(onlyScaleMoved(base, panned())).toBe(true);
  });

  it('is false for the same state or the same geometry object', () => {
    expect(onlyScaleMoved(base, base)).toBe(false);
    expect(onlyScaleMoved(base, { ...base })).toBe(false);
  });

  it('is false when the pane moved or resized', () => {
    expect(onlyScaleMoved(base, panned({ geometry: { pane: { ...pane, top: 81 }, scale } }))).toBe(false);
    expect(onlyScaleMoved(base, panned({ geometry: { pane: { ...pane, height: 400 }, scale } }))).toBe(false);
  });

  it('is false when anything else changed, even to an equal copy', () => {
    expect(onlyScaleMoved(base, panned({ price: { price: 95_001, source: 'chart' } }))).toBe(false);
    expect(onlyScaleMoved(base, panned({ display: { ...base.display } }))).toBe(false);
    expect(
      onlyScaleMoved(base, panned({ symbol: { status: 'ok', asset: 'BTC', raw: 'BTCUSDT', source: 'url' } })),
    ).toBe(false);
    expect(onlyScaleMoved(base, panned({ collapsed: true }))).toBe(false);
    expect(onlyScaleMoved(base, panned({ corner: 'top-left' }))).toBe(false);
  });

  it('is false outside aligned mode or without geometry', () => {
    expect(onlyScaleMoved({ ...base, mode: 'ladder' }, panned({ mode: 'ladder' }))).toBe(false);
    expect(onlyScaleMoved({ ...base, geometry: null }, panned())).toBe(false);
    expect(onlyScaleMoved(base, panned({ geometry: null }))).toBe(false);
  });
});

describe('sameRect', () => {
  it('compares by value and treats null as equal only to null', () => {
    expect(sameRect(pane, { ...pane })).toBe(true);
    expect(sameRect(pane, { ...pane, width: 801 })).toBe(false);
    expect(sameRect(null, null)).toBe(true);
    expect(sameRect(pane, null)).toBe(false);
  });
});
