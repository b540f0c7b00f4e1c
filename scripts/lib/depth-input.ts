import { z } from '../../lib/util/zod';
import type { CliIo } from './cli-io';
import { parseWithSchema, readJsonFile } from './read-json';

const finite = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const LevelSchema = z.tuple([finite().check(z.positive()), finite().check(z.nonnegative())]);

/**
 * Order-book depth for the cascade estimate: USD resting per price level, merged across venues —
 * `{ "bids": [[price, usd], …], "asks": [[price, usd], …] }`, in any order (sorted here).
 */
export const DepthFileSchema = z.object({
  bids: z.array(LevelSchema),
  asks: z.array(LevelSchema),
});
export type DepthFile = z.infer<typeof DepthFileSchema>;

/** Bids from the touch down, asks from the touch up, as the cascade walks them. */
export function sortDepth(depth: DepthFile): DepthFile {
  return {
    bids: [...depth.bids].sort((a, b) => b[0] - a[0]),
    asks: [...depth.asks].sort((a, b) => a[0] - b[0]),
  };
}

export function parseDepth(value: unknown, label: string): DepthFile {
  return sortDepth(parseWithSchema(DepthFileSchema, value, label));
}

export async function loadDepth(io: CliIo, path: string): Promise<DepthFile> {
  return parseDepth(await readJsonFile(io, path), path);
}
