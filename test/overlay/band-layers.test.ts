import { describe, expect, it } from 'vitest';
import type { PriceScale } from '../../lib/chart/price-to-y';
import type { Band } from '../../lib/model/cluster-view';
import { type BandsData, type BandsLayout, bandsLayer, bandsLayout } from '../../lib/overlay/layers/bands';
import { labelsLayer, NOTE_EDGE, NOTE_ROW } from '../../lib/overlay/layers/labels';
import { linesLayer } from '../../lib/overlay/layers/lines';
import { type Frame, LADDER_LANES, RIGHT_LANES } from '../../lib/overlay/layers/types';
import { planPaint, samePlan, usableDpr } from '../../lib/overlay/paint-plan';
import { testDisplay } from '../fixtures/display';
import { band } from './fixtures';

const display = testDisplay({ bandsPerSide: 5, opacity: 0.4 });
// 10 px per 100 USD: 100,000 on row 0, 90,000 on row 1000.
const scale: PriceScale = { from: 90_000, to: 100_000, mode: 0, height: 1001 };
const frame = (over: Partial<Frame> = {}): Frame => ({
  surface: 'pane',
  width: 800,
  height: 1001,
  dpr: 2,
  scale,
  time: null,
  price: 95_000,
  ...over,
});
const data = (bands: Band[], d = display): BandsData => ({ bands, display: d });
const laid = (bands: Band[], over: Partial<Frame> = {}) => bandsLayout(data(bands), frame(over));
const labels = (bands: Band[], over: Partial<Frame> = {}) =>
  labelsLayer.layout(data(bands), frame(over))?.labels ?? [];
const lines = (over: Partial<Frame> = {}) => linesLayer.layout(data([]), frame(over))?.lines ?? [];

describe('bands layer at devicePixelRatio 2', () => {
  it('sizes its layout in bitmap px', () => {
    const b = laid([]);
    expect([b.width, b.height, b.dpr]).toEqual([1600, 2002, 2]);
  });

  it('paints a band on whole device rows and gives its hit element the same rows in CSS px', () => {
    // 96,855–96,900: rows 310 and 314.5 → device rows 620 … 629.
    const [b] = laid([band('short', 96_855, 96_900, 1e9)]).bands;
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
    const [b] = laid([band('short', 96_853, 96_897, 1e9)]).bands;
    expect([b?.y, b?.h, b?.cssTop, b?.cssHeight]).toEqual([621, 8, 310.5, 4]);
  });

  it('marks bands cut by the pane edge and bands widened to stay visible', () => {
    const p = laid([band('short', 99_000, 101_000, 2e9), band('long', 95_000, 95_005, 1e9)]);
    const cut = p.bands.find((b) => b.side === 'short');
    expect(cut).toMatchObject({ y: 0, h: 200, cssTop: 0, cssHeight: 100, clipped: 'top' });
    const thin = p.bands.find((b) => b.side === 'long');
    // Rows 499.5 … 500 (0.5 px) widened to the layout's 2 px around 499.75: 498.75 … 500.75, device 997.5 … 1001.5,
    // rounded half up to 998 … 1002.
    expect(thin).toMatchObject({ y: 998, h: 4, widened: true, clipped: null });
  });

  it('lays out once per frame for the bands, labels and lines layers', () => {
    const d = data([band('short', 96_855, 96_900, 1e9)]);
    const f = frame();
    expect(bandsLayer.layout(d, f)).toBe(bandsLayout(d, f));
    expect(bandsLayout(d, frame())).not.toBe(bandsLayout(d, f));
  });

  it('puts one hover strip per band in the strip lane on the pane, on exactly the painted rows', () => {
    const d = data([band('short', 96_855, 96_900, 1e9), band('long', 95_000, 95_005, 1e9)]);
    const f = frame();
    const layout = bandsLayer.layout(d, f);
    if (!layout) throw new Error('no layout');
    // Longs come first (the layout's order).
    const hits = bandsLayer.hits?.(layout, f) ?? [];
    expect(hits[1]).toMatchObject({
      key: 'short:96855:96900',
      left: 800 - RIGHT_LANES.strip.width,
      top: 310,
      width: RIGHT_LANES.strip.width,
      height: 4.5,
      hover: 'Shorts 96855–96900',
      data: {
        'liqlens-band': 'short',
        low: '96855',
        high: '96900',
        usd: '1000000000',
        clipped: null,
        widened: null,
      },
    });
    expect(hits[0]?.data.widened).toBe('true');
    // On the ladder: the band's whole width, at least 3 px tall, as a ladder band.
    const ladder = frame({ surface: 'ladder', width: 150 });
    const onLadder = bandsLayer.hits?.(bandsLayout(d, ladder), ladder) ?? [];
    expect(onLadder[0]).toMatchObject({
      left: 0,
      width: 150,
      height: 3,
      data: { 'liqlens-ladder-band': 'long' },
    });
  });
});

