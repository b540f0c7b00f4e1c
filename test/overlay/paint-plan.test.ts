import { describe, expect, it } from 'vitest';
import { layoutOverlay } from '../../lib/chart/layout';
import type { PriceScale } from '../../lib/chart/price-to-y';
import type { Band } from '../../lib/model/cluster-view';
import { type PlanOptions, planPaint, samePaint, usableDpr } from '../../lib/overlay/paint-plan';
import { testDisplay } from '../fixtures/display';

const display = testDisplay({ bandsPerSide: 5, opacity: 0.4 });
// 10 px per 100 USD: 100,000 on row 0, 90,000 on row 1000.
const scale: PriceScale = { from: 90_000, to: 100_000, mode: 0, height: 1001 };
const band = (side: Band['side'], low: number, high: number, notionalUsd: number): Band => ({
  side,
  low,
  high,
  peak: (low + high) / 2,
  notionalUsd,
  share: 0.5,
});
const options = (overrides: Partial<PlanOptions> = {}): PlanOptions => ({
  width: 800,
  height: 1001,
  dpr: 2,
  scale,
  price: 95_000,
  labels: 'full',
  rightInsetCss: 14,
  fontCss: 11,
  lineColor: '#cccccc',
  ...overrides,
});
const plan = (bands: Band[], overrides: Partial<PlanOptions> = {}) =>
  planPaint(layoutOverlay({ bands, price: 95_000, scale, display }), options(overrides));

describe('planPaint at devicePixelRatio 2', () => {
  it('sizes the canvas in bitmap px', () => {
    const p = plan([]);
    expect([p.width, p.height, p.dpr]).toEqual([1600, 2002, 2]);
    expect(p.font).toMatch(/^22px /);
  });

  it('paints a band on whole device rows and gives its hit element the same rows in CSS px', () => {
    // 96,855–96,900: rows 310 and 314.5 → device rows 620 … 629.
    const [b] = plan([band('short', 96_855, 96_900, 1e9)]).bands;
    expect(b).toMatchObject({
      side: 'short',
      y: 620,
      h: 9,
      cssTop: 310,
      cssHeight: 4.5,
      clipped: null,
      widened: false,
    });
    expect(b?.yHigh).toBeCloseTo(310, 9);
    expect(b?.yLow).toBeCloseTo(314.5, 9);
    expect(b?.color).toBe('#f2994a');
  });

  it('rounds fractional rows to the nearest device row', () => {
    // 96,853–96,897: rows 310.3 and 314.7 → 620.6 and 629.4 → device rows 621 … 629.
    const [b] = plan([band('short', 96_853, 96_897, 1e9)]).bands;
    expect([b?.y, b?.h, b?.cssTop, b?.cssHeight]).toEqual([621, 8, 310.5, 4]);
  });

  it('marks bands cut by the pane edge and bands widened to stay visible', () => {
    const p = plan([band('short', 99_000, 101_000, 2e9), band('long', 95_000, 95_005, 1e9)]);
    const cut = p.bands.find((b) => b.side === 'short');
    expect(cut).toMatchObject({ y: 0, h: 200, cssTop: 0, cssHeight: 100, clipped: 'top' });
    const thin = p.bands.find((b) => b.side === 'long');
    // Rows 499.5 … 500 (0.5 px) widened to the layout's 2 px around 499.75: 498.75 … 500.75, device 997.5 … 1001.5,
    // rounded half up to 998 … 1002.
    expect(thin).toMatchObject({ y: 998, h: 4, widened: true, clipped: null });
  });

  it('puts move lines on device pixel centres for odd widths, on whole rows for even', () => {
    // +3 % = 97,850 → row 215; −3 % = 92,150 → row 785.
    const p2 = plan([]);
    expect(p2.lines.map((l) => [l.kind, l.y, l.width])).toEqual([
      ['move-up', 430, 2],
      ['move-down', 1570, 2],
    ]);
    expect(p2.lines[0]?.label?.text).toBe('+3.0 % 97,850');
    const p1 = plan([], { dpr: 1 });
    expect(p1.lines.map((l) => l.y)).toEqual([215.5, 785.5]);
  });

  it('sets move-line labels on whole rows, 3 px above the up line and a font height + 3 px below the down line', () => {
    // dpr 1: lines at rows 215 and 785 (drawn at 215.5 and 785.5); font 11 px.
    const p1 = plan([], { dpr: 1 });
    expect(p1.lines.map((l) => l.label)).toEqual([
      { text: '+3.0 % 97,850', x: 4, y: 212 },
      { text: '−3.0 % 92,150', x: 4, y: 799 },
    ]);
    // dpr 2: rows 430 and 1570, font 22 px, offsets 6 px.
    expect(plan([]).lines.map((l) => l.label?.y)).toEqual([424, 1598]);
  });

  it('right-aligns labels left of the hover strip, largest first, without overlaps', () => {
    // Two bands 2 px apart: only the larger one's label fits.
    const p = plan([band('short', 96_800, 96_900, 1e9), band('short', 96_900, 97_000, 3e9)]);
    expect(p.labels).toHaveLength(1);
    // The distance is to the near edge: (96,900 − 95,000) / 95,000 = +2.0 %.
    expect(p.labels[0]).toMatchObject({ text: 'Shorts $3.0B · +2.0 %', x: 1600 - 36, color: '#f2994a' });
    // Band 96,900–97,000 is rows 300–310 → device 600–620, centred on 610.
    expect(p.labels[0]?.y).toBe(610);
  });

  it('writes short labels for the ladder, and none when asked', () => {
    const bands = [band('long', 93_000, 93_300, 1.3e9)];
    // (93,300 − 95,000) / 95,000 = −1.8 %.
    expect(plan(bands, { labels: 'short' }).labels[0]?.text).toBe('$1.3B −1.8 %');
    expect(plan(bands, { labels: 'none' }).labels).toEqual([]);
  });

  it('keeps labels out of the margins asked for (the ladder edge notes)', () => {
    // Band 99,950–100,000 is rows 0–5 → device 0–10; the label box is 22 + 8 = 30 device px tall.
    const bands = [band('short', 99_950, 100_000, 1e9)];
    expect(plan(bands).labels[0]?.y).toBe(15);
    // 17 CSS px kept free at the top → 34 device px, so the box's centre is at 34 + 15.
    expect(plan(bands, { labelMarginCss: { top: 17, bottom: 0 } }).labels[0]?.y).toBe(49);
    // Band 90,000–90,050 is rows 995–1001 → clamped to 2002 − 15; a 10 px bottom margin lifts it 20 more.
    const low = [band('long', 90_000, 90_050, 1e9)];
    expect(plan(low).labels[0]?.y).toBe(1987);
    expect(plan(low, { labelMarginCss: { top: 0, bottom: 10 } }).labels[0]?.y).toBe(1967);
  });

  it('adds a solid current-price line when asked', () => {
    const line = plan([], { priceLine: 95_000 }).lines.find((l) => l.kind === 'price');
    expect(line).toMatchObject({ y: 1000, dash: [], label: null });
  });
});

