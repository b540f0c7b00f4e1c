import { HEATMAP_DECADES, type HeatmapGrid } from '../../model/heatmap-grid';

/**
 * Two ramps whose lightness rises monotonically with the code (the amount reads as lightness on both), in the hues of
 * the bands: longs from dark blue to light cyan, shorts from dark red to amber. Neither ends in white, so that the
 * densest cells, the ones a trader looks at, keep their side's hue (blue above red at every level); the darkest
 * stops are left out so that low notional still shows on a dark chart.
 */
const LONG_STOPS = [
  [0x2a, 0x3c, 0x7a],
  [0x2f, 0x6f, 0xb8],
  [0x2b, 0xa3, 0xc9],
  [0x7f, 0xd8, 0xe8],
] as const;
const SHORT_STOPS = [
  [0x6a, 0x1c, 0x30],
  [0xa8, 0x2a, 0x3a],
  [0xe8, 0x6a, 0x2c],
  [0xf8, 0xc0, 0x6a],
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
