import { HEATMAP_DECADES, type HeatmapGrid } from '../../model/heatmap-grid';

/**
 * Two perceptual ramps (lightness rising monotonically with the code, after seaborn's "mako" for longs and "rocket"
 * for shorts, their darkest stops left out so that low notional still shows on a dark chart): the two sides differ
 * in hue at every level, the amount reads as lightness on both.
 */
const LONG_STOPS = [
  [0x38, 0x2a, 0x54],
  [0x39, 0x5d, 0x9c],
  [0x34, 0x96, 0xa9],
  [0x60, 0xce, 0xac],
  [0xde, 0xf5, 0xe5],
] as const;
const SHORT_STOPS = [
  [0x4c, 0x1d, 0x4b],
  [0xa1, 0x1a, 0x5b],
  [0xe8, 0x3f, 0x3f],
  [0xf6, 0x9c, 0x73],
  [0xfa, 0xeb, 0xdd],
] as const;

function ramp(stops: readonly (readonly [number, number, number])[]): Uint8Array {
  const lut = new Uint8Array(256 * 4);
  for (let code = 1; code < 256; code++) {
    const at = ((code - 1) / 254) * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(at));
    const f = at - i;
    const a = stops[i] as readonly number[];
    const b = stops[i + 1] as readonly number[];
    for (let c = 0; c < 3; c++)
      lut[code * 4 + c] = Math.round((a[c] as number) + ((b[c] as number) - (a[c] as number)) * f);
    // Hue and lightness follow log notional; opacity follows the cell's share of the largest (to the power 0.75), so
    // a smooth map is a faint wash, only the clusters stand out, and the candles under the heatmap stay readable.
    const share = 10 ** (-HEATMAP_DECADES * (1 - (code - 1) / 254));
    lut[code * 4 + 3] = Math.round(8 + 192 * share ** 0.75);
  }
  return lut;
}

export const LONG_RAMP = ramp(LONG_STOPS);
export const SHORT_RAMP = ramp(SHORT_STOPS);

/**
 * The grid as RGBA pixels, one per cell: `columns` wide, `rows` high, row 0 at the top (the highest bin). Where both
 * sides hold notional in one cell the larger code's side is shown.
 */
export function heatmapPixels(
  grid: Pick<HeatmapGrid, 'columns' | 'rows' | 'long' | 'short'>,
): Uint8ClampedArray {
  const { columns, rows } = grid;
  const out = new Uint8ClampedArray(columns * rows * 4);
  for (let j = 0; j < columns; j++) {
    for (let r = 0; r < rows; r++) {
      const l = grid.long[j * rows + r] as number;
      const s = grid.short[j * rows + r] as number;
      if (l === 0 && s === 0) continue;
      const lut = l >= s ? LONG_RAMP : SHORT_RAMP;
      const code = Math.max(l, s);
      const o = ((rows - 1 - r) * columns + j) * 4;
      out[o] = lut[code * 4] as number;
      out[o + 1] = lut[code * 4 + 1] as number;
      out[o + 2] = lut[code * 4 + 2] as number;
      out[o + 3] = lut[code * 4 + 3] as number;
    }
  }
  return out;
}