describe('usableDpr', () => {
  it('keeps sane ratios and repairs the rest', () => {
    expect([usableDpr(2), usableDpr(1.25), usableDpr(0), usableDpr(Number.NaN), usableDpr(20)]).toEqual([
      2, 1.25, 1, 1, 8,
    ]);
  });
});

describe('samePaint', () => {
  const bands = [band('short', 96_855, 96_900, 1e9), band('long', 93_000, 93_400, 2e9)];
  const at = (from: number, to: number, overrides: Partial<PlanOptions> = {}) => {
    const moved: PriceScale = { ...scale, from, to };
    return planPaint(
      layoutOverlay({ bands, price: 95_000, scale: moved, display }),
      options({ scale: moved, ...overrides }),
    );
  };

  it('is true for a plan with the same rows, texts and size, though computed afresh', () => {
    expect(samePaint(at(90_000, 100_000), at(90_000, 100_000))).toBe(true);
  });

  it('is true for a pan by less than half a device pixel (every row rounds the same)', () => {
    // 10 px per 100 USD at dpr 2: 0.1 USD is 0.02 device px.
    expect(samePaint(at(90_000, 100_000), at(90_000.1, 100_000.1))).toBe(true);
  });

  it('is false when a band moves by a device row', () => {
    // 5 USD = 0.5 CSS px = 1 device px.
    const a = at(90_000, 100_000);
    const b = at(90_005, 100_005);
    expect(b.bands[0]?.y).toBe((a.bands[0]?.y ?? 0) + 1);
    expect(samePaint(a, b)).toBe(false);
  });

  it('is false when the canvas size, a colour, a band opacity or a label text changes', () => {
    const a = at(90_000, 100_000);
    expect(samePaint(a, at(90_000, 100_000, { width: 801 }))).toBe(false);
    expect(samePaint(a, at(90_000, 100_000, { lineColor: '#ffffff' }))).toBe(false);
    expect(samePaint(a, { ...a, bands: a.bands.map((x, i) => (i ? x : { ...x, alpha: x.alpha / 2 })) })).toBe(
      false,
    );
    expect(samePaint(a, { ...a, labels: a.labels.map((l) => ({ ...l, text: `${l.text}!` })) })).toBe(false);
    expect(samePaint(a, { ...a, lines: a.lines.slice(1) })).toBe(false);
  });

  it('is false against no previous paint', () => {
    expect(samePaint(null, at(90_000, 100_000))).toBe(false);
  });
});
