import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SeriesDoc } from '../../lib/market/series';
import { computeHeatmap } from '../../lib/model/heatmap';
import {
  cellCode,
  codeUsd,
  encodeHeatmap,
  HeatmapCellsSchema,
  zeroRuns,
} from '../../lib/model/heatmap-cells';
import { decodeHeatmap, HEATMAP_DECADES } from '../../lib/model/heatmap-grid';
import { DEFAULT_PARAMS } from '../../lib/model/params';

const example = JSON.parse(readFileSync('test/fixtures/series/btc-example.json', 'utf8')) as SeriesDoc;

describe('heatmap cells', () => {
  it('codes notional on a log ramp: 0 at or below the floor, 255 at the largest cell', () => {
    expect(cellCode(0, 1e4, 1e8)).toBe(0);
    expect(cellCode(1e4, 1e4, 1e8)).toBe(0);
    expect(cellCode(1e8, 1e4, 1e8)).toBe(255);
    expect(cellCode(1e6, 1e4, 1e8)).toBe(128);
    expect(codeUsd(128, 1e4, 1e8)).toBeCloseTo(1e6, -3);
  });

  it('encodes the example in one byte a cell on a regular column grid, and decodes the same cells', () => {
    const heatmap = computeHeatmap(example, DEFAULT_PARAMS);
    const cells = encodeHeatmap(heatmap, 900_000);
    expect(cells).not.toBeNull();
    if (!cells) return;
    expect(HeatmapCellsSchema.safeParse(cells).success).toBe(true);
    expect(cells.columns).toBe(heatmap.times.length);
    expect(cells.t0).toBe(heatmap.times[0]);
    expect(cells.floorUsd).toBe(cells.maxUsd / 10 ** HEATMAP_DECADES);
    const decoded = decodeHeatmap(cells);
    if (!decoded.ok) throw new Error(decoded.error);
    const { grid } = decoded;
    expect(grid.long.length).toBe(cells.columns * cells.rows);
    const j = cells.columns - 1;
    const last = heatmap.long[j] as Float64Array;
    for (let r = 0; r < cells.rows; r += 7) {
      expect(grid.long[j * cells.rows + r]).toBe(
        cellCode(last[cells.rowFrom + r] as number, cells.floorUsd, cells.maxUsd),
      );
    }
    // The message a tab receives: about a byte a cell, in base64.
    expect(JSON.stringify(cells).length).toBeLessThan(cells.columns * cells.rows * 2 * 1.4 + 1_000);
  });

  it('leaves a candle missing from every venue as an empty column', () => {
    const heatmap = computeHeatmap(example, DEFAULT_PARAMS);
    const gap = {
      ...heatmap,
      times: heatmap.times.filter((_, j) => j !== 5),
      long: heatmap.long.filter((_, j) => j !== 5),
      short: heatmap.short.filter((_, j) => j !== 5),
    };
    const cells = encodeHeatmap(gap, 900_000);
    if (!cells) throw new Error('no cells');
    const decoded = decodeHeatmap(cells);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(cells.columns).toBe(heatmap.times.length);
    expect(decoded.grid.long.subarray(5 * cells.rows, 6 * cells.rows).every((c) => c === 0)).toBe(true);
  });

  it('writes standard base64 whatever the length of the cells', () => {
    for (const rows of [1, 2, 3, 4]) {
      const column = Float64Array.from([3e6, 2e6, 7e5, 1e6].slice(0, rows));
      const cells = encodeHeatmap({ times: [0], low: 1, width: 1, long: [column], short: [column] }, 900_000);
      if (!cells) throw new Error('no cells');
      const bytes = Buffer.from(cells.long, 'base64');
      expect(cells.long).toBe(bytes.toString('base64'));
      expect([...bytes]).toEqual([...column].map((usd) => cellCode(usd, cells.floorUsd, cells.maxUsd)));
    }
  });

  it('says so when the bytes do not fit the grid', () => {
    const heatmap = computeHeatmap(example, DEFAULT_PARAMS);
    const cells = encodeHeatmap(heatmap, 900_000);
    if (!cells) throw new Error('no cells');
    const bad = decodeHeatmap({ ...cells, rows: cells.rows + 1 });
    expect(bad.ok).toBe(false);
  });

  it('writes each run of empty cells as a 0 and its length, and reads them back', () => {
    const codes = Uint8Array.from([0, 0, 0, 7, 255, 0, 1, ...new Array(300).fill(0), 9, 0]);
    expect([...zeroRuns(codes)]).toEqual([0, 3, 7, 255, 0, 1, 1, 0, 255, 0, 45, 9, 0, 1]);
    const column = Float64Array.from([0, 0, 5e6, 0, 1e7, ...new Array(600).fill(0), 2e3]);
    const cells = encodeHeatmap(
      {
        times: [0, 900_000],
        low: 1,
        width: 1,
        long: [column, column],
        short: [column, new Float64Array(606)],
      },
      900_000,
    );
    if (!cells) throw new Error('no cells');
    const decoded = decodeHeatmap(cells);
    if (!decoded.ok) throw new Error(decoded.error);
    const expected = [...column.subarray(cells.rowFrom, cells.rowFrom + cells.rows)].map((usd) =>
      cellCode(usd, cells.floorUsd, cells.maxUsd),
    );
    expect([...decoded.grid.long]).toEqual([...expected, ...expected]);
    expect([...decoded.grid.short]).toEqual([...expected, ...new Array(cells.rows).fill(0)]);
    // The example's map is mostly empty: well under a byte a cell.
    const mostlyEmpty = encodeHeatmap(computeHeatmap(example, DEFAULT_PARAMS), 900_000);
    if (!mostlyEmpty) throw new Error('no cells');
    expect(mostlyEmpty.long.length).toBeLessThan(mostlyEmpty.columns * mostlyEmpty.rows * 0.75);
  });

  it('refuses codes that do not make the grid: a run without its length, a run of 0, too few or too many', () => {
    const base = encodeHeatmap(
      {
        times: [0],
        low: 1,
        width: 1,
        long: [Float64Array.from([1e6, 0, 0, 2e6])],
        short: [Float64Array.from([1e6, 0, 0, 2e6])],
      },
      900_000,
    );
    if (!base) throw new Error('no cells');
    const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');
    for (const bytes of [
      [9, 0],
      [9, 0, 0, 9],
      [9, 0, 1, 9],
      [9, 0, 2, 9, 9],
      [0, 5],
    ]) {
      const result = decodeHeatmap({ ...base, long: b64(bytes) });
      expect(result.ok, String(bytes)).toBe(false);
      if (!result.ok)
        expect(result.error).toBe('heatmap cells: the codes do not make 4 cells a side (1 × 4)');
    }
    expect(decodeHeatmap({ ...base, long: b64([9, 0, 2, 9]) }).ok).toBe(true);
  });
});
