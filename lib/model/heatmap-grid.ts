import type { HeatmapCells } from './heatmap-cells';

/** The cells decoded, checked for size. */
/** Decades of notional below the largest cell that still get a colour: code 1 is max / 10^DECADES. */
export const HEATMAP_DECADES = 4;

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

/**
 * Cells → typed arrays, in a module without zod (a chart tab decodes the worker's cells without carrying
 * `HeatmapCellsSchema`). Text that is not base64, or a size that does not match, says so in one line.
 */
export function decodeHeatmap(
  cells: HeatmapCells,
): { ok: true; grid: HeatmapGrid } | { ok: false; error: string } {
  const long = fromBase64(cells.long);
  const short = fromBase64(cells.short);
  if (!long || !short) return { ok: false, error: 'heatmap cells: not base64' };
  const size = cells.columns * cells.rows;
  if (long.length !== size || short.length !== size)
    return {
      ok: false,
      error: `heatmap cells: expected ${size} bytes a side, got ${long.length} and ${short.length}`,
    };
  return { ok: true, grid: { ...cells, long, short } };
}
