import type { HeatmapCells } from './heatmap-cells';

/** Decades of notional below the largest cell that still get a colour: code 1 is max / 10^DECADES. */
export const HEATMAP_DECADES = 4;

/** The cells decoded, checked for size. */
export interface HeatmapGrid extends Omit<HeatmapCells, 'long' | 'short'> {
  long: Uint8Array;
  short: Uint8Array;
}

function fromBase64(text: string): Uint8Array | null {
  let raw: string;
  try {
    raw = atob(text);
  } catch {
    return null;
  }
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** `zeroRuns` undone into exactly `size` codes; null when a run has no length or the codes do not fill `size`. */
function expandZeroRuns(bytes: Uint8Array, size: number): Uint8Array | null {
  const out = new Uint8Array(size);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes[i] as number;
    if (code !== 0) {
      if (o >= size) return null;
      out[o++] = code;
      continue;
    }
    const run = bytes[++i];
    if (run === undefined || run === 0 || o + run > size) return null;
    o += run; // already 0
  }
  return o === size ? out : null;
}

/**
 * Cells → typed arrays, in a module without zod (a chart tab decodes the worker's cells without carrying
 * `HeatmapCellsSchema`). Text that is not base64, or a size that does not match, says so in one line.
 */
export function decodeHeatmap(
  cells: HeatmapCells,
): { ok: true; grid: HeatmapGrid } | { ok: false; error: string } {
  const longBytes = fromBase64(cells.long);
  const shortBytes = fromBase64(cells.short);
  if (!longBytes || !shortBytes) return { ok: false, error: 'heatmap cells: not base64' };
  const size = cells.columns * cells.rows;
  const long = expandZeroRuns(longBytes, size);
  const short = expandZeroRuns(shortBytes, size);
  if (!long || !short)
    return {
      ok: false,
      error: `heatmap cells: the codes do not make ${size} cells a side (${cells.columns} × ${cells.rows})`,
    };
  return { ok: true, grid: { ...cells, long, short } };
}
