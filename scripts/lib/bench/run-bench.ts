import { cpus, loadavg } from 'node:os';
import { formatHelp, parseArgs } from '../args';
import { CliError, type CliIo, EXIT, firstLine } from '../cli-io';
import { BENCH_CASES } from './cases';
import { IMPORT_DIR, readImported } from './imported';
import { measureMetrics, measureTimed } from './measure';
import { benchTable } from './table';
import type { BenchCase, BenchReport, BenchResult } from './types';

export const BENCH_FLAGS = [
  { name: 'json', kind: 'boolean', help: 'print the results as JSON on stdout' },
  { name: 'only', kind: 'string', value: 'NAMES', help: 'run only these cases, comma-separated' },
  { name: 'runs', kind: 'string', value: 'N', help: 'timed runs per case (after the warm-up)' },
  {
    name: 'import-dir',
    kind: 'string',
    value: 'DIR',
    help: `read figures measured elsewhere (default ${IMPORT_DIR})`,
  },
  { name: 'help', kind: 'boolean', short: 'h', help: 'show this help' },
] as const;

function pickCases(cases: readonly BenchCase[], only: string | undefined): BenchCase[] {
  if (only === undefined) return [...cases];
  const names = only.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !cases.some((c) => c.name === n));
  if (unknown.length) {
    throw new CliError(
      `--only: unknown case ${unknown.join(', ')} (cases: ${cases.map((c) => c.name).join(', ')})`,
    );
  }
  return cases.filter((c) => names.includes(c.name));
}

function parseRuns(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new CliError('--runs: expected a whole number from 1 to 10000');
  return n;
}

/** `npm run bench` as a function; progress goes to stderr so that --json leaves stdout clean. */
export async function runBench(
  argv: readonly string[],
  io: CliIo,
  cases: readonly BenchCase[] = BENCH_CASES,
): Promise<number> {
  try {
    const parsed = parseArgs(argv, BENCH_FLAGS);
    if (!parsed.ok) throw new CliError(parsed.error);
    const flags = parsed.value;
    if (flags.help) {
      const help = formatHelp({
        usage: ['npm run bench -- [--json] [--only NAMES] [--runs N] [--import-dir DIR]'],
        flags: BENCH_FLAGS,
        notes: [`Cases: ${cases.map((c) => c.name).join(', ')}`],
      });
      io.stdout(`${help.join('\n')}\n`);
      return EXIT.ok;
    }
    const runs = parseRuns(flags.runs);
    const results: BenchResult[] = [];
    for (const c of pickCases(cases, flags.only)) {
      io.stderr(`bench: ${c.name} …\n`);
      results.push(c.kind === 'timed' ? await measureTimed(c, runs) : await measureMetrics(c));
    }
    if (flags.only === undefined) {
      // A case measured in this run replaces the figures it wrote on an earlier one (out/bench/overlay.json).
      const measured = new Set(
        results.filter((r) => r.kind === 'timed' || r.metrics.length > 0).map((r) => r.name),
      );
      const imported = await readImported(flags['import-dir'] ?? IMPORT_DIR, (line) =>
        io.stderr(`${line}\n`),
      );
      results.push(...imported.filter((r) => !measured.has(r.name)));
    }
    const report: BenchReport = {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      loadAverage: loadavg()[0] ?? 0,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      results,
    };
    io.stdout(flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${benchTable(report).join('\n')}\n`);
    const failed = overLimit(results);
    for (const line of failed) io.stderr(`bench: FAIL: ${line}\n`);
    return failed.length > 0 ? EXIT.internal : EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`bench: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`bench: internal error: ${firstLine(error)}\n`);
    return EXIT.internal;
  }
}

/** The figures measured in this run that exceed their hard limit (`Metric.limitMax`), one line each. */
function overLimit(results: readonly BenchResult[]): string[] {
  return results.flatMap((r) =>
    r.kind === 'metrics' && r.source === null
      ? r.metrics
          .filter((m) => m.limitMax !== undefined && m.value > m.limitMax)
          .map((m) => `${r.name}: ${m.label} ${m.value} ${m.unit} > ${m.limitMax} ${m.unit}`)
      : [],
  );
}
