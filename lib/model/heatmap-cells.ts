import { z } from '../util/zod';
import type { Heatmap } from './heatmap';
import { HEATMAP_DECADES } from './heatmap-grid';

const finite = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const base64 = () => z.string().check(z.maxLength(8_000_000), z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

/**
 * The heatmap as the background sends it to a chart tab: 8-bit cells, column-major (cell (j, r) at j·rows + r, row 0
 * the lowest kept bin), on a regular column grid (`t0 + j·intervalMs`; a candle missing from every venue is an
 * empty column, never a copy of its neighbour) and on the rows of the map that hold anything. Code 0: nothing;
 * 1..255: log10 of the notional from `floorUsd` to `maxUsd`.
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
  return codeOf(usd, floorUsd, Math.log10(maxUsd / floorUsd));
}

/** `cellCode` with the log-span of the scale computed once by the caller. */
function codeOf(usd: number, floorUsd: number, span: number): number {
  if (!(usd > floorUsd)) return 0;
  const at = span > 0 ? Math.log10(usd / floorUsd) / span : 1;
  return Math.min(255, Math.max(1, 1 + Math.round(at * 254)));
}

/** The notional a code stands for (the middle of its step): for tests and hover read-outs. */
export function codeUsd(code: number, floorUsd: number, maxUsd: number): number {
  if (code <= 0) return 0;
  return floorUsd * (maxUsd / floorUsd) ** ((code - 1) / 254);
}

/** Heatmap → 8-bit cells; null when the map holds nothing. */
export function encodeHeatmap(heatmap: Heatmap, intervalMs: number): HeatmapCells | null {
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
  const span = Math.log10(maxUsd / floorUsd);
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
      long[c * rows + r] = codeOf(l[rowFrom + r] as number, floorUsd, span);
      short[c * rows + r] = codeOf(s[rowFrom + r] as number, floorUsd, span);
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
    long: toBase64(long),
    short: toBase64(short),
  };
}
