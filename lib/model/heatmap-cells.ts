import { z } from '../util/zod';
import type { Heatmap } from './heatmap';
import { HEATMAP_DECADES } from './heatmap-grid';

const finite = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const base64 = () => z.string().check(z.maxLength(8_000_000), z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

/**
 * The heatmap as the background sends it to a chart tab: 8-bit cells, column-major (cell (j, r) at j·rows + r, row 0
 * the lowest kept bin), on a regular column grid (`t0 + j·intervalMs`; a candle missing from every venue is an
 * empty column, never a copy of its neighbour) and on the rows of the map that hold anything. Code 0: nothing;
 * 1..255: log10 of the notional from `floorUsd` to `maxUsd`. `long` and `short` are the codes in base64, each run of
 * code 0 written as a 0 and the run's length (1..255): most of a map is empty, so the message is a half to a third
 * of a byte a cell.
 */
export const HeatmapCellsSchema = z.object({
  t0: finite(),
  intervalMs: finite().check(z.gt(0)),
  columns: z.int().check(z.gte(1), z.lte(20_000)),
  /** Lower edge and width of bin 0 of the grid, and the first kept bin and how many. */
  low: finite(),
  width: finite().check(z.gt(0)),
  rowFrom: z.int().check(z.gte(0)),
  rows: z.int().check(z.gte(1), z.lte(20_000)),
  floorUsd: finite().check(z.gt(0)),
  maxUsd: finite().check(z.gt(0)),
  long: base64(),
  short: base64(),
});
export type HeatmapCells = z.infer<typeof HeatmapCellsSchema>;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CODES = Uint8Array.from(BASE64, (ch) => ch.charCodeAt(0));
const PAD = 61; // '='

/** Standard base64 with padding, written as ASCII bytes and decoded once (a string built piecewise costs more). */
function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = BASE64_CODES[v >> 18] as number;
    out[o++] = BASE64_CODES[(v >> 12) & 63] as number;
    out[o++] = BASE64_CODES[(v >> 6) & 63] as number;
    out[o++] = BASE64_CODES[v & 63] as number;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const v = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out[o++] = BASE64_CODES[v >> 18] as number;
    out[o++] = BASE64_CODES[(v >> 12) & 63] as number;
    out[o++] = rest === 2 ? (BASE64_CODES[(v >> 6) & 63] as number) : PAD;
    out[o++] = PAD;
  }
  return ASCII.decode(out);
}

const ASCII = new TextDecoder('latin1');

/** A cell's code: 0 at or below the floor, then 1..255 on log10 of the notional. */
export function cellCode(usd: number, floorUsd: number, maxUsd: number): number {
  return codeOf(codeScale(floorUsd, maxUsd), usd);
}

/** Sub-steps an octave of the lookup table: 2^-6 of an octave is finer than a code's step (4 decades / 254). */
const SUB_BITS = 6;
const OCTAVES = 64;
const BITS = new Float64Array(1);
const BITS_WORDS = new Uint32Array(BITS.buffer);
BITS[0] = 1;
/** The word of a double that holds its sign, exponent and top 20 bits of mantissa. */
const HIGH_WORD = BITS_WORDS[1] === 0x3ff00000 ? 1 : 0;

/**
 * The code of a notional: `1 + round(254 · log10(usd / floor) / log10(max / floor))` within 1..255, above the
 * floor. It is read as the count of thresholds the notional reaches (`up[c]`, where code c turns into c + 1), so
 * without a logarithm a cell: a table by octave and sub-octave of `usd / floor` gives a code at or just below the
 * answer, and a step or two up the thresholds finds it. A scale is data and `codeOf` a function, not a closure made
 * per encoding, which would lose its optimised code to every full garbage collection.
 */
interface CodeScale {
  floorUsd: number;
  up: Float64Array;
  start: Uint8Array;
}

