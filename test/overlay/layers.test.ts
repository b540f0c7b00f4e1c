import { describe, expect, it } from 'vitest';
import type { PriceScale } from '../../lib/chart/price-to-y';
import type { HeatmapGrid } from '../../lib/model/heatmap-grid';
import { heatmapLayer } from '../../lib/overlay/layers/heatmap';
import { heatmapPixels, LONG_RAMP, SHORT_RAMP } from '../../lib/overlay/layers/heatmap-ramp';
import { layoutLayers, sameLayers } from '../../lib/overlay/layers/painter';
import { profileLayer } from '../../lib/overlay/layers/profile';
import { type Canvas2D, type Frame, RIGHT_LANES, type TimeAxis } from '../../lib/overlay/layers/types';

// 100,000 on row 0, 90,000 on row 400: y = 0.04 × (100,000 − price).
const scale: PriceScale = { from: 90_000, to: 100_000, mode: 0, height: 401 };
const M15 = 900_000;
const T0 = 1_795_000_000_000;
const time: TimeAxis = { t0: T0 + 10 * M15, x0: 104, spacing: 8, intervalMs: M15 };
const frame = (over: Partial<Frame> = {}): Frame => ({
  surface: 'pane',
  width: 800,
  height: 401,
  dpr: 2,
  scale,
  time,
  price: 95_000,
  ...over,
});

const grid: HeatmapGrid = {
  t0: T0,
  intervalMs: M15,
  columns: 3,
  low: 94_000,
  width: 100,
  rowFrom: 10,
  rows: 2,
  floorUsd: 1e4,
  maxUsd: 1e8,
  long: new Uint8Array([0, 255, 1, 0, 0, 0]),
  short: new Uint8Array([0, 0, 0, 9, 0, 0]),
};
const bitmap = {} as CanvasImageSource;

describe('heatmap layer', () => {
  it('puts column j in the slot of the candle opening at t0 + j·interval, rows at their bins’ prices', () => {
    const layout = heatmapLayer.layout({ grid, bitmap }, frame());
    expect(layout).not.toBeNull();
    if (!layout) return;
    // Candle T0 is 10 candles left of x0 = 104 (centre 24); its slot starts half a spacing left of that.
    expect(layout.left).toBe(20);
    expect(layout.columnWidth).toBe(8);
    expect(layout.count).toBe(1);
    // Rows: bins 10..11 = 95,000..95,200; the image's top is 95,200 (y 192), its bottom 95,000 (y 200).
    expect(Array.from(layout.slices.subarray(0, 8))).toEqual([0, 0, 3, 2, 40, 384, 48, 16]);
  });

  it('draws nothing without a verified time axis, and slices a log scale', () => {
    expect(heatmapLayer.layout({ grid, bitmap }, frame({ time: null }))).toBeNull();
    const log = heatmapLayer.layout(
      { grid: { ...grid, rows: 20 }, bitmap },
      frame({ scale: { ...scale, mode: 1 } }),
    );
    expect(log?.count).toBe(3);
  });

  it('keeps the low decades a faint wash and the top opaque enough to stand out', () => {
    for (const lut of [LONG_RAMP, SHORT_RAMP]) {
      const alpha = (code: number) => lut[code * 4 + 3] as number;
      for (let code = 2; code < 256; code++) expect(alpha(code)).toBeGreaterThanOrEqual(alpha(code - 1));
      expect(alpha(1)).toBeLessThan(16);
      // A cell at 1 % of the largest (half the 4 decades) is barely there; one at a tenth is still under a fifth.
      expect(alpha(128)).toBeLessThan(16);
      expect(alpha(191)).toBeLessThan(51);
      expect(alpha(255)).toBeGreaterThanOrEqual(190);
    }
  });

  it('keeps each side its hue at every level, lightness rising with the amount', () => {
    const luma = (lut: Uint8Array, code: number) =>
      0.2126 * (lut[code * 4] as number) +
      0.7152 * (lut[code * 4 + 1] as number) +
      0.0722 * (lut[code * 4 + 2] as number);
    for (let code = 1; code < 256; code++) {
      const [lr, , lb] = LONG_RAMP.subarray(code * 4, code * 4 + 3);
      const [sr, , sb] = SHORT_RAMP.subarray(code * 4, code * 4 + 3);
      // Longs blue, shorts red, by a margin the eye sees, also at the densest cells (no ramp ends in white).
      expect((lb as number) - (lr as number)).toBeGreaterThanOrEqual(40);
      expect((sr as number) - (sb as number)).toBeGreaterThanOrEqual(40);
      if (code > 1) {
        expect(luma(LONG_RAMP, code)).toBeGreaterThanOrEqual(luma(LONG_RAMP, code - 1));
        expect(luma(SHORT_RAMP, code)).toBeGreaterThanOrEqual(luma(SHORT_RAMP, code - 1));
      }
    }
  });

  it('colours longs and shorts on their own ramps, row 0 the highest bin', () => {
    const px = heatmapPixels(grid);
    // Column 0, bin 11 (image row 0) holds long code 255 → top-left pixel.
    expect(Array.from(px.subarray(0, 4))).toEqual(Array.from(LONG_RAMP.subarray(255 * 4, 256 * 4)));
    // Column 1, bin 11 is short code 9 → pixel (1, 0).
    expect(Array.from(px.subarray(4, 8))).toEqual(Array.from(SHORT_RAMP.subarray(9 * 4, 10 * 4)));
  });
});

