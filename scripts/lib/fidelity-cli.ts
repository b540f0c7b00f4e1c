import { FidelityInputError, parseFidelityCsv } from '../../lib/fidelity/csv';
import { fidelityReport } from '../../lib/fidelity/report';
import { runFidelity } from '../../lib/fidelity/run-fidelity';
import { DEFAULT_PARAMS, MODEL_VERSIONS, type ModelParams, resolveParams } from '../../lib/model/params';
import { formatHelp, parseArgs } from './args';
import { CliError, type CliIo, EXIT, firstLine } from './cli-io';
import { parseJson, readTextFile } from './read-json';
import { zodLine } from './zod-line';

export const FIDELITY_FLAGS = [
  {
    name: 'csv',
    kind: 'string',
    value: 'FILE',
    help: 'hourly file (timestamp, OHLC, oi_close, liquidation_long_usd, …)',
  },
  {
    name: 'params',
    kind: 'string',
    value: 'JSON',
    help: 'model parameters over the defaults, e.g. \'{"version":"v2"}\' (without version: v1 and v2)',
  },
  {
    name: 'from',
    kind: 'string',
    value: 'DATE',
    help: 'score only hours at or after DATE (UTC, e.g. 2026-01-21)',
  },
  { name: 'to', kind: 'string', value: 'DATE', help: 'score only hours before DATE' },
  { name: 'json', kind: 'boolean', help: 'print the result as JSON on stdout' },
  { name: 'help', kind: 'boolean', short: 'h', help: 'show this help' },
] as const;

export const FIDELITY_HELP = formatHelp({
  usage: ['npm run fidelity -- --csv FILE [--params JSON] [--from DATE] [--to DATE] [--json]'],
  flags: FIDELITY_FLAGS,
  notes: [
    'Scores the at-risk estimate against realised liquidations (docs/model.md "Fidelity"): every 6th hour',
    'after 30 days of warm-up, Spearman ρ of at-risk against realised over the next 4 h and 24 h, per side,',
    'J = their mean, beside the null (open interest × the adverse move) with a block-bootstrap interval.',
    'DATE: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z], read as UTC. Exit codes: 0 done, 1 internal error, 2 bad input.',
  ],
});

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseDate(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const zoned = /T/.test(text) && !/(Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text;
  const ms = DATE.test(text) ? Date.parse(zoned) : Number.NaN;
  if (!Number.isFinite(ms))
    throw new CliError(`--${flag}: '${text}' is not a date such as 2026-01-21 or 2026-01-21T12:00Z`);
  return ms;
}

/** The versions to score: the one `--params` names, or v1 and v2 side by side. */
function modelsFromParams(text: string | undefined): ModelParams[] {
  const overrides = text === undefined ? {} : parseJson(text, '--params');
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new CliError('--params: expected a JSON object such as {"version":"v2"}');
  }
  const given = overrides as Record<string, unknown>;
  if (given.interval !== undefined && given.interval !== '1h') {
    throw new CliError(
      `--params: interval: the file is hourly, so the interval is 1h (got ${JSON.stringify(given.interval)})`,
    );
  }
  const versions = given.version === undefined ? MODEL_VERSIONS : [given.version];
  return versions.map((version) => {
    const resolved = resolveParams({ ...given, interval: '1h', version });
    if (!resolved.ok) {
      const unknown = resolved.error.issues.some((issue) => issue.code === 'unrecognized_keys');
      const known = unknown ? ` (known: ${Object.keys(DEFAULT_PARAMS).join(', ')})` : '';
      throw new CliError(`${zodLine(resolved.error, '--params')}${known}`);
    }
    return resolved.params;
  });
}

/** A progress bar on stderr, redrawn when the whole percent changes. */
function progressBar(io: CliIo): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const pct = Math.floor((done / total) * 100);
    if (pct === shown) return;
    shown = pct;
    const filled = Math.round(pct / 5);
    io.stderr(`\rscoring [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${done}/${total} model runs`);
    if (done === total) io.stderr('\n');
  };
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, FIDELITY_FLAGS);
  if (!parsed.ok) throw new CliError(parsed.error);
  const flags = parsed.value;
  if (flags.help) {
    io.stdout(`${FIDELITY_HELP.join('\n')}\n`);
    return EXIT.ok;
  }
  if (flags.csv === undefined) throw new CliError('nothing to score: give --csv FILE (see --help)');
  const models = modelsFromParams(flags.params);
  const from = parseDate(flags.from, 'from');
  const to = parseDate(flags.to, 'to');
  if (from !== undefined && to !== undefined && !(from < to))
    throw new CliError('--from must be before --to');

  const text = await readTextFile(io, flags.csv);
  let rows: ReturnType<typeof parseFidelityCsv>;
  try {
    rows = parseFidelityCsv(text);
  } catch (error) {
    if (error instanceof FidelityInputError) throw new CliError(`${flags.csv}: ${error.message}`);
    throw error;
  }
  const started = performance.now();
  const result = runFidelity(rows, { models, from, to, onProgress: progressBar(io) });
  if (result.points === 0) {
    throw new CliError(
      `${flags.csv}: no hour to score: each needs the 30 days before it and the 24 h after it in the file${from !== undefined || to !== undefined ? ', within --from/--to' : ''}`,
    );
  }
  io.stderr(`scored ${result.points} points in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (flags.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(`${fidelityReport(result, flags.csv).join('\n')}\n`);
  return EXIT.ok;
}

/** `npm run fidelity` as a function: arguments and I/O in, exit code out; every failure one line on stderr. */
export async function runFidelityCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`fidelity: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`fidelity: internal error: ${firstLine(error)}\n`);
    return EXIT.internal;
  }
}