describe('lines layer', () => {
  it('puts move lines on device pixel centres for odd widths, on whole rows for even', () => {
    // +3 % = 97,850 → row 215; −3 % = 92,150 → row 785.
    expect(lines().map((l) => [l.kind, l.y, l.width])).toEqual([
      ['move-up', 430, 2],
      ['move-down', 1570, 2],
    ]);
    expect(lines()[0]?.label?.text).toBe('+3.0 % 97,850');
    expect(lines({ dpr: 1 }).map((l) => l.y)).toEqual([215.5, 785.5]);
  });

  it('sets move-line labels on whole rows, 3 px above the up line and a font height + 3 px below the down line', () => {
    // dpr 1: lines at rows 215 and 785 (drawn at 215.5 and 785.5); font 11 px.
    expect(lines({ dpr: 1 }).map((l) => l.label)).toEqual([
      { text: '+3.0 % 97,850', x: 4, y: 212 },
      { text: '−3.0 % 92,150', x: 4, y: 799 },
    ]);
    // dpr 2: rows 430 and 1570, font 22 px, offsets 6 px.
    expect(lines().map((l) => l.label?.y)).toEqual([424, 1598]);
  });

  it('adds a solid current-price line on the ladder only', () => {
    expect(lines().find((l) => l.kind === 'price')).toBeUndefined();
    const line = lines({ surface: 'ladder' }).find((l) => l.kind === 'price');
    expect(line).toMatchObject({ y: 1000, dash: [], label: null });
  });
});

describe('labels layer', () => {
  it('right-aligns labels left of the profile lane, largest first, without overlaps', () => {
    // Two bands 2 px apart: only the larger one's label fits.
    const p = labels([band('short', 96_800, 96_900, 1e9), band('short', 96_900, 97_000, 3e9)]);
    expect(p).toHaveLength(1);
    // The distance is to the near edge: (96,900 − 95,000) / 95,000 = +2.0 %.
    expect(p[0]).toMatchObject({
      text: 'Shorts $3.0B · +2.0 %',
      x: 1600 - (RIGHT_LANES.labels.right + 4) * 2,
      color: '#f2994a',
    });
    // Band 96,900–97,000 is rows 300–310 → device 600–620, centred on 610.
    expect(p[0]?.y).toBe(610);
  });

  it('writes short labels on the ladder, at its right edge, over the profile', () => {
    const bands = [band('long', 93_000, 93_300, 1.3e9)];
    // (93,300 − 95,000) / 95,000 = −1.8 %.
    const [l] = labels(bands, { surface: 'ladder', width: 150 });
    expect(l).toMatchObject({ text: '$1.3B −1.8 %', x: 300 - (LADDER_LANES.labels.right + 4) * 2 });
    expect(labelsLayer.layout(data([]), frame())).toBeNull();
  });

  it('keeps labels inside the surface, and on the ladder clear of its edge notes', () => {
    // Band 99,950–100,000 is rows 0–5 → device 0–10; the label box is 20 + 8 = 28 device px tall on the ladder (10 px
    // font), 22 + 8 = 30 on the pane.
    expect(labels([band('short', 99_950, 100_000, 1e9)])[0]?.y).toBe(15);
    // A band above the ladder's range becomes a top edge note: the label below it keeps NOTE_EDGE + NOTE_ROW free.
    const ladder = { surface: 'ladder' as const, width: 150 };
    const noted = labels([band('short', 100_500, 100_600, 5e9), band('short', 99_950, 100_000, 1e9)], ladder);
    expect(noted).toHaveLength(1);
    expect(noted[0]?.y).toBe((NOTE_EDGE + NOTE_ROW) * 2 + 14);
    // Band 90,000–90,050 is rows 995–1001 → clamped to 2002 − 15.
    expect(labels([band('long', 90_000, 90_050, 1e9)])[0]?.y).toBe(1987);
  });
});