describe('profile layer', () => {
  const bins = { low: 94_000, width: 100, long: [1e6, 0, 4e6, 0], short: [0, 0, 0, 1e3] };
  const data = { bins, longColor: '#2f80ed', shortColor: '#f2994a' };

  it('draws every bin with notional at its rows, bars from the profile lane’s right edge', () => {
    const layout = profileLayer.layout(data, frame());
    expect(layout).not.toBeNull();
    if (!layout) return;
    expect(layout.count).toBe(3);
    expect(layout.right).toBe((800 - RIGHT_LANES.profile.right) * 2);
    expect(layout.yBottom).toBe(240);
    expect(layout.yTop).toBe(224);
    // The largest bin fills the lane; the $1K one still gets a device pixel.
    expect(Math.max(...Array.from(layout.long.subarray(0, 3)))).toBe(RIGHT_LANES.profile.width * 2);
    expect(Math.min(...Array.from(layout.short.subarray(0, 3)).filter((v) => v > 0))).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('follows the scale: 250 USD lower, every bar 10 CSS px (20 rows) higher', () => {
    const a = profileLayer.layout(data, frame());
    const b = profileLayer.layout(data, frame({ scale: { ...scale, from: 89_750, to: 99_750 } }));
    if (!a || !b) throw new Error('no layout');
    expect(Array.from(b.y.subarray(0, b.count))).toEqual(
      Array.from(a.y.subarray(0, a.count)).map((y) => y - 20),
    );
    expect(profileLayer.same(a, b)).toBe(false);
  });

  it('paints each row’s longer bar first and the shorter one over it, with four colour changes a frame', () => {
    const layout = {
      ...(profileLayer.layout(data, frame()) as NonNullable<ReturnType<typeof profileLayer.layout>>),
      count: 3,
      y: Int32Array.from([0, 4, 8]),
      h: Int32Array.from([4, 4, 4]),
      long: Int32Array.from([30, 10, 20]),
      short: Int32Array.from([5, 25, 20]),
    };
    const rects: { color: string; y: number; len: number }[] = [];
    let colourChanges = 0;
    const ctx = {
      globalAlpha: 1,
      _fill: '',
      set fillStyle(c: string) {
        colourChanges++;
        this._fill = c;
      },
      get fillStyle() {
        return this._fill;
      },
      fillRect(_x: number, y: number, len: number) {
        rects.push({ color: this._fill, y, len });
      },
    };
    const paintContext = { frame: frame(), width: 1600, height: 802, font: '', sprites: null };
    profileLayer.paint(ctx as unknown as Parameters<typeof profileLayer.paint>[0], layout, paintContext);
    expect(colourChanges).toBe(4);
    const { longColor: L, shortColor: S } = data;
    for (const [y, first, second] of [
      [0, { color: L, len: 30 }, { color: S, len: 5 }],
      [4, { color: S, len: 25 }, { color: L, len: 10 }],
      [8, { color: L, len: 20 }, { color: S, len: 20 }],
    ] as const) {
      const row = rects.filter((r) => r.y === y).map(({ color, len }) => ({ color, len }));
      expect(row, `row at ${y}`).toEqual([first, second]);
    }
  });
});

describe('profile layer from a cached bitmap (a linear, upright scale)', () => {
  // 0.04 CSS px per USD at dpr 2: a 100 USD bin is 8 device rows.
  const bins = { low: 94_000, width: 100, long: [1e6, 0, 4e6, 0], short: [0, 0, 0, 1e3] };
  /** A bitmap maker that records what is drawn on each bitmap it makes. */
  const maker = () => {
    const made: {
      width: number;
      height: number;
      rects: { color: string; x: number; y: number; w: number }[];
    }[] = [];
    const bitmaps = (width: number, height: number, draw: (ctx: Canvas2D) => void) => {
      const rects: { color: string; x: number; y: number; w: number }[] = [];
      const ctx = {
        globalAlpha: 1,
        fillStyle: '',
        fillRect(x: number, y: number, w: number) {
          rects.push({ color: String(this.fillStyle), x, y, w });
        },
      };
      draw(ctx as unknown as Canvas2D);
      made.push({ width, height, rects });
      return { id: made.length } as unknown as CanvasImageSource;
    };
    return { made, bitmaps };
  };

  it('blits the bars drawn once, a bitmap row per bin, onto the rows the bars would take', () => {
    const { made, bitmaps } = maker();
    const data = { bins, longColor: '#2f80ed', shortColor: '#f2994a', bitmaps };
    const drawn = profileLayer.layout({ ...data, bitmaps: null }, frame());
    const layout = profileLayer.layout(data, frame());
    if (!layout?.blit || !drawn) throw new Error('no layout');
    const lanePx = RIGHT_LANES.profile.width * 2;
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ width: lanePx, height: 4 });
    // Row 0 is the highest bin (the short $1K one: √(1K / 4M) of the lane); the largest bin fills the lane.
    const small = Math.round(Math.sqrt(1e3 / 4e6) * lanePx);
    expect(made[0]?.rects).toEqual([
      { color: '#f2994a', x: lanePx - small, y: 0, w: small },
      { color: '#2f80ed', x: 0, y: 1, w: lanePx },
      {
        color: '#2f80ed',
        x: lanePx - Math.round(Math.sqrt(0.25) * lanePx),
        y: 3,
        w: Math.round(0.5 * lanePx),
      },
    ]);
    expect(layout.blit).toMatchObject({ sy: 0, sh: 4, sw: lanePx, dx: layout.right - lanePx });
    // The same rows as the bars drawn one by one: the map from its top (y 224) to its bottom (y 240), in device px.
    expect(layout.blit.dy).toBeCloseTo(layout.yTop * 2, 9);
    expect(layout.blit.dh).toBeCloseTo((layout.yBottom - layout.yTop) * 2, 9);
    expect(drawn.y[0]).toBe(Math.round(layout.blit.dy + 3 * (layout.blit.dh / 4)));
    expect(layout.count).toBe(4);
    // The next frame at the same scale blits the same bitmap: nothing is drawn again.
    const again = profileLayer.layout(data, frame());
    expect(again && profileLayer.same(layout, again)).toBe(true);
    const moved = profileLayer.layout(data, frame({ scale: { ...scale, from: 89_750, to: 99_750 } }));
    expect(moved && profileLayer.same(layout, moved)).toBe(false);
    expect(made).toHaveLength(1);
  });

  it('paints one drawImage without smoothing', () => {
    const { bitmaps } = maker();
    const layout = profileLayer.layout({ bins, longColor: 'a', shortColor: 'b', bitmaps }, frame());
    if (!layout?.blit) throw new Error('no blit');
    const calls: unknown[][] = [];
    const smoothing: boolean[] = [];
    const ctx = {
      set imageSmoothingEnabled(on: boolean) {
        smoothing.push(on);
      },
      drawImage: (...args: unknown[]) => calls.push(args),
    };
    const paintContext = { frame: frame(), width: 1600, height: 802, font: '', sprites: null };
    profileLayer.paint(ctx as unknown as Canvas2D, layout, paintContext);
    const b = layout.blit;
    expect(calls).toEqual([[b.image, 0, b.sy, b.sw, b.sh, b.dx, b.dy, b.sw, b.dh]]);
    expect(smoothing).toEqual([false, true]);
  });

  it('zoomed out below a device row a bin, a bitmap row stands for 2^k bins: the longest bar of each side', () => {
    const { made, bitmaps } = maker();
    const many = {
      low: 10_000,
      width: 1,
      long: Array.from({ length: 1000 }, (_, i) => (i === 501 ? 5e6 : 1e3)),
      short: Array.from({ length: 1000 }, () => 0),
    };
    // 1,000 USD over 400 rows at dpr 2: 0.8 device rows a bin, so two bins a bitmap row.
    const wide: PriceScale = { from: 10_000, to: 11_000, mode: 0, height: 401 };
    const layout = profileLayer.layout(
      { bins: many, longColor: 'L', shortColor: 'S', bitmaps },
      frame({ scale: wide }),
    );
    if (!layout?.blit) throw new Error('no blit');
    expect(made[0]?.height).toBe(500);
    expect(layout.blit.dh / layout.blit.sh).toBeGreaterThanOrEqual(1);
    // Bins 500 and 501 share bitmap row 500 − 1 − 250 = 249: the $5M bar, the lane's full width.
    expect(made[0]?.rects.find((r) => r.y === 249)?.w).toBe(RIGHT_LANES.profile.width * 2);
  });

  it('draws bar by bar on a log or an inverted scale', () => {
    const { made, bitmaps } = maker();
    const data = { bins, longColor: 'a', shortColor: 'b', bitmaps };
    const log = profileLayer.layout(data, frame({ scale: { ...scale, mode: 1 } }));
    const inverted = profileLayer.layout(data, frame({ scale: { ...scale, from: 100_000, to: 90_000 } }));
    expect(log?.blit).toBeNull();
    expect(inverted?.blit).toBeNull();
    expect(log?.count).toBe(3);
    expect(inverted?.count).toBe(3);
    expect(made).toHaveLength(0);
  });
});

describe('painter', () => {
  it('orders layers back to front and skips layers without data', () => {
    const laid = layoutLayers(
      [
        {
          layer: profileLayer,
          data: { bins: { low: 94_000, width: 100, long: [1], short: [0] }, longColor: 'a', shortColor: 'b' },
        },
        { layer: heatmapLayer, data: { grid, bitmap } },
        { layer: heatmapLayer, data: null },
      ],
      frame(),
    );
    expect(laid.map((l) => l.layer.id)).toEqual(['heatmap', 'profile']);
    expect(sameLayers(laid, [...laid])).toBe(true);
  });
});
