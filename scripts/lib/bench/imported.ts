import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../../../lib/util/zod';
import { zodLine } from '../zod-line';
import type { MetricResult } from './types';

/**
 * Figures measured elsewhere and shown in the same table: a benchmark that needs a browser (the overlay's
 * per-frame cost, bundle sizes from a build) writes one of these files into `out/bench/`, e.g.
 * `{"measuredAt":"2026-11-01T12:00:00Z","cases":[{"name":"overlay frame","description":"…",
 *   "metrics":[{"label":"median per frame","value":0.21,"unit":"ms","targetMax":1}]}]}`.
 */
export const ImportedBenchSchema = z.object({
  measuredAt: z.string().check(z.minLength(1)),
  cases: z.array(
    z.object({
      name: z.string().check(z.minLength(1)),
      description: z._default(z.string(), ''),
      metrics: z.array(
        z.object({
          label: z.string(),
          value: z.number(),
          unit: z.string(),
          targetMax: z.optional(z.number()),
          limitMax: z.optional(z.number()),
        }),
      ),
    }),
  ),
});
export type ImportedBench = z.infer<typeof ImportedBenchSchema>;

export const IMPORT_DIR = 'out/bench';

/** Reads every `*.json` in `dir`; a missing dir gives nothing, a broken file a warning line and nothing. */
export async function readImported(dir: string, warn: (line: string) => void): Promise<MetricResult[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const results: MetricResult[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      warn(`bench: skipped ${path}: not readable JSON`);
      continue;
    }
    const parsed = ImportedBenchSchema.safeParse(raw);
    if (!parsed.success) {
      warn(`bench: skipped ${zodLine(parsed.error, path)}`);
      continue;
    }
    for (const c of parsed.data.cases) {
      results.push({
        kind: 'metrics',
        name: c.name,
        description: c.description,
        metrics: c.metrics,
        source: path,
        measuredAt: parsed.data.measuredAt,
      });
    }
  }
  return results;
}
