import { type SeriesDoc, SeriesDocSchema } from '../../lib/market/series';
import type { CliIo } from './cli-io';
import { type DepthFile, parseDepth } from './depth-input';
import { parseWithSchema, readJsonFile } from './read-json';

export interface SeriesInput {
  doc: SeriesDoc;
  /** Depth carried beside the series in the same file (`"depth": {bids, asks}`), if any. */
  depth: DepthFile | undefined;
}

/** Reads a liqlens.series/1 file; every problem is a CliError naming the file and the field path. */
export async function loadSeries(io: CliIo, path: string): Promise<SeriesInput> {
  const raw = await readJsonFile(io, path);
  const doc = parseWithSchema(SeriesDocSchema, raw, path);
  const embedded = (raw as { depth?: unknown }).depth;
  const depth = embedded === undefined ? undefined : parseDepth(embedded, `${path}: depth`);
  return { doc, depth };
}