describe('usableDpr', () => {
  it('keeps sane ratios and repairs the rest', () => {
    expect([usableDpr(2), usableDpr(1.25), usableDpr(0), usableDpr(Number.NaN), usableDpr(20)]).toEqual([
      2, 1.25, 1, 1, 8,
    ]);
  });
});

describe('samePlan (the painter’s sameLayers, for a canvas)', () => {
  const bands = [band('short', 96_855, 96_900, 1e9), band('long', 93_000, 93_400, 2e9)];
  const d = data(bands);
  const entries = [
    { layer: bandsLayer, data: d },
    { layer: linesLayer, data: d },
    { layer: labelsLayer, data: d },
  ];
  const at = (from: number, to: number, over: Partial<Frame> = {}) =>
    planPaint(entries, frame({ scale: { ...scale, from, to }, ...over }));

  it('lays the layers out back to front, with the canvas in bitmap px and the font for the surface', () => {
    const p = at(90_000, 100_000);
    expect(p.layers.map((l) => l.layer.id)).toEqual(['bands', 'lines', 'labels']);
    expect([p.width, p.height, p.font]).toEqual([1600, 2002, expect.stringMatching(/^22px /)]);
  });

  it('is true for a plan with the same rows, texts and size, though computed afresh', () => {
    expect(samePlan(at(90_000, 100_000), at(90_000, 100_000))).toBe(true);
  });

  it('is true for a pan by less than half a device pixel (every row rounds the same)', () => {
    // 10 px per 100 USD at dpr 2: 0.1 USD is 0.02 device px.
    expect(samePlan(at(90_000, 100_000), at(90_000.1, 100_000.1))).toBe(true);
  });

  it('is false when a band moves by a device row', () => {
    // 5 USD = 0.5 CSS px = 1 device px.
    const a = at(90_000, 100_000);
    const b = at(90_005, 100_005);
    const rows = (p: typeof a) => (p.layers[0]?.layout as BandsLayout | undefined)?.bands[0]?.y ?? 0;
    expect(rows(b)).toBe(rows(a) + 1);
    expect(samePlan(a, b)).toBe(false);
  });

  it('is false when the canvas size, a colour, a band opacity or a label text changes', () => {
    const a = at(90_000, 100_000);
    expect(samePlan(a, at(90_000, 100_000, { width: 801 }))).toBe(false);
    const recoloured = data(bands, { ...display, shortColor: '#ffffff' });
    expect(
      samePlan(a, planPaint([{ layer: bandsLayer, data: recoloured }, ...entries.slice(1)], frame())),
    ).toBe(false);
    const dimmer = data(bands, { ...display, opacity: 0.2 });
    expect(samePlan(a, planPaint([{ layer: bandsLayer, data: dimmer }, ...entries.slice(1)], frame()))).toBe(
      false,
    );
    // The live price moved the label's distance (+2.0 % → +2.1 %), nothing else.
    expect(samePlan(a, at(90_000, 100_000, { price: 94_900 }))).toBe(false);
    expect(samePlan(a, { ...a, layers: a.layers.slice(1) })).toBe(false);
  });

  it('is false against no previous paint', () => {
    expect(samePlan(null, at(90_000, 100_000))).toBe(false);
  });
});