function codeScale(floorUsd: number, maxUsd: number): CodeScale {
  const span = Math.log10(maxUsd / floorUsd);
  const up = new Float64Array(256).fill(Number.POSITIVE_INFINITY);
  for (let c = 1; c <= 254; c++) up[c] = span > 0 ? floorUsd * 10 ** ((span * (c - 0.5)) / 254) : floorUsd;
  const start = new Uint8Array(OCTAVES << SUB_BITS);
  let c = 1;
  for (let index = 0; index < start.length; index++) {
    const subSteps = 1 << SUB_BITS;
    // Just below the sub-octave's lower edge, and one code lower still: never above any notional in it.
    const edge = floorUsd * 2 ** (index >> SUB_BITS) * (1 + (index & (subSteps - 1)) / subSteps) * (1 - 1e-9);
    while (c < 255 && edge >= (up[c] as number)) c++;
    start[index] = Math.max(1, c - 1);
  }
  return { floorUsd, up, start };
}

function codeOf(scale: CodeScale, usd: number): number {
  const { floorUsd, up, start } = scale;
  if (!(usd > floorUsd)) return 0;
  BITS[0] = usd / floorUsd;
  const index = ((BITS_WORDS[HIGH_WORD] as number) >>> (20 - SUB_BITS)) - (1023 << SUB_BITS);
  let code = start[Math.min(Math.max(index, 0), start.length - 1)] as number;
  while (code < 255 && usd >= (up[code] as number)) code++;
  return code;
}

/** The notional a code stands for (the middle of its step): for tests and hover read-outs. */
export function codeUsd(code: number, floorUsd: number, maxUsd: number): number {
  if (code <= 0) return 0;
  return floorUsd * (maxUsd / floorUsd) ** ((code - 1) / 254);
}

/** The codes with each run of zeros as a 0 and the run's length (at most 255; a longer run is several). */
export function zeroRuns(codes: Uint8Array): Uint8Array {
  const out = new Uint8Array(codes.length * 2);
  let o = 0;
  for (let i = 0; i < codes.length; ) {
    const code = codes[i] as number;
    if (code !== 0) {
      out[o++] = code;
      i++;
      continue;
    }
    let run = 0;
    while (i < codes.length && codes[i] === 0 && run < 255) {
      run++;
      i++;
    }
    out[o++] = 0;
    out[o++] = run;
  }
  return out.subarray(0, o);
}

/** Heatmap → 8-bit cells; null when the map holds nothing. */
export function encodeHeatmap(
  heatmap: Pick<Heatmap, 'times' | 'low' | 'width' | 'long' | 'short'>,
  intervalMs: number,
): HeatmapCells | null {
  const { times } = heatmap;
  const n = times.length;
  if (n === 0) return null;
  const count = heatmap.long[0]?.length ?? 0;
  let maxUsd = 0;
  let rowFrom = count;
  let rowTo = -1;
  for (const side of [heatmap.long, heatmap.short]) {
    for (const column of side) {
      for (let k = 0; k < count; k++) {
        const v = column[k] as number;
        if (v > 0) {
          if (v > maxUsd) maxUsd = v;
          if (k < rowFrom) rowFrom = k;
          if (k > rowTo) rowTo = k;
        }
      }
    }
  }
  if (!(maxUsd > 0)) return null;
  const floorUsd = maxUsd / 10 ** HEATMAP_DECADES;
  const scale = codeScale(floorUsd, maxUsd);
  const t0 = times[0] as number;
  const columns = Math.round(((times[n - 1] as number) - t0) / intervalMs) + 1;
  const rows = rowTo - rowFrom + 1;
  const long = new Uint8Array(columns * rows);
  const short = new Uint8Array(columns * rows);
  for (let j = 0; j < n; j++) {
    const c = Math.round(((times[j] as number) - t0) / intervalMs);
    if (c < 0 || c >= columns) continue;
    const l = heatmap.long[j] as Float64Array;
    const s = heatmap.short[j] as Float64Array;
    for (let r = 0; r < rows; r++) {
      long[c * rows + r] = codeOf(scale, l[rowFrom + r] as number);
      short[c * rows + r] = codeOf(scale, s[rowFrom + r] as number);
    }
  }
  return {
    t0,
    intervalMs,
    columns,
    low: heatmap.low,
    width: heatmap.width,
    rowFrom,
    rows,
    floorUsd,
    maxUsd,
    long: toBase64(zeroRuns(long)),
    short: toBase64(zeroRuns(short)),
  };
}
