import { buildClusterView } from '../../lib/engine/build-view';
import { type ClusterView, ClusterViewSchema } from '../../lib/model/cluster-view';
import { ModelInputError } from '../../lib/model/errors';
import { computeHeatmap } from '../../lib/model/heatmap';
import { clusterReport } from '../../lib/report/cluster-report';
import { terminalSafe, terminalSafeJson } from '../../lib/report/terminal-safe';
import { formatHelp, parseArgs } from './args';
import { CliError, type CliIo, EXIT, firstLine } from './cli-io';
import { loadDepth } from './depth-input';
import { LIVE_FLAGS, LIVE_NOTES, LIVE_USAGE, rejectLiveOnly, runLive } from './live-run';
import { firstNonFinite } from './non-finite';
import { paramsForSeries } from './params-input';
import { loadSeries } from './series-input';
import { venueViewsFromSeries } from './series-venues';
import { zodLine } from './zod-line';

/** The flags of `npm run clusters`; live fetching adds its own rows here. */
export const CLUSTERS_FLAGS = [
  { name: 'series', kind: 'string', value: 'FILE', help: 'run the model on a liqlens.series/1 document' },
  {
    name: 'params',
    kind: 'string',
    value: 'JSON',
    help: 'override model parameters, e.g. \'{"movePct":5,"halfLifeHours":0}\'',
  },
  {
    name: 'depth',
    kind: 'string',
    value: 'FILE',
    help: 'order-book depth {"bids":[[price,usd],…],"asks":[…]} for the cascade estimate',
  },
  { name: 'json', kind: 'boolean', help: 'print the ClusterView as JSON on stdout, nothing else' },
  {
    name: 'heatmap',
    kind: 'boolean',
    help: 'with --json: add "heatmap": {"times","long","short"}, the map at each candle\'s close on the grid of bins',
  },
  ...LIVE_FLAGS,
  { name: 'help', kind: 'boolean', short: 'h', help: 'show this help' },
] as const;

export const CLUSTERS_HELP = formatHelp({
  usage: [
    'npm run clusters -- --series FILE [--params JSON] [--depth FILE] [--json [--heatmap]]',
    LIVE_USAGE,
  ],
  flags: CLUSTERS_FLAGS,
  notes: [
    'Parameters use the names of docs/model.md (version, tiers, mmr, split, halfLifeHours, window, interval,',
    'binPct, rangePct, movePct, minBinUsd); version is "v1" or "v2". A series file may also carry the depth in a "depth" field;',
    '--depth wins. Exit codes: 0 done, 1 internal error, 2 bad input.',
    'Example: npm run clusters -- --series test/fixtures/series/btc-example.json',
    ...LIVE_NOTES,
  ],
});

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, CLUSTERS_FLAGS);
  if (!parsed.ok) throw new CliError(parsed.error);
  const flags = parsed.value;
  if (flags.help) {
    io.stdout(`${CLUSTERS_HELP.join('\n')}\n`);
    return EXIT.ok;
  }
  if (flags.symbol !== undefined || flags.har !== undefined) {
    if (flags.series !== undefined)
      throw new CliError('--series and --symbol/--har do not go together (one input)');
    if (flags.depth !== undefined)
      throw new CliError('--depth goes with --series: live runs fetch the order books');
    if (flags.heatmap) throw new CliError('--heatmap goes with --series');
    return runLive(flags, io);
  }
  rejectLiveOnly(flags);
  if (flags.series === undefined) throw new CliError('nothing to run: give --series FILE (see --help)');
  if (flags.heatmap && !flags.json) throw new CliError('--heatmap goes with --json');

  const { doc, depth: embeddedDepth } = await loadSeries(io, flags.series);
  const params = paramsForSeries(flags.params, doc);
  const depth = flags.depth === undefined ? embeddedDepth : await loadDepth(io, flags.depth);

  let built: ClusterView;
  try {
    built = buildClusterView({ series: doc, params, depth, venues: venueViewsFromSeries(doc, params) });
  } catch (error) {
    if (error instanceof ModelInputError) throw new CliError(`${flags.series}: ${error.message}`);
    throw error;
  }
  // Every figure in the document is finite, so a figure that is not overflowed on extreme magnitudes.
  const overflow = firstNonFinite(built);
  if (overflow !== null) {
    throw new CliError(
      `${flags.series}: the figures overflow (${overflow} is not finite): prices, volumes and open interest must be in ordinary units`,
    );
  }
  // Parsing the output keeps --json to exactly the ClusterView's fields, and catches a broken view.
  const view = ClusterViewSchema.safeParse(built);
  if (!view.success)
    throw new CliError(zodLine(view.error, 'internal error: invalid ClusterView'), EXIT.internal);

  if (flags.json && flags.heatmap) {
    const heatmap = computeHeatmap(doc, params);
    const out = {
      ...view.data,
      heatmap: {
        times: heatmap.times,
        long: heatmap.long.map((column) => Array.from(column)),
        short: heatmap.short.map((column) => Array.from(column)),
      },
    };
    io.stdout(`${terminalSafeJson(JSON.stringify(out, null, 2))}\n`);
  } else if (flags.json) io.stdout(`${terminalSafeJson(JSON.stringify(view.data, null, 2))}\n`);
  else io.stdout(`${clusterReport(view.data).map(terminalSafe).join('\n')}\n`);
  return EXIT.ok;
}

/**
 * `npm run clusters` as a function: arguments and I/O in, exit code out. Every failure is one line on
 * stderr — exit 2 for bad input, 1 for our own bugs — never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`clusters: ${terminalSafe(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr(`clusters: internal error: ${terminalSafe(firstLine(error))}\n`);
    return EXIT.internal;
  }
}
