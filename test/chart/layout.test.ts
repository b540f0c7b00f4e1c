import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandTexts, layoutOverlay, visibleBands } from '../../lib/chart/layout';
import { type PriceScale, priceToY } from '../../lib/chart/price-to-y';
import type { Band } from '../../lib/model/cluster-view';
import { testDisplay } from '../fixtures/display';
import { band } from '../overlay/fixtures';

const display = testDisplay({ minBandUsd: 1e6, bandsPerSide: 2, opacity: 0.4 });
// 10 px per 100 USD: 100,000 on row 0, 90,000 on row 1000.
const scale: PriceScale = { from: 90_000, to: 100_000, mode: 0, height: 1001 };

describe('layoutOverlay', () => {
  it('maps a band to its pixel rows with a label', () => {
    const layout = layoutOverlay({
      bands: [band('short', 96_800, 97_000, 9.6e9)],
      price: 95_000,
      scale,
      display,
    });
    expect(layout.rects).toHaveLength(1);
    const [rect] = layout.rects;
    expect(rect?.top).toBeCloseTo(300, 9);
    expect(rect?.bottom).toBeCloseTo(320, 9);
    expect(rect?.color).toBe(display.shortColor);
    expect(rect?.alpha).toBeCloseTo(0.4, 9);
    // The distance is to the near edge: (96,800 − 95,000) / 95,000 = +1.9 %.
    expect(rect?.label).toBe('Shorts $9.6B · +1.9 %');
  });

  it('scales opacity by notional, the largest at full opacity', () => {
    const layout = layoutOverlay({
      bands: [band('short', 96_000, 96_100, 4e9), band('long', 93_000, 93_100, 1e9)],
      price: 95_000,
      scale,
      display,
    });
    expect(layout.rects.map((r) => r.alpha)).toEqual([0.4 * (0.35 + 0.65 * 0.5), 0.4]);
  });

  it('turns bands off the visible range into edge markers', () => {
    const layout = layoutOverlay({
      bands: [band('short', 101_000, 102_000, 9.6e9), band('long', 80_000, 81_000, 2e9)],
      price: 95_000,
      scale,
      display,
    });
    expect(layout.rects).toHaveLength(0);
    expect(layout.edges.map((e) => [e.edge, e.text])).toEqual([
      // Each names its near edge and the distance to it: (81,000 − 95,000) / 95,000 and (101,000 − 95,000) / 95,000.
      ['bottom', '↓ 81,000 · −14.7 % · $2.0B'],
      ['top', '↑ 101,000 · +6.3 % · $9.6B'],
    ]);
  });

  it('puts the higher band at the bottom edge of an inverted scale', () => {
    const inverted = { ...scale, from: 100_000, to: 90_000 };
    const layout = layoutOverlay({
      bands: [band('short', 101_000, 102_000, 9.6e9)],
      price: 95_000,
      scale: inverted,
      display,
    });
    expect(layout.edges[0]?.edge).toBe('bottom');
    expect(layout.edges[0]?.text.startsWith('↑')).toBe(true);
  });

  it('clips a band that crosses the pane edge and keeps thin bands visible', () => {
    const layout = layoutOverlay({
      bands: [band('short', 99_900, 100_500, 5e9), band('long', 94_000, 94_000.01, 5e9)],
      price: 95_000,
      scale,
      display,
    });
    const [crossing, thin] = [
      layout.rects.find((r) => r.side === 'short'),
      layout.rects.find((r) => r.side === 'long'),
    ];
    expect(crossing?.top).toBe(0);
    expect(crossing?.bottom).toBeCloseTo(10, 9);
    expect((thin?.bottom ?? 0) - (thin?.top ?? 0)).toBeCloseTo(2, 9);
  });

  it('draws the at-risk move lines from the live price', () => {
    const layout = layoutOverlay({ bands: [], price: 95_000, scale, display });
    expect(layout.lines.map((l) => [l.kind, Math.round(l.y), l.label])).toEqual([
      ['move-up', 215, '+3.0 % 97,850'],
      ['move-down', 785, '−3.0 % 92,150'],
    ]);
  });

  it('hides small bands and keeps the largest few per side', () => {
    const bands = [
      band('short', 96_000, 96_100, 5e5),
      band('short', 97_000, 97_100, 3e9),
      band('short', 98_000, 98_100, 2e9),
      band('short', 99_000, 99_100, 1e9),
      band('long', 93_000, 93_100, 2e6),
    ];
    expect(visibleBands(bands, display).map((b) => b.notionalUsd)).toEqual([2e6, 3e9, 2e9]);
  });

  it('zoomed in, draws the largest bands in view although larger ones lie off screen, those as edge markers', () => {
    // 95,000 – 98,000 visible; the two largest shorts of the map are far above, the $174M one is in view.
    const zoomed: PriceScale = { from: 95_000, to: 98_000, mode: 0, height: 600 };
    const bands = [
      band('short', 104_000, 104_500, 9e9),
      band('short', 106_000, 106_500, 8e9),
      band('short', 97_500, 97_700, 1.74e8),
      band('short', 96_000, 96_100, 2e6),
      band('short', 95_500, 95_600, 1e6 - 1),
      band('long', 90_000, 90_500, 5e9),
    ];
    const layout = layoutOverlay({ bands, price: 95_100, scale: zoomed, display });
    expect(layout.rects.map((r) => r.band.notionalUsd)).toEqual([1.74e8, 2e6]);
    expect(layout.edges.map((e) => [e.side, e.edge, e.band.notionalUsd])).toEqual([
      ['long', 'bottom', 5e9],
      ['short', 'top', 9e9],
      ['short', 'top', 8e9],
    ]);
    // Opacity is measured against the map's largest band, not against what happens to be in view.
    expect(layout.rects[0]?.alpha).toBeCloseTo(0.4 * (0.35 + 0.65 * Math.sqrt(1.74e8 / 9e9)), 12);
  });

  it('keeps the largest band in view drawn at every zoom around it', () => {
    const bands = [
      band('short', 120_000, 121_000, 9e9),
      band('short', 118_000, 119_000, 8e9),
      band('short', 97_000, 97_100, 3e8),
      band('short', 96_500, 96_600, 1e8),
    ];
    for (const span of [200, 1_000, 5_000, 10_000, 40_000]) {
      const zoomed: PriceScale = { from: 97_050 - span / 2, to: 97_050 + span / 2, mode: 0, height: 500 };
      const layout = layoutOverlay({ bands, price: 95_000, scale: zoomed, display });
      expect(
        layout.rects.some((r) => r.band.notionalUsd === 3e8),
        `span ${span}`,
      ).toBe(true);
    }
  });
});

describe('visibleBands', () => {
  it('ranks a view’s bands once, and again when the display threshold changes', () => {
    const bands: Band[] = [
      { side: 'long', low: 90_000, high: 90_100, peak: 90_050, notionalUsd: 5e6, share: 0.1 },
      { side: 'long', low: 91_000, high: 91_100, peak: 91_050, notionalUsd: 9e6, share: 0.2 },
      { side: 'short', low: 99_000, high: 99_100, peak: 99_050, notionalUsd: 2e6, share: 0.1 },
    ];
    const display = testDisplay({ minBandUsd: 0, bandsPerSide: 3 });
    expect(visibleBands(bands, display).map((b) => b.notionalUsd)).toEqual([9e6, 5e6, 2e6]);
    expect(visibleBands(bands, { ...display, minBandUsd: 3e6 }).map((b) => b.notionalUsd)).toEqual([
      9e6, 5e6,
    ]);
    expect(visibleBands(bands, display)).toHaveLength(3);
  });
});

describe('bandTexts', () => {
  const b: Band = { side: 'short', low: 96_800, high: 97_000, peak: 96_900, notionalUsd: 9.6e9, share: 0.5 };

  it('gives the distance to the near edge, as every face does, and names that edge', () => {
    // (96,800 − 95,000) / 95,000 = +1.9 %.
    expect(bandTexts(b, 95_000)).toEqual({
      label: 'Shorts $9.6B · +1.9 %',
      edge: '↑ 96,800 · +1.9 % · $9.6B',
      short: '$9.6B +1.9 %',
    });
    // (97,000 − 98,000) / 98,000 = −1.0 %: now below the price.
    expect(bandTexts(b, 98_000).edge).toBe('↓ 97,000 · −1.0 % · $9.6B');
    // Inside the band: 0, at the price.
    expect(bandTexts(b, 96_900).edge).toBe('↑ 96,900 · 0.0 % · $9.6B');
  });

  it('formats a band once per price: the frames of a pan get the same texts back', () => {
    const band: Band = { ...b };
    const first = bandTexts(band, 95_000);
    expect(bandTexts(band, 95_000)).toBe(first);
    expect(bandTexts(band, 95_001)).not.toBe(first);
    expect(bandTexts(band, 95_000)).toEqual(first);
  });
});

describe('layoutOverlay: the bands in view', () => {
  it('shows, per side, the largest that reach into the pane on any scale, exactly as row by row (property)', () => {
    const price = fc.double({ min: 80_000, max: 120_000, noNaN: true });
    const bandArb = fc
      .record({
        side: fc.constantFrom('long' as const, 'short' as const),
        a: price,
        width: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3_000, noNaN: true })),
        usd: fc.double({ min: 1e6, max: 1e10, noNaN: true }),
      })
      .map(({ side, a, width, usd }) => band(side, a, a + width, usd));
    const scaleArb = fc.record({
      from: price,
      to: price,
      mode: fc.constantFrom(0 as const, 1 as const),
      height: fc.integer({ min: 2, max: 1200 }),
    });
    fc.assert(
      fc.property(fc.array(bandArb, { maxLength: 60 }), scaleArb, fc.boolean(), (bands, s, onEdge) => {
        // Some bands end exactly on the pane's top or bottom price.
        const all = onEdge
          ? [...bands, band('long', s.to, s.to + 10, 5e9), band('short', s.from - 10, s.from, 5e9)]
          : bands;
        const shown = layoutOverlay({ bands: all, price: 100_000, scale: s, display }).rects.map(
          (r) => r.band,
        );
        const expected = (['long', 'short'] as const).flatMap((side) =>
          all
            .filter((b) => b.side === side && b.notionalUsd >= display.minBandUsd)
            .sort((x, y) => y.notionalUsd - x.notionalUsd || x.low - y.low)
            .filter((b) => {
              const a = priceToY(s, b.high);
              const c = priceToY(s, b.low);
              return a !== null && c !== null && Math.max(a, c) >= 0 && Math.min(a, c) <= s.height - 1;
            })
            .slice(0, display.bandsPerSide),
        );
        expect(shown).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
